import type { Metadata } from "next";
import { VillageCardView } from "@/components/catalog/place-cards";
import { listVillages } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("village.listTitle"), description: t("village.listLead") };
}

export default async function VillagesPage() {
  const locale = await getLocale();
  const [t, villages] = await Promise.all([getT(), listVillages(locale)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("village.listTitle")}</h1>
      <p className="max-w-3xl text-earth-600">{t("village.listLead")}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {villages.map((v) => (
          <li key={v.slug}>
            <VillageCardView village={v} t={t} />
          </li>
        ))}
      </ul>
    </div>
  );
}
