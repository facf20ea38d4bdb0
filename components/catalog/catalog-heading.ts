import { getTranslations } from "next-intl/server";
import type { CatalogQuery } from "@/lib/validation/catalog";
import type { CatalogFacets } from "./types";

type Facet = CatalogFacets["categories"][number];

/**
 * The catalog's heading and <title>, naming what the list is narrowed to: "葡萄酒 · 南洪城村",
 * "Wine matching “red” from Nanhongcheng". An unknown slug names nothing (the list is then empty anyway).
 */
export async function catalogHeading(query: CatalogQuery, facets: CatalogFacets): Promise<string> {
  const t = await getTranslations("catalog");
  // "none" is the message's select key for "no such filter"; names come from the database, never "none".
  const name = (facet: Facet[], slug: string | null) => (slug && facet.find((f) => f.slug === slug)?.name) || "none";
  return t("heading", {
    search: query.q ? "yes" : "no",
    q: query.q ?? "",
    category: name(facets.categories, query.category),
    village: name(facets.villages, query.village),
    cooperative: name(facets.cooperatives, query.cooperative),
  });
}

/** Filtered lists are their own pages for search engines; a search, a price range, a sort or page 2 is not. */
export function catalogIndexable(query: CatalogQuery): boolean {
  return !query.q && query.page === 1 && query.minFen === null && query.maxFen === null && query.sort === "featured";
}
