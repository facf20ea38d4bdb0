import type { Metadata } from "next";
import { catalogHeading, catalogIndexable } from "@/components/catalog/catalog-heading";
import { ProductListTemplate } from "@/components/catalog/templates/product-list-template";
import { getLocale } from "@/lib/server/i18n";
import { listProducts } from "@/lib/server/queries/catalog-cached";
import { catalogHref, parseCatalogQuery, type RawSearchParams } from "@/lib/validation/catalog";
import { getCatalogFacets } from "../_lib/reads";

type Props = { searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [query, locale] = await Promise.all([searchParams.then(parseCatalogQuery), getLocale()]);
  return {
    title: await catalogHeading(query, await getCatalogFacets(locale)),
    alternates: { canonical: catalogHref({ category: query.category, village: query.village, cooperative: query.cooperative }) },
    robots: catalogIndexable(query) ? undefined : { index: false, follow: true },
  };
}

export default async function CatalogPage({ searchParams }: Props) {
  const [query, locale] = await Promise.all([searchParams.then(parseCatalogQuery), getLocale()]);
  const [result, facets] = await Promise.all([listProducts(query, locale), getCatalogFacets(locale)]);
  return <ProductListTemplate heading={await catalogHeading(query, facets)} query={query} result={result} facets={facets} />;
}
