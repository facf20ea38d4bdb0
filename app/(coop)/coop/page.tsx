import type { Metadata } from "next";
import Link from "next/link";
import { ManagedCooperatives } from "@/components/coop/managed-cooperatives";
import { PageHeader } from "@/components/ui/section";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.coopTitle"), robots: { index: false } };
}

export default async function CoopHome() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  const [t, coops] = await Promise.all([getT(), listManagedCooperatives(db, { cooperativeIds: user.cooperativeIds })]);
  const [thisMonth = ""] = lastMonths(new Date(), 1);
  return (
    <div className="space-y-4">
      <PageHeader title={t("areas.coopTitle")} lead={t("areas.coopLead")} />
      <ManagedCooperatives cooperatives={coops} month={thisMonth} />
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/coop/products" className="block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700">
            {t("coopProducts.title")}
          </Link>
        </li>
      </ul>
      <p className="text-earth-600">{t("areas.coopSoon")}</p>
    </div>
  );
}
