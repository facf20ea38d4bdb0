// The catalog's cache tags, and which of them a stock change must invalidate. Pure (no Next, no Prisma), so
// the rule is unit-tested table by table (tests/unit/catalog-tags.test.ts).
//
// What each tag marks:
//   product:<id>      one product's page (price, benefit split, batches, the stock level; the exact count on it is
//                     read again by the browser: components/catalog/live-stock.tsx)
//   card:<id>         every listing that shows that product's card (listing pages, home, a cooperative's or a
//                     village's page): the card shows a stock level (in stock / low / sold out), not the number
//   cooperative:<id>  everything that shows the cooperative's own data (its page, its products' pages, the
//                     village pages that list it)
//   village:<id>      everything that shows the village's own data (its page, the pages of products grown there)
//   catalog:listings  every listing, facet count and total: what changes when a product or cooperative goes on or
//                     off sale (certification), never because of a sale
import { stockLevel } from "@/lib/domain/catalog";

export const catalogTags = {
  product: (id: string) => `product:${id}`,
  card: (id: string) => `card:${id}`,
  cooperative: (id: string) => `cooperative:${id}`,
  village: (id: string) => `village:${id}`,
  listings: "catalog:listings",
} as const;

/** One product's stock after an order took (delta < 0) or gave back (delta > 0) units; delta null: unknown. */
export interface StockChange {
  productId: string;
  /** Units on sale now, read after the change was committed. */
  stockAfter: number;
  delta: number | null;
}

/**
 * The tags a sale, a cancellation or an expiry must invalidate: a touched product's page and the listings that show
 * its card, only when they can have changed — the product's stock level differs before and after, or the product
 * sits at a low or sold-out level now (other orders may have moved it meanwhile, so near the thresholds they are
 * refreshed whatever the delta said; a low product's page says how many are left). A sale far from the thresholds
 * invalidates nothing: the page's count is read again by the browser, so the catalog's database load does not grow
 * with the orders (docs/benchmarks.md). Never a tag of an untouched product, a cooperative, a village or all listings.
 */
export function stockChangeTags(changes: readonly StockChange[]): string[] {
  const byProduct = new Map<string, { stockAfter: number; delta: number | null }>();
  for (const c of changes) {
    const seen = byProduct.get(c.productId);
    byProduct.set(c.productId, {
      stockAfter: c.stockAfter,
      delta: seen === undefined ? c.delta : seen.delta === null || c.delta === null ? null : seen.delta + c.delta,
    });
  }
  const tags: string[] = [];
  for (const [productId, { stockAfter, delta }] of byProduct) {
    const after = stockLevel(stockAfter);
    const before = delta === null ? null : stockLevel(stockAfter - delta);
    if (before !== after || after !== "inStock") tags.push(catalogTags.product(productId), catalogTags.card(productId));
  }
  return tags;
}
