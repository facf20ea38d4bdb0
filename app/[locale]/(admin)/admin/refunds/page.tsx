import type { Metadata } from "next";
import { DecidedRefunds } from "@/components/admin/decided-refunds";
import { RefundRequests } from "@/components/admin/refund-requests";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { PageHeader } from "@/components/ui/section";
import { type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listRecentlyDecidedRefunds, listRefundRequestsPage, parseRefundListQuery, REFUND_LIST, type RefundSort } from "@/lib/server/queries/orders";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("admin.refunds"), robots: { index: false } };
}

/** Refund requests awaiting a decision (sorted and paged in the database), and below them the ones admins decided most recently. */
export default async function RefundsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/refunds");
  const query = parseRefundListQuery(await searchParams);
  const [t, open, decided] = await Promise.all([getT(), listRefundRequestsPage(db, query, { locale: await getLocale() }), listRecentlyDecidedRefunds(db, { limit: 20 })]);
  const sort: SortContext<RefundSort> = { path: "/admin/refunds", params: {}, spec: REFUND_LIST, query };
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <PageHeader title={t("admin.refunds")} lead={t("admin.refundsLead")} />
        {open.rows.length > 0 && <SortLinks ctx={sort} labels={{ requested: t("admin.refundSort.requested"), amount: t("admin.refundSort.amount"), number: t("admin.refundSort.number") }} />}
        <RefundRequests refunds={open.rows} />
        <Pager path="/admin/refunds" params={sortParams(REFUND_LIST, query)} page={query.page} pages={open.pages} total={open.total} />
      </div>
      <DecidedRefunds refunds={decided} />
    </div>
  );
}
