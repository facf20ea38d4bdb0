import type { Metadata } from "next";
import { CooperativeCardView } from "@/components/catalog/place-cards";
import { listCooperatives } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cooperative.listTitle"), description: t("cooperative.listLead") };
}

export default async function CooperativesPage() {
  const locale = await getLocale();
  const [t, cooperatives] = await Promise.all([getT(), listCooperatives(locale)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("cooperative.listTitle")}</h1>
      <p className="max-w-3xl text-earth-600">{t("cooperative.listLead")}</p>
      <ul className="grid gap-3 sm:grid-cols-2">
        {cooperatives.map((c) => (
          <li key={c.slug}>
            <CooperativeCardView cooperative={c} t={t} />
          </li>
        ))}
      </ul>
    </div>
  );
}
