import type { Metadata } from "next";
import { catalogHeading, catalogIndexable } from "@/components/catalog/catalog-heading";
import { ProductListTemplate } from "@/components/catalog/templates/product-list-template";
import type { Locale } from "@/lib/i18n/config";
import { listProducts } from "@/lib/server/queries/catalog-cached";
import { catalogHref, type CatalogQuery } from "@/lib/validation/catalog";
import { getCatalogFacets } from "./reads";

// The catalog, for both of its routes: /products as every reader first sees it (cached, products/page.tsx) and
// /products with a query (a search, filters, a sort, a page), which proxy.ts sends to the per-request ../catalog.

export async function catalogMetadata(query: CatalogQuery, locale: Locale): Promise<Metadata> {
  return {
    title: await catalogHeading(query, await getCatalogFacets(locale)),
    alternates: { canonical: catalogHref({ category: query.category, village: query.village, cooperative: query.cooperative }) },
    robots: catalogIndexable(query) ? undefined : { index: false, follow: true },
  };
}

export async function Catalog({ query, locale }: { query: CatalogQuery; locale: Locale }) {
  const [result, facets] = await Promise.all([listProducts(query, locale), getCatalogFacets(locale)]);
  return <ProductListTemplate heading={await catalogHeading(query, facets)} query={query} result={result} facets={facets} />;
}
