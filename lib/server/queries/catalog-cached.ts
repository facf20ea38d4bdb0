import "server-only";
// The catalog reads the pages call, cached in Next's data cache and revalidated by tag:
// `revalidateTag(CATALOG_TAG)` after any product, stock, cooperative or certification change
// (the manager and admin actions of later issues do this). Five minutes is only a backstop.
import { revalidateTag, unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import type { Locale } from "@/lib/i18n/config";
import type { CatalogQuery } from "@/lib/validation/catalog";
import * as q from "./catalog";

export const CATALOG_TAG = "catalog";
export const productTag = (slug: string) => `product:${slug}`;
const REVALIDATE_SECONDS = 300;

const options = (...tags: string[]) => ({ tags: [CATALOG_TAG, ...tags], revalidate: REVALIDATE_SECONDS });

export const getHome = unstable_cache((locale: Locale) => q.getHome(db, locale), ["home"], options());

export const listProducts = unstable_cache(
  (query: CatalogQuery, locale: Locale) => q.listProducts(db, query, locale),
  ["products"],
  options(),
);

export const getCatalogFacets = unstable_cache((locale: Locale) => q.getCatalogFacets(db, locale), ["facets"], options());

export const getProduct = (slug: string, locale: Locale) =>
  unstable_cache(() => q.getProduct(db, slug, locale), ["product", slug, locale], options(productTag(slug)))();

export const getCooperative = unstable_cache((slug: string, locale: Locale) => q.getCooperative(db, slug, locale), ["cooperative"], options());

export const listCooperatives = unstable_cache((locale: Locale) => q.listCooperatives(db, locale), ["cooperatives"], options());

export const getVillage = unstable_cache((slug: string, locale: Locale) => q.getVillage(db, slug, locale), ["village"], options());

export const listVillages = unstable_cache((locale: Locale) => q.listVillages(db, locale), ["villages"], options());

export const getSitemapEntries = unstable_cache(() => q.getSitemapEntries(db), ["sitemap"], options());

/** After stock or catalog data changed: the next read of any catalog page is fresh. */
export function catalogChanged(): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
}
