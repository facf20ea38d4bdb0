import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { CoopProductList } from "@/components/coop/coop-product-list";
import { PageHeader } from "@/components/ui/section";
import type { ListingStatus } from "@/lib/domain/listing";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { COOP_PRODUCT_LIST, type CoopProductSort, listCoopProductsPage, parseCoopProductQuery } from "@/lib/server/queries/coop-products";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.title"), robots: { index: false } };
}

/** The order of the state chips: what needs the manager first. */
const SHOWN: readonly ListingStatus[] = ["ON_SALE", "IN_REVIEW", "REJECTED", "DRAFT", "OFF_SALE", "ARCHIVED"];

/** The manager's products across their cooperatives (?state=&sort=&dir=&page=), sorted and paged in the database. */
export default async function CoopProductsPage({ searchParams }: Props) {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/products");
  const query = parseCoopProductQuery(await searchParams);
  const [t, list] = await Promise.all([getT(), listCoopProductsPage(db, { cooperativeIds: user.cooperativeIds }, query)]);
  const { state } = query;
  const sort: SortContext<CoopProductSort> = { path: "/coop/products", params: { state }, spec: COOP_PRODUCT_LIST, query };
  const chip = (active: boolean) => `block whitespace-nowrap rounded-full px-3 py-1.5 ${active ? "bg-wine-700 text-white" : "bg-white shadow-sm hover:text-wine-700"}`;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("coopProducts.title")}
        lead={t("coopProducts.lead")}
        action={
          <Link href="/coop/products/new" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800" data-testid="new-product">
            {t("productEditor.list.new")}
          </Link>
        }
      />
      <nav aria-label={t("productEditor.list.filterLabel")} className="-mx-1 overflow-x-auto">
        <ul className="flex gap-2 px-1 text-sm">
          <li>
            <Link href={listHref("/coop/products", sortParams(COOP_PRODUCT_LIST, query))} aria-current={state ? undefined : "page"} className={chip(!state)}>
              {t("productEditor.list.all")} {list.all}
            </Link>
          </li>
          {SHOWN.map((s) => (
            <li key={s}>
              <Link href={listHref("/coop/products", { state: s, ...sortParams(COOP_PRODUCT_LIST, query) })} aria-current={state === s ? "page" : undefined} className={chip(state === s)}>
                {t(`listing.status.${s}`)} {list.byState[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <EmptyState
          message={t("coopProducts.emptyNone")}
          next={{ href: "/coop/products/new", label: t("coopProducts.emptyNext") }}
          clearHref={state ? listHref("/coop/products", sortParams(COOP_PRODUCT_LIST, query)) : undefined}
          firstPageHref={query.page > 1 ? listHref("/coop/products", { state, ...sortParams(COOP_PRODUCT_LIST, query) }) : undefined}
        />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ name: t("coopProducts.sort.name"), state: t("coopProducts.sort.state"), price: t("coopProducts.sort.price"), stock: t("coopProducts.sort.stock") }} />
          <CoopProductList products={list.rows} showCooperative={user.cooperativeIds.length > 1} />
          <Pager path="/coop/products" params={{ state, ...sortParams(COOP_PRODUCT_LIST, query) }} page={query.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
