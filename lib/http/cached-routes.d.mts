export const CACHED_SECTIONS: readonly ["products", "villages", "cooperatives"];
export const SLUG_PATTERN: string;
export const CATALOG_QUERY_KEYS: readonly ["q", "category", "village", "cooperative", "min", "max", "sort", "page"];
export type MatcherEntry = string | { source: string; has: { type: "header" | "query"; key: string }[] };
export function proxyMatcher(): MatcherEntry[];
export interface Rewrite {
  source: string;
  destination: string;
  has?: { type: "cookie"; key: string; value: string }[];
  missing?: { type: "query"; key: string }[];
}
export function cachedPageRewrites(i18n: { locales: readonly string[]; defaultLocale: string; cookie: string }): Rewrite[];
export function hasCatalogQuery(search: URLSearchParams): boolean;
