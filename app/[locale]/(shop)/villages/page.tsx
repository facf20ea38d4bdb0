import type { Metadata } from "next";
import { VillageListTemplate } from "@/components/catalog/templates/place-list-templates";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getT } from "@/lib/server/i18n";
import { listVillages } from "@/lib/server/queries/catalog-cached";

type Props = { params: Promise<{ locale: string }> };

// Rendered once per language and served from the cache (lib/server/cached-page.ts).
export const dynamic = "error";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await cachedPageLocale(params));
  return { title: t("village.listTitle"), description: t("village.listLead") };
}

export default async function VillagesPage({ params }: Props) {
  const villages = await listVillages(await cachedPageLocale(params));
  return <VillageListTemplate villages={villages} />;
}
