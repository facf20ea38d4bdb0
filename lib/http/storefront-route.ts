// Where the proxy sends a request inside the app, and which responses come from the page cache. Pure, so the
// table in tests/unit/storefront-route.test.ts covers every case.
//
// The URLs carry no locale: the reader's language is a cookie, and proxy.ts rewrites /x to /<locale>/x (the app's
// [locale] segment), so the same URL is rendered once per language and each rendering can be cached.
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { CACHED_SECTIONS, hasCatalogQuery } from "./cached-routes.mjs";

/** The language of a request: the cookie set by the language switch, else Simplified Chinese. */
export function requestLocale(cookie: string | undefined): Locale {
  return isLocale(cookie) ? cookie : defaultLocale;
}

/**
 * The catalog with a query (a search, filters, a sort or a page) is rendered per request by its own internal route;
 * the bare catalog is the same list every reader sees first, rendered once and cached. Other parameters (a campaign
 * tag, Next's `_rsc`) do not make it a query.
 */
export const FILTERED_CATALOG = "/catalog";

/** The path inside the app for a request's path, query and locale. */
export function internalPath(pathname: string, search: URLSearchParams, locale: Locale): string {
  const path = pathname === "/products" && hasCatalogQuery(search) ? FILTERED_CATALOG : pathname;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The storefront pages that are the same for every reader of a language: served from Next's page cache. Any last
 * segment, not only a well-formed slug: a made-up one is a 404 of the same page (not stored, lib/server/page-cache-handler.mjs).
 */
const CACHED = new RegExp(`^/(?:(?:${CACHED_SECTIONS.join("|")})(?:/[^/]+)?)?$`);

/**
 * True when the response is a cached page: then it carries its own Content-Security-Policy, with the hashes of the
 * page's inline scripts (lib/http/csp.ts), instead of the per-request nonce the proxy gives every other page.
 */
export function isCachedPage(method: string, pathname: string, search: URLSearchParams): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (pathname === "/products" && hasCatalogQuery(search)) return false;
  return CACHED.test(pathname);
}

/**
 * Where the language switch sends the reader: back to the page they were on (its path and query, from the
 * Referer), if that was a page of this shop; else home. Never another site.
 */
export function samePageAfterSwitch(referer: string | null, host: string | null): string {
  if (!referer || !host) return "/";
  try {
    const from = new URL(referer);
    if (from.host !== host || (from.protocol !== "http:" && from.protocol !== "https:")) return "/";
    return `${from.pathname}${from.search}`;
  } catch {
    return "/";
  }
}
