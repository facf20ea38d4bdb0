import type { Metadata } from "next";
import { CooperativeListTemplate } from "@/components/catalog/templates/place-list-templates";
import { cachedPageLocale } from "@/lib/server/cached-page";
import { getT } from "@/lib/server/i18n";
import { listCooperatives } from "@/lib/server/queries/catalog-cached";

type Props = { params: Promise<{ locale: string }> };

// Rendered once per language and served from the cache (lib/server/cached-page.ts).
export const dynamic = "error";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT(await cachedPageLocale(params));
  return { title: t("cooperative.listTitle"), description: t("cooperative.listLead") };
}

export default async function CooperativesPage({ params }: Props) {
  const cooperatives = await listCooperatives(await cachedPageLocale(params));
  return <CooperativeListTemplate cooperatives={cooperatives} />;
}
