// The catalog's cache tags, and which of them a stock change must invalidate. Pure (no Next, no Prisma), so
// the rule is unit-tested table by table (tests/unit/catalog-tags.test.ts).
//
// What each tag marks:
//   product:<id>      one product's page (exact stock, price, benefit split, batches)
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
 * The tags a sale, a cancellation or an expiry must invalidate: the page of every product it touched (its stock
 * figure changed), and the listings that show a touched product's card only when that card can have changed —
 * the product's stock level differs before and after, or the product sits at a low or sold-out level now (other
 * orders may have moved it meanwhile, so near the thresholds the listing is refreshed whatever the delta said).
 * Never a tag of an untouched product, a cooperative, a village or all listings.
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
    tags.push(catalogTags.product(productId));
    const after = stockLevel(stockAfter);
    const before = delta === null ? null : stockLevel(stockAfter - delta);
    if (before !== after || after !== "inStock") tags.push(catalogTags.card(productId));
  }
  return tags;
}
