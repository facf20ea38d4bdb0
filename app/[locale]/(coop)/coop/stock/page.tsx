import type { Metadata } from "next";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, sortable } from "@/components/console/sort-header";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { StockLowTable } from "@/components/coop/stock-low-table";
import { PageHeader } from "@/components/ui/section";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { LOW_STOCK_LIST, listLowStockPage, type LowStockSort, parseLowStockListQuery } from "@/lib/server/listings/stock";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("stock.low.title"), robots: { index: false } };
}

/** The cooperative's products at or below their low-stock alert level (?c=&sort=&dir=&page=), sorted and paged in the database. */
export default async function LowStockPage({ searchParams }: Props) {
  const params = await searchParams;
  const { scope } = await guardCooperativePage(params.c, "/coop/stock");
  const query = parseLowStockListQuery(params);
  const [t, locale, coops, low] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope), listLowStockPage(db, scope, query)]);
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const kept = { c: scope.cooperativeId };
  const ctx: SortContext<LowStockSort> = { path: "/coop/stock", params: kept, spec: LOW_STOCK_LIST, query };
  return (
    <div className="space-y-4">
      <PageHeader title={t("stock.low.title")} subtitle={current && named(current, locale)} lead={t("stock.low.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/stock?c=${id}`} />
      {!low || low.rows.length === 0 ? (
        <EmptyState message={t("stock.low.emptyNone")} next={{ href: "/coop/products", label: t("stock.low.emptyNext") }} firstPageHref={query.page > 1 ? listHref("/coop/stock", kept) : undefined} />
      ) : (
        <>
          <StockLowTable
            products={low.rows}
            sortable={{ product: sortable(ctx, "name", t("stock.low.product")), stock: sortable(ctx, "stock", t("stock.onSale")), threshold: sortable(ctx, "threshold", t("stock.low.alertAt")) }}
          />
          <Pager path="/coop/stock" params={{ ...kept, ...sortParams(LOW_STOCK_LIST, query) }} page={query.page} pages={low.pages} total={low.total} />
        </>
      )}
    </div>
  );
}
