import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CooperativeTemplate } from "@/components/catalog/templates/cooperative-template";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCooperative } from "../../_lib/reads";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const coop = await getCooperative(slug, locale);
  if (!coop) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.cooperativeTitle", { name: coop.name }), description: coop.description.slice(0, 160), alternates: { canonical: `/cooperatives/${coop.slug}` } };
}

export default async function CooperativePage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const coop = await getCooperative(slug, locale);
  if (!coop) notFound();
  return <CooperativeTemplate coop={coop} />;
}
