// A console list's sort and page from the URL, for lists sorted and paged in the database. Each list names its
// sortable columns (an allow-list: a column not on it never reaches ORDER BY); anything odd in the URL falls back to
// the list's default rather than failing. Pure: the queries in lib/server turn the result into ORDER BY / OFFSET.
import { z } from "zod";

export type SortDir = "asc" | "desc";
export type SearchParams = Record<string, string | string[] | undefined>;

/** Beyond this page a list stops counting: a crafted ?page=1e9 costs one empty OFFSET, not a timeout. */
export const MAX_LIST_PAGE = 10_000;

export interface ListSpec<S extends string> {
  /** The columns the list may be sorted by; the first is the default. */
  sorts: readonly [S, ...S[]];
  /** Each column's first direction (when its header is clicked, or ?dir= is missing); "desc" when not named. */
  dirs?: Partial<Record<S, SortDir>>;
  pageSize: number;
  /** When two lists share a page: their parameters are `${prefix}sort`, `${prefix}dir`, `${prefix}page`. */
  prefix?: string;
}

export interface ListQuery<S extends string> {
  sort: S;
  dir: SortDir;
  page: number;
}

/** The first value of a repeated parameter. */
export const firstParam = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

const pageSchema = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform((s) => Math.min(Math.max(1, Number(s)), MAX_LIST_PAGE))
  .catch(1);

/** Sort, direction and page of a list from the URL's parameters. */
export function parseListQuery<S extends string>(params: SearchParams, spec: ListSpec<S>): ListQuery<S> {
  const key = paramKeys(spec);
  const sort = z.enum(spec.sorts).catch(spec.sorts[0]).parse(firstParam(params[key.sort]));
  const dir = z.enum(["asc", "desc"]).catch(firstDir(spec, sort)).parse(firstParam(params[key.dir]));
  const page = pageSchema.parse(firstParam(params[key.page]) ?? "1");
  return { sort, dir, page };
}

/** The URL parameters a list reads. */
export const paramKeys = (spec: { prefix?: string }) => ({ sort: `${spec.prefix ?? ""}sort`, dir: `${spec.prefix ?? ""}dir`, page: `${spec.prefix ?? ""}page` });

/** A list's sort as URL parameters (for links and forms that keep it). */
export function sortParams<S extends string>(spec: ListSpec<S>, { sort, dir }: { sort: S; dir: SortDir }): Record<string, string> {
  const key = paramKeys(spec);
  return { [key.sort]: sort, [key.dir]: dir };
}

/** The direction a column starts in. */
export const firstDir = <S extends string>(spec: ListSpec<S>, sort: S): SortDir => spec.dirs?.[sort] ?? "desc";

/** The rows to skip and take for a page. */
export const pageWindow = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, take: pageSize });

/** How many pages a total fills (at least one, so "page 1 of 1" reads right on an empty list). */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** Where a header link goes: the same column flips its direction; another column starts in its own first direction. */
export function nextSort<S extends string>(spec: ListSpec<S>, query: ListQuery<S>, column: S): { sort: S; dir: SortDir } {
  if (query.sort === column) return { sort: column, dir: query.dir === "desc" ? "asc" : "desc" };
  return { sort: column, dir: firstDir(spec, column) };
}

/** A header link's parameters: the next sort, back to page 1 (the page parameter is left out). */
export const nextSortParams = <S extends string>(spec: ListSpec<S>, query: ListQuery<S>, column: S) => sortParams(spec, nextSort(spec, query, column));

/** A link's query string: the list's other parameters (filters, tabs, the cooperative) kept, empty ones dropped. */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const kept = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== "");
  const search = new URLSearchParams(kept.map(([k, v]) => [k, String(v)])).toString();
  return search ? `${path}?${search}` : path;
}

/** A paged result: the page's rows, how many rows match in all, and how many pages they fill. */
export interface ListPage<Row> {
  rows: Row[];
  total: number;
  pages: number;
}
