import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CooperativeTemplate } from "@/components/catalog/templates/cooperative-template";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getT } from "@/lib/server/i18n";
import { getCooperative } from "../../_lib/reads";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on its first visit per language, then served from the cache until the cooperative's products change.
export const dynamic = "error";
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const [coop, t] = await Promise.all([getCooperative(slug, locale), getT(locale)]);
  if (!coop) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.cooperativeTitle", { name: coop.name }), description: coop.description.slice(0, 160), alternates: { canonical: `/cooperatives/${coop.slug}` } };
}

export default async function CooperativePage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const coop = await getCooperative(slug, locale);
  if (!coop) notFound();
  return <CooperativeTemplate coop={coop} />;
}
