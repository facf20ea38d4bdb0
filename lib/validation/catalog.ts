// Catalog query parameters from the URL. Nonsense is ignored or clamped, never an error:
// a shared link with a typo should still show products.
import { parseYuanToFen } from "../domain/money";
import { withoutControlCharacters } from "./text";

export const SORTS = ["featured", "newest", "price-asc", "price-desc"] as const;
export type CatalogSort = (typeof SORTS)[number];

export const PAGE_SIZE = 12;
export const MAX_PAGE = 1_000;
const MAX_QUERY_LENGTH = 60;
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CatalogQuery {
  q: string | null;
  category: string | null;
  village: string | null;
  cooperative: string | null;
  minFen: number | null;
  maxFen: number | null;
  sort: CatalogSort;
  page: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function slug(value: string | string[] | undefined): string | null {
  const v = first(value)?.trim().toLowerCase();
  return v && SLUG.test(v) ? v : null;
}

export function parseCatalogQuery(params: RawSearchParams): CatalogQuery {
  // Cleaned, not refused: a NUL or other control character in a shared link becomes a space.
  const rawQ = withoutControlCharacters(first(params.q) ?? "").normalize("NFKC").replace(/\s+/g, " ").trim();
  const q = rawQ ? rawQ.slice(0, MAX_QUERY_LENGTH) : null;

  let minFen = parseYuanToFen(first(params.min) ?? "");
  let maxFen = parseYuanToFen(first(params.max) ?? "");
  if (minFen !== null && maxFen !== null && minFen > maxFen) [minFen, maxFen] = [maxFen, minFen];

  const sortParam = first(params.sort);
  const sort: CatalogSort = (SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as CatalogSort) : "featured";

  const pageNumber = Number.parseInt(first(params.page) ?? "1", 10);
  const page = Number.isFinite(pageNumber) ? Math.min(Math.max(pageNumber, 1), MAX_PAGE) : 1;

  return {
    q,
    category: slug(params.category),
    village: slug(params.village),
    cooperative: slug(params.cooperative),
    minFen,
    maxFen,
    sort,
    page,
  };
}

/** Builds the catalog URL for a query, dropping defaults, so links stay short and cache keys stable. */
export function catalogHref(query: Partial<CatalogQuery>): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  if (query.category) sp.set("category", query.category);
  if (query.village) sp.set("village", query.village);
  if (query.cooperative) sp.set("cooperative", query.cooperative);
  if (query.minFen != null) sp.set("min", (query.minFen / 100).toString());
  if (query.maxFen != null) sp.set("max", (query.maxFen / 100).toString());
  if (query.sort && query.sort !== "featured") sp.set("sort", query.sort);
  if (query.page && query.page > 1) sp.set("page", String(query.page));
  const s = sp.toString();
  return s ? `/products?${s}` : "/products";
}
