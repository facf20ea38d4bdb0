import "server-only";
// The catalog reads the pages call, kept in Next's data cache (`unstable_cache`) and tagged by what they show
// (./catalog/tags.ts): a product's page by `product:<id>` (and its cooperative's and village's tags), every listing
// by `catalog:listings`. A sale expires the pages of the products it touched, and the listings only when a touched
// product's stock level (in stock / low / sold out) changed; an unrelated product's page stays a cache hit
// (docs/benchmarks.md). Why not `'use cache'`: it needs `cacheComponents`, which measured slower per page here,
// answers a missing product with 200 instead of 404 and left pages hanging when the database was down.
import { revalidateTag, unstable_cache } from "next/cache";
import { beijingDayOf } from "@/lib/domain/calendar";
import { db } from "@/lib/server/db";
import type { Locale } from "@/lib/i18n/config";
import type { CatalogQuery } from "@/lib/validation/catalog";
import * as q from "./catalog";
import { catalogTags as T, stockChangeTags } from "./catalog/tags";
import { orderStockChanges, type StockMovement } from "./catalog/touched";

/**
 * How long an entry may be served before it is read again in the background. Tags do the invalidating; this bounds
 * what they cannot see: a reservation that expired (its stock reads as on sale again) before the sweep released it.
 */
const REVALIDATE_SECONDS = 60;

/**
 * Every entry is keyed by the Beijing day too: a certificate valid "until 30 November" stops selling at midnight
 * (lib/domain/catalog.ts), and the first read of 1 December misses the cache instead of serving the 30th's list.
 */
const today = () => beijingDayOf(new Date());

function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string, tags: string[]): (...args: A) => Promise<R> {
  // One wrapper per day, not per call: building it costs little, but listings run it on every request.
  let day = "";
  let wrapped: (...args: A) => Promise<R> = fn;
  return (...args: A): Promise<R> => {
    const d = today();
    if (d !== day) {
      day = d;
      wrapped = unstable_cache(fn, [key, d], { tags, revalidate: REVALIDATE_SECONDS });
    }
    return wrapped(...args);
  };
}

/** The ids a product, cooperative or village page is tagged with, from its slug (they never change for a slug). */
const productKeys = unstable_cache(
  (slug: string) => db.product.findUnique({ where: { slug }, select: { id: true, cooperativeId: true, originVillageId: true } }),
  ["product-keys"],
  { tags: [T.listings] },
);
const cooperativeId = unstable_cache(async (slug: string) => (await db.cooperative.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null, ["cooperative-id"], { tags: [T.listings] });
const villageId = unstable_cache(async (slug: string) => (await db.village.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null, ["village-id"], { tags: [T.listings] });

export const getHome = cached((locale: Locale) => q.getHome(db, locale), "home", [T.listings]);

export const listProducts = cached((query: CatalogQuery, locale: Locale) => q.listProducts(db, query, locale), "products", [T.listings]);

export const getCatalogFacets = cached((locale: Locale) => q.getCatalogFacets(db, locale), "facets", [T.listings]);

export async function getProduct(slug: string, locale: Locale) {
  const keys = await productKeys(slug);
  // Not a product (yet): certifying one changes the listings, so that tag covers this miss too.
  const tags = keys ? [T.product(keys.id), T.cooperative(keys.cooperativeId), T.village(keys.originVillageId)] : [T.listings];
  return unstable_cache(() => q.getProduct(db, slug, locale), ["product", slug, locale, today()], { tags, revalidate: REVALIDATE_SECONDS })();
}

export async function getCooperative(slug: string, locale: Locale) {
  const id = await cooperativeId(slug);
  const tags = id ? [T.listings, T.cooperative(id)] : [T.listings];
  return unstable_cache(() => q.getCooperative(db, slug, locale), ["cooperative", slug, locale, today()], { tags, revalidate: REVALIDATE_SECONDS })();
}

export const listCooperatives = cached((locale: Locale) => q.listCooperatives(db, locale), "cooperatives", [T.listings]);

export async function getVillage(slug: string, locale: Locale) {
  const id = await villageId(slug);
  const tags = id ? [T.listings, T.village(id)] : [T.listings];
  return unstable_cache(() => q.getVillage(db, slug, locale), ["village", slug, locale, today()], { tags, revalidate: REVALIDATE_SECONDS })();
}

export const listVillages = cached((locale: Locale) => q.listVillages(db, locale), "villages", [T.listings]);

export const getSitemapEntries = cached(() => q.getSitemapEntries(db), "sitemap", [T.listings]);

// Invalidation, from Server Actions and route handlers. `expire: 0`: the next read waits for fresh data instead
// of being served the stale entry once (a buyer who just ordered must not see the old stock figure). Listings are
// cached whole, so a product card whose level changed (`card:<id>`) expires the listings.
function expire(tags: Iterable<string>): void {
  const resolved = new Set<string>();
  for (const t of tags) resolved.add(t.startsWith(T.card("")) ? T.listings : t);
  for (const t of resolved) revalidateTag(t, { expire: 0 });
}

/**
 * After orders took or gave back stock (placed, cancelled, expired, paid after a cancellation): the pages of the
 * products they touched, and the listings when a touched product's stock level changed. Returns the tags.
 */
export async function ordersMovedStock(orderIds: readonly string[], movement: StockMovement): Promise<string[]> {
  const tags = stockChangeTags(await orderStockChanges(db, orderIds, movement));
  expire(tags);
  return tags;
}

/** A product's own data changed (price, benefit rule, households, photos): its page and the listings. */
export function productsChanged(productIds: readonly string[]): void {
  expire(productIds.flatMap((id) => [T.product(id), T.card(id)]));
}

/** A cooperative's own data changed (name, description, households): what shows it, and the lists of cooperatives. */
export function cooperativeChanged(cooperativeId: string): void {
  expire([T.cooperative(cooperativeId), T.listings]);
}

/** A village's own data changed. */
export function villageChanged(villageId: string): void {
  expire([T.village(villageId), T.listings]);
}

/** Something went on or off sale (a certification, a suspension): every listing, count and the sitemap. */
export function listingsChanged(): void {
  expire([T.listings]);
}
