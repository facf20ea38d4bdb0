import type { Metadata } from "next";
import { VillageListTemplate } from "@/components/catalog/templates/place-list-templates";
import { getLocale, getT } from "@/lib/server/i18n";
import { listVillages } from "@/lib/server/queries/catalog-cached";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("village.listTitle"), description: t("village.listLead") };
}

export default async function VillagesPage() {
  const villages = await listVillages(await getLocale());
  return <VillageListTemplate villages={villages} />;
}
