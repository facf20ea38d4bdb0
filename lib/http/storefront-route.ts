// Where the proxy sends a request inside the app, and which responses come from the page cache. Pure, so the
// table in tests/unit/storefront-route.test.ts covers every case.
//
// The URLs carry no locale: the reader's language is a cookie, and proxy.ts rewrites /x to /<locale>/x (the app's
// [locale] segment), so the same URL is rendered once per language and each rendering can be cached.
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";

/** The language of a request: the cookie set by the language switch, else Simplified Chinese. */
export function requestLocale(cookie: string | undefined): Locale {
  return isLocale(cookie) ? cookie : defaultLocale;
}

/** Query parameters Next adds to its own requests (the RSC cache buster), which are not the page's query. */
const FRAMEWORK_PARAMS = new Set(["_rsc"]);

function hasPageQuery(search: URLSearchParams): boolean {
  for (const key of search.keys()) if (!FRAMEWORK_PARAMS.has(key)) return true;
  return false;
}

/**
 * The catalog with a query (a search, filters, a sort or a page) is rendered per request by its own internal route;
 * the bare catalog is the same list every reader sees first, rendered once and cached.
 */
export const FILTERED_CATALOG = "/catalog";

/** The path inside the app for a request's path, query and locale. */
export function internalPath(pathname: string, search: URLSearchParams, locale: Locale): string {
  const path = pathname === "/products" && hasPageQuery(search) ? FILTERED_CATALOG : pathname;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/** The storefront pages that are the same for every reader of a language: served from Next's page cache. */
const CACHED = [/^\/$/, /^\/products$/, /^\/(products|villages|cooperatives)\/[^/]+$/, /^\/(villages|cooperatives)$/];

/**
 * True when the response is a cached page: then it carries its own Content-Security-Policy, with the hashes of the
 * page's inline scripts (lib/http/csp.ts), instead of the per-request nonce the proxy gives every other page.
 */
export function isCachedPage(method: string, pathname: string, search: URLSearchParams): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (pathname === "/products" && hasPageQuery(search)) return false;
  return CACHED.some((re) => re.test(pathname));
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
