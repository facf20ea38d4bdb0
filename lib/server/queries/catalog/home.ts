import "server-only";
// The home page: featured products, the categories and villages with something on sale, and the totals.
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { getCatalogFacets } from "./facets";
import type { VillageCard } from "./places";
import { cardSelect, productOrder, sellable, toCard, withAvailability, type Facet, type ProductCard } from "./shared";
import { listVillages } from "./villages";

export interface HomeData {
  featured: ProductCard[];
  categories: (Facet & { image: string })[];
  villages: VillageCard[];
  totals: { products: number; cooperatives: number; villages: number; households: number };
  /** See ProductPage.stockValidUntil. */
  stockValidUntil: number | null;
}

export async function getHome(db: Db, locale: Locale): Promise<HomeData> {
  const [featured, facets, villages, cooperatives, households] = await Promise.all([
    db.product.findMany({ where: { ...sellable(), featured: true }, select: cardSelect, orderBy: productOrder("featured"), take: 8 }),
    getCatalogFacets(db, locale),
    listVillages(db, locale),
    db.cooperative.count({ where: { status: "CERTIFIED" } }),
    db.household.count({ where: { participations: { some: { active: true, cooperative: { status: "CERTIFIED" } } } } }),
  ]);
  const shown = await withAvailability(db, featured.map((r) => toCard(r, locale)), false);
  return {
    featured: shown.items,
    categories: facets.categories.map((c) => ({ ...c, image: `/images/categories/${c.slug}.svg` })),
    villages: villages.filter((v) => v.productCount > 0),
    totals: {
      products: facets.categories.reduce((s, c) => s + c.count, 0),
      cooperatives,
      villages: villages.length,
      households,
    },
    stockValidUntil: shown.stockValidUntil,
  };
}
