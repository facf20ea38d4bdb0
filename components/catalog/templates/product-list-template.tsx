import { useTranslations } from "next-intl";
import { Notice, PageHeader } from "@/components/ui/section";
import type { CatalogQuery } from "@/lib/validation/catalog";
import { CatalogFilters } from "../catalog-filters";
import { Pagination } from "../pagination";
import { ProductGrid } from "../product-card";
import type { CatalogFacets, ProductPage } from "../types";

// Phone: heading, the 筛选 button (its sheet opens over the page), the products. From lg: filters in a sidebar.
export function ProductListTemplate({ heading, query, result, facets }: { heading: string; query: CatalogQuery; result: ProductPage; facets: CatalogFacets }) {
  const t = useTranslations("catalog");
  return (
    <div className="grid gap-4 lg:grid-cols-[16rem_1fr] lg:gap-x-6">
      <div className="lg:col-start-2">
        <PageHeader
          title={heading}
          lead={
            <span role="status" data-testid="result-count">
              {t("results", { count: result.total })}
            </span>
          }
        />
      </div>
      <aside aria-label={t("filters")} className="lg:col-start-1 lg:row-span-2 lg:row-start-1">
        <CatalogFilters query={query} facets={facets} />
      </aside>
      <div className="lg:col-start-2">
        {result.items.length > 0 ? <ProductGrid products={result.items} aboveFold heading="h2" /> : <Notice>{t("empty")}</Notice>}
        <Pagination query={query} page={result.page} pageCount={result.pageCount} />
      </div>
    </div>
  );
}
