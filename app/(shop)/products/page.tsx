import type { Metadata } from "next";
import { CatalogFilters } from "@/components/catalog/catalog-filters";
import { Pagination } from "@/components/catalog/pagination";
import { ProductGrid } from "@/components/catalog/product-card";
import { getCatalogFacets, listProducts } from "@/lib/server/queries/catalog-cached";
import { getLocale, getT } from "@/lib/server/i18n";
import { parseCatalogQuery, type RawSearchParams } from "@/lib/validation/catalog";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, query] = await Promise.all([getT(), searchParams.then(parseCatalogQuery)]);
  return {
    title: query.q ? t("catalog.searchTitle", { q: query.q }) : t("catalog.title"),
    alternates: { canonical: "/products" },
    robots: query.q || query.page > 1 ? { index: false, follow: true } : undefined,
  };
}

export default async function CatalogPage({ searchParams }: Props) {
  const query = parseCatalogQuery(await searchParams);
  const locale = await getLocale();
  const [t, result, facets] = await Promise.all([getT(), listProducts(query, locale), getCatalogFacets(locale)]);
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <div className="lg:order-last">
        <h1 className="text-2xl font-bold">{query.q ? t("catalog.searchTitle", { q: query.q }) : t("catalog.title")}</h1>
        <p className="mt-1 text-sm text-earth-600" role="status" data-testid="result-count">
          {t("catalog.results", { count: result.total })}
        </p>
        <div className="mt-4">
          {result.items.length > 0 ? (
            <ProductGrid products={result.items} locale={locale} t={t} />
          ) : (
            <p className="rounded-xl bg-white p-6 text-center">{t("catalog.empty")}</p>
          )}
        </div>
        <Pagination query={query} page={result.page} pageCount={result.pageCount} t={t} />
      </div>
      <aside aria-label={t("catalog.filters")}>
        <CatalogFilters query={query} facets={facets} t={t} />
      </aside>
    </div>
  );
}
