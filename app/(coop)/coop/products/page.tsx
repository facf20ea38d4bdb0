import type { Metadata } from "next";
import Link from "next/link";
import { CoopProductList } from "@/components/coop/coop-product-list";
import { Notice, PageHeader } from "@/components/ui/section";
import { LISTING_STATUSES, type ListingStatus } from "@/lib/domain/listing";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listCoopProducts } from "@/lib/server/queries/coop-products";

type Props = { searchParams: Promise<{ state?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.title"), robots: { index: false } };
}

/** The order states are shown in: what needs the manager first. */
const SHOWN: readonly ListingStatus[] = ["ON_SALE", "IN_REVIEW", "REJECTED", "DRAFT", "OFF_SALE", "ARCHIVED"];

/** The manager's products across their cooperatives, grouped by listing state or filtered to one (?state=). */
export default async function CoopProductsPage({ searchParams }: Props) {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/products");
  const raw = (await searchParams).state;
  const wanted = Array.isArray(raw) ? raw[0] : raw;
  const state = (LISTING_STATUSES as readonly string[]).includes(wanted ?? "") ? (wanted as ListingStatus) : null;
  const [t, products] = await Promise.all([getT(), listCoopProducts(db, { cooperativeIds: user.cooperativeIds })]);
  const count = (s: ListingStatus) => products.filter((p) => p.listingStatus === s).length;
  const groups = (state ? [state] : SHOWN).map((s) => ({ state: s, products: products.filter((p) => p.listingStatus === s) })).filter((g) => state || g.products.length > 0);
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
            <Link href="/coop/products" aria-current={state ? undefined : "page"} className={chip(!state)}>
              {t("productEditor.list.all")} {products.length}
            </Link>
          </li>
          {SHOWN.map((s) => (
            <li key={s}>
              <Link href={`/coop/products?state=${s}`} aria-current={state === s ? "page" : undefined} className={chip(state === s)}>
                {t(`listing.status.${s}`)} {count(s)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((g) => (
        <section key={g.state} aria-labelledby={`state-${g.state}`} className="space-y-2">
          <h2 id={`state-${g.state}`} className="text-lg font-semibold">
            {t(`listing.status.${g.state}`)} <span className="text-earth-600">{g.products.length}</span>
          </h2>
          {g.products.length === 0 ? <Notice>{t("productEditor.list.empty")}</Notice> : <CoopProductList products={g.products} showCooperative={user.cooperativeIds.length > 1} />}
        </section>
      ))}
    </div>
  );
}
