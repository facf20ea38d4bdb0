import type { Metadata } from "next";
import { CooperativeListTemplate } from "@/components/catalog/templates/place-list-templates";
import { getLocale, getT } from "@/lib/server/i18n";
import { listCooperatives } from "@/lib/server/queries/catalog-cached";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cooperative.listTitle"), description: t("cooperative.listLead") };
}

export default async function CooperativesPage() {
  const cooperatives = await listCooperatives(await getLocale());
  return <CooperativeListTemplate cooperatives={cooperatives} />;
}
