import "server-only";
// The filter options of the product listing.
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { name, sellable, type Bilingual, type Facet } from "./shared";

export interface CatalogFacets {
  categories: Facet[];
  villages: Facet[];
  cooperatives: Facet[];
}

/** The filter options, each with how many live products it holds; empty ones are left out. */
export async function getCatalogFacets(db: Db, locale: Locale): Promise<CatalogFacets> {
  const count = { _count: { select: { products: { where: sellable() } } } } as const;
  const [categories, villages, cooperatives] = await Promise.all([
    db.category.findMany({ select: { slug: true, nameZh: true, nameEn: true, ...count }, orderBy: { sortOrder: "asc" } }),
    db.village.findMany({ select: { slug: true, nameZh: true, nameEn: true, ...count }, orderBy: { slug: "asc" } }),
    db.cooperative.findMany({ where: { status: "CERTIFIED" }, select: { slug: true, nameZh: true, nameEn: true, ...count }, orderBy: { slug: "asc" } }),
  ]);
  const facet = (r: Bilingual & { slug: string; _count: { products: number } }): Facet => ({
    slug: r.slug,
    name: name(r, locale),
    count: r._count.products,
  });
  return {
    categories: categories.map(facet).filter((f) => f.count > 0),
    villages: villages.map(facet).filter((f) => f.count > 0),
    cooperatives: cooperatives.map(facet).filter((f) => f.count > 0),
  };
}
