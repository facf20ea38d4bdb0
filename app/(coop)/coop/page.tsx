import type { Metadata } from "next";
import { ManagedCooperatives } from "@/components/coop/managed-cooperatives";
import { PageHeader } from "@/components/ui/section";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { coopProductSummary } from "@/lib/server/queries/coop-products";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.coopTitle"), robots: { index: false } };
}

/** The manager's home: per cooperative, products by listing state, low stock, and links to everything. */
export default async function CoopHome() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  const scope = { cooperativeIds: user.cooperativeIds };
  const [t, coops, summaries] = await Promise.all([getT(), listManagedCooperatives(db, scope), coopProductSummary(db, scope)]);
  const [thisMonth = ""] = lastMonths(new Date(), 1);
  return (
    <div className="space-y-4">
      <PageHeader title={t("areas.coopTitle")} lead={t("areas.coopLead")} />
      <ManagedCooperatives cooperatives={coops} summaries={summaries} month={thisMonth} />
    </div>
  );
}
