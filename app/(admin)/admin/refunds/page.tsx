import type { Metadata } from "next";
import { DecidedRefunds } from "@/components/admin/decided-refunds";
import { RefundRequests } from "@/components/admin/refund-requests";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listRecentlyDecidedRefunds, listRefundRequests } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.refunds"), robots: { index: false } };
}

/** Refund requests awaiting a decision, and below them the ones admins decided most recently. */
export default async function RefundsPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/refunds");
  const [t, open, decided] = await Promise.all([getT(), listRefundRequests(db, { locale: await getLocale() }), listRecentlyDecidedRefunds(db, { limit: 20 })]);
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <PageHeader title={t("admin.refunds")} lead={t("admin.refundsLead")} />
        <RefundRequests refunds={open} />
      </div>
      <DecidedRefunds refunds={decided} />
    </div>
  );
}
