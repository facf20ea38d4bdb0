import type { Metadata } from "next";
import { ConfirmedTransfers } from "@/components/admin/confirmed-transfers";
import { PendingTransfers } from "@/components/admin/pending-transfers";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listRecentlyConfirmedTransfers, listTransfersAwaitingConfirmation } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.transfers"), robots: { index: false } };
}

/** Bank transfers awaiting confirmation, and below them the ones admins confirmed most recently. */
export default async function TransfersPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/transfers");
  const [t, pending, confirmed] = await Promise.all([getT(), listTransfersAwaitingConfirmation(db), listRecentlyConfirmedTransfers(db, { limit: 20 })]);
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <PageHeader title={t("admin.transfers")} lead={t("admin.transfersLead")} />
        <PendingTransfers orders={pending} />
      </div>
      <ConfirmedTransfers transfers={confirmed} />
    </div>
  );
}
