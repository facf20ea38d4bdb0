import type { Metadata } from "next";
import { getLocale } from "@/lib/server/i18n";
import { parseCatalogQuery, type RawSearchParams } from "@/lib/validation/catalog";
import { Catalog, catalogMetadata } from "../_lib/catalog";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<RawSearchParams> };

// /products with a query (a search, filters, a sort, a page), rendered per request: proxy.ts sends it here
// (lib/http/storefront-route.ts). The data under it is still cached per query.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [query, locale] = await Promise.all([searchParams.then(parseCatalogQuery), getLocale()]);
  return catalogMetadata(query, locale);
}

export default async function FilteredCatalogPage({ searchParams }: Props) {
  const [query, locale] = await Promise.all([searchParams.then(parseCatalogQuery), getLocale()]);
  return <Catalog query={query} locale={locale} />;
}
