// @ts-check
// The storefront pages served from Next's page cache, and how a request reaches them without the proxy.
//
// Plain JavaScript because next.config.js imports it (it cannot import TypeScript); lib/http/storefront-route.ts
// builds its rules on the same lists, and tests/unit/storefront-route.test.ts checks that proxy.ts's matcher (which
// Next reads as literals at build time) is exactly `proxyMatcher()`.
//
// A cached page is the same for every reader of a language, and it carries its own Content-Security-Policy (the
// hashes of its inline scripts, lib/server/page-cache-handler.mjs), so the proxy has nothing to add to it: no nonce,
// no session redirect, no per-request header the page reads. The locale rewrite it needs (the reader's language is
// a cookie, the app's first segment is the locale) is done by next.config.js `rewrites` with a cookie condition,
// and the proxy's matcher leaves these paths out. What still reaches the proxy on these paths: a server action
// (a POST with a `Next-Action` header: its body is checked there), `/products` with a catalog query (a search or a
// filter is rendered per request, with a nonce) and any path whose last segment is not a well-formed slug (the
// proxy checks percent-escapes; the page answers 404). Under `next dev` these pages are rendered per request and
// carry no Content-Security-Policy (nothing is cached, so there is no stored policy, and the proxy does not run);
// the production server, which the browser tests run, always sends one.

/** The sections whose list and detail pages are cached; "/" (home) is cached too. */
export const CACHED_SECTIONS = /** @type {const} */ (["products", "villages", "cooperatives"]);

/** A product's, village's or cooperative's slug (lib/validation/catalog.ts SLUG), without its length limit. */
export const SLUG_PATTERN = "[a-z0-9][a-z0-9-]*";

/**
 * The catalog's own query parameters (lib/validation/catalog.ts parseCatalogQuery): with any of them `/products` is
 * a search or a filtered list, rendered per request. Any other parameter (a campaign tag, Next's `_rsc`) does not
 * change the page.
 */
export const CATALOG_QUERY_KEYS = /** @type {const} */ (["q", "category", "village", "cooperative", "min", "max", "sort", "page"]);

/**
 * What the proxy runs on: everything but Next's files, the API (except Auth.js's, for its path check) and the cached
 * pages; plus any server action, and `/products` with a catalog query.
 * @returns {(string | { source: string, has: { type: "header" | "query", key: string }[] })[]}
 */
export function proxyMatcher() {
  const files = "api/|_next/static|_next/image|images/|media/|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|sitemap.xml|robots.txt";
  const cached = `$|(?:${CACHED_SECTIONS.join("|")})(?:/${SLUG_PATTERN})?$`;
  return [
    `/((?!${files}|${cached}).*)`,
    "/api/auth/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    ...CATALOG_QUERY_KEYS.map((key) => ({ source: "/products", has: [{ type: /** @type {const} */ ("query"), key }] })),
  ];
}

/**
 * next.config.js `rewrites().beforeFiles`: each cached path to its page under the reader's locale, from the language
 * cookie (the same rule as lib/http/storefront-route.ts requestLocale: a cookie naming another locale, or none, is
 * the default). `/products` only without a catalog query (with one, the proxy has rewritten it to /catalog).
 * @param {{ locales: readonly string[], defaultLocale: string, cookie: string }} i18n
 */
export function cachedPageRewrites({ locales, defaultLocale, cookie }) {
  /** @type {[string, string][]} [source, the path under the locale] */
  const paths = [["/", ""], ...CACHED_SECTIONS.flatMap((s) => /** @type {[string, string][]} */ ([[`/${s}`, `/${s}`], [`/${s}/:slug(${SLUG_PATTERN})`, `/${s}/:slug`]]))];
  const others = locales.filter((l) => l !== defaultLocale);
  return paths.flatMap(([source, path]) => {
    const missing = source === "/products" ? CATALOG_QUERY_KEYS.map((key) => ({ type: /** @type {const} */ ("query"), key })) : undefined;
    const rule = (/** @type {string} */ locale, /** @type {string | null} */ cookieValue) => ({
      source,
      destination: `/${locale}${path}`,
      ...(cookieValue ? { has: [{ type: /** @type {const} */ ("cookie"), key: cookie, value: cookieValue }] } : {}),
      ...(missing ? { missing } : {}),
    });
    return [...others.map((l) => rule(l, l)), rule(defaultLocale, null)];
  });
}

/**
 * True when a request for `/products` is a search or a filtered list: a catalog parameter with a value, as Next's
 * `has`/`missing` conditions see it (an empty `?q=` is no query; a repeated one is).
 * @param {URLSearchParams} search
 */
export function hasCatalogQuery(search) {
  return CATALOG_QUERY_KEYS.some((key) => {
    const values = search.getAll(key);
    return values.length > 1 || Boolean(values[0]);
  });
}
