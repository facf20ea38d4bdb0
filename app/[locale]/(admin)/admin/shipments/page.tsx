import type { Metadata } from "next";
import { LateShipments } from "@/components/admin/late-shipments";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, sortable } from "@/components/console/sort-header";
import { PageHeader } from "@/components/ui/section";
import { type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { LATE_LIST, type LateSort, listLateShipments, parseLateListQuery } from "@/lib/server/fulfilment/late";
import { getT } from "@/lib/server/i18n";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.late.title"), robots: { index: false } };
}

/** Shipments late to ship (paid more than 48 h ago, not shipped), across cooperatives, sorted and paged in the database. Admins only. */
export default async function LateShipmentsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/shipments");
  const query = parseLateListQuery(await searchParams);
  const [t, late] = await Promise.all([getT(), listLateShipments(db, { list: query })]);
  const ctx: SortContext<LateSort> = { path: "/admin/shipments", params: {}, spec: LATE_LIST, query };
  return (
    <div className="space-y-4">
      <PageHeader title={t("fulfilment.late.title")} lead={t("fulfilment.late.lead")} />
      <p className="text-sm text-earth-600">{t("fulfilment.late.total", { count: late.total })}</p>
      {late.shipments.length === 0 ? (
        <EmptyState message={t("fulfilment.late.emptyNone")} next={{ href: "/admin/reports", label: t("fulfilment.late.emptyNext") }} firstPageHref={query.page > 1 ? "/admin/shipments" : undefined} />
      ) : (
        <>
          <LateShipments
            shipments={late.shipments}
            sortable={{ order: sortable(ctx, "number", t("fulfilment.late.order")), paid: sortable(ctx, "paid", t("fulfilment.late.paidAt")), coop: sortable(ctx, "cooperative", t("fulfilment.late.cooperative")) }}
          />
          <Pager path="/admin/shipments" params={sortParams(LATE_LIST, query)} page={query.page} pages={late.pages} total={late.total} />
        </>
      )}
    </div>
  );
}
