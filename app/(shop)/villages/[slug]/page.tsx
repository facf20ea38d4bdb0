import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VillageTemplate } from "@/components/catalog/templates/village-template";
import { getLocale, getT } from "@/lib/server/i18n";
import { getVillage } from "../../_lib/reads";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale, t] = await Promise.all([params, getLocale(), getT()]);
  const village = await getVillage(slug, locale);
  if (!village) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.villageTitle", { name: village.name }), description: village.description.slice(0, 160), alternates: { canonical: `/villages/${village.slug}` } };
}

export default async function VillagePage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, getLocale()]);
  const village = await getVillage(slug, locale);
  if (!village) notFound();
  return <VillageTemplate village={village} />;
}
