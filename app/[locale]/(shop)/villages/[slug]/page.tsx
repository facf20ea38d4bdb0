import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VillageTemplate } from "@/components/catalog/templates/village-template";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getT } from "@/lib/server/i18n";
import { getVillage } from "../../_lib/reads";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on its first visit per language, then served from the cache until the village's products change.
export const dynamic = "error";
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const [village, t] = await Promise.all([getVillage(slug, locale), getT(locale)]);
  if (!village) return { title: t("errors.notFoundTitle") };
  return { title: t("meta.villageTitle", { name: village.name }), description: village.description.slice(0, 160), alternates: { canonical: `/villages/${village.slug}` } };
}

export default async function VillagePage({ params }: Props) {
  const [{ slug }, locale] = await Promise.all([params, cachedPageLocale(params)]);
  const village = await getVillage(slug, locale);
  if (!village) notFound();
  return <VillageTemplate village={village} />;
}
