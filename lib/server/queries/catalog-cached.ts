import "server-only";
// The catalog reads the pages call, cached with `'use cache'` and tagged by what they show (./catalog/tags.ts):
// a product's page by `product:<id>`, every listing by `card:<id>` of each product card on it, and so on. A sale
// invalidates the pages of the products it touched, and the listings only when a touched product's stock level
// changed; an unrelated product's page stays a cache hit (docs/benchmarks.md). Stock figures count expired,
// unswept reservations as on sale, and an entry lives no longer than the next such expiry changes what it shows.
import { cacheLife, cacheTag, revalidateTag } from "next/cache";
import { db } from "@/lib/server/db";
import type { Locale } from "@/lib/i18n/config";
import type { CatalogQuery } from "@/lib/validation/catalog";
import * as q from "./catalog";
import { catalogTags as T, stockChangeTags } from "./catalog/tags";
import { orderStockChanges, type StockMovement } from "./catalog/touched";

/** An hour: tags do the invalidating; this only bounds what a missed invalidation could leave behind. */
const BACKSTOP_SECONDS = 60 * 60;

/** The entry's lifetime: the backstop, or less when an expiring reservation changes what it shows sooner. */
function lifetime(stockValidUntil: number | null): void {
  const seconds = stockValidUntil === null ? BACKSTOP_SECONDS : Math.max(1, Math.min(BACKSTOP_SECONDS, Math.ceil((stockValidUntil - Date.now()) / 1000)));
  // `stale` (the browser's router cache) at Next's minimum: a stock figure must not outlive a sale in the browser either.
  cacheLife({ stale: 30, revalidate: seconds, expire: seconds + 1 });
}

/** Tags, at most 128 a call (Next's limit per call, not per entry). */
function tag(tags: string[]): void {
  for (let i = 0; i < tags.length; i += 100) cacheTag(...tags.slice(i, i + 100));
}

export async function getHome(locale: Locale) {
  "use cache";
  const home = await q.getHome(db, locale);
  tag([T.listings, ...home.featured.map((p) => T.card(p.id))]);
  lifetime(home.stockValidUntil);
  return home;
}

export async function listProducts(query: CatalogQuery, locale: Locale) {
  "use cache";
  const page = await q.listProducts(db, query, locale);
  tag([T.listings, ...page.items.map((p) => T.card(p.id))]);
  lifetime(page.stockValidUntil);
  return page;
}

export async function getCatalogFacets(locale: Locale) {
  "use cache";
  tag([T.listings]);
  lifetime(null);
  return q.getCatalogFacets(db, locale);
}

export async function getProduct(slug: string, locale: Locale) {
  "use cache";
  const product = await q.getProduct(db, slug, locale);
  // Not on sale (yet): certifying it changes the listings, so that tag covers this miss too.
  tag(product ? [T.product(product.id), T.cooperative(product.cooperative.id), T.village(product.village.id)] : [T.listings]);
  lifetime(product?.stockValidUntil ?? null);
  return product;
}

export async function getCooperative(slug: string, locale: Locale) {
  "use cache";
  const coop = await q.getCooperative(db, slug, locale);
  tag(coop ? [T.listings, T.cooperative(coop.id), ...coop.products.map((p) => T.card(p.id))] : [T.listings]);
  lifetime(coop?.stockValidUntil ?? null);
  return coop;
}

export async function listCooperatives(locale: Locale) {
  "use cache";
  tag([T.listings]);
  lifetime(null);
  return q.listCooperatives(db, locale);
}

export async function getVillage(slug: string, locale: Locale) {
  "use cache";
  const village = await q.getVillage(db, slug, locale);
  tag(
    village
      ? [T.listings, T.village(village.id), ...village.cooperatives.map((c) => T.cooperative(c.id)), ...village.products.map((p) => T.card(p.id))]
      : [T.listings],
  );
  lifetime(village?.stockValidUntil ?? null);
  return village;
}

export async function listVillages(locale: Locale) {
  "use cache";
  tag([T.listings]);
  lifetime(null);
  return q.listVillages(db, locale);
}

export async function getSitemapEntries() {
  "use cache";
  tag([T.listings]);
  lifetime(null);
  return q.getSitemapEntries(db);
}

// Invalidation, from Server Actions and route handlers. `expire: 0`: the next read waits for fresh data instead
// of being served the stale entry once (a buyer who just ordered must not see the old stock figure).
function expire(tags: Iterable<string>): void {
  for (const t of new Set(tags)) revalidateTag(t, { expire: 0 });
}

/**
 * After orders took or gave back stock (placed, cancelled, expired, paid after a cancellation): the pages of the
 * products they touched, and the listings showing a touched product whose stock level changed. Returns the tags.
 */
export async function ordersMovedStock(orderIds: readonly string[], movement: StockMovement): Promise<string[]> {
  const tags = stockChangeTags(await orderStockChanges(db, orderIds, movement));
  expire(tags);
  return tags;
}

/** A product's own data changed (price, benefit rule, households, photos): its page and its card everywhere. */
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
