import type { Metadata } from "next";
import { ConfirmedTransfers } from "@/components/admin/confirmed-transfers";
import { PendingTransfers } from "@/components/admin/pending-transfers";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { PageHeader } from "@/components/ui/section";
import { type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listRecentlyConfirmedTransfers, listTransfersAwaitingPage, parseTransferListQuery, TRANSFER_LIST, type TransferSort } from "@/lib/server/queries/orders";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.transfers"), robots: { index: false } };
}

/** Bank transfers awaiting confirmation (sorted and paged in the database), and below them the ones admins confirmed most recently. */
export default async function TransfersPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/transfers");
  const query = parseTransferListQuery(await searchParams);
  const [t, pending, confirmed] = await Promise.all([getT(), listTransfersAwaitingPage(db, query), listRecentlyConfirmedTransfers(db, { limit: 20 })]);
  const sort: SortContext<TransferSort> = { path: "/admin/transfers", params: {}, spec: TRANSFER_LIST, query };
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <PageHeader title={t("admin.transfers")} lead={t("admin.transfersLead")} />
        {pending.rows.length > 0 && <SortLinks ctx={sort} labels={{ placed: t("admin.transferSort.placed"), amount: t("admin.transferSort.amount"), number: t("admin.transferSort.number") }} />}
        <PendingTransfers orders={pending.rows} />
        <Pager path="/admin/transfers" params={sortParams(TRANSFER_LIST, query)} page={query.page} pages={pending.pages} total={pending.total} />
      </div>
      <ConfirmedTransfers transfers={confirmed} />
    </div>
  );
}
