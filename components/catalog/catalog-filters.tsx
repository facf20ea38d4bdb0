import Link from "next/link";
import { useTranslations } from "next-intl";
import { catalogHref, SORTS, type CatalogQuery } from "@/lib/validation/catalog";
import type { CatalogFacets } from "./types";

const sortLabel = {
  featured: "sortFeatured",
  newest: "sortNewest",
  "price-asc": "sortPriceAsc",
  "price-desc": "sortPriceDesc",
} as const;

/** How many filters narrow the list (sorting does not), for the button's "筛选（2）". */
export function activeFilterCount(query: CatalogQuery): number {
  return [query.category, query.village, query.cooperative, query.minFen ?? query.maxFen].filter((v) => v !== null).length;
}

// One GET form, so filtering works without JavaScript. On a phone it is a "筛选" button at the top of the list
// that opens as a sheet over the page (a <details>: its summary is the button, then the sheet's header that
// closes it); from lg up the same form is the sidebar, always shown where ::details-content is supported.
const details = [
  "group/filters",
  "max-lg:open:fixed max-lg:open:inset-0 max-lg:open:z-50 max-lg:open:flex max-lg:open:flex-col max-lg:open:justify-end max-lg:open:bg-earth-900/50",
  "lg:rounded-xl lg:border lg:border-earth-100 lg:bg-white lg:p-4 lg:details-content:[content-visibility:visible]",
].join(" ");
const summary = [
  "flex cursor-pointer list-none items-center gap-2 font-medium [&::-webkit-details-marker]:hidden",
  "max-lg:w-fit max-lg:rounded-lg max-lg:border max-lg:border-earth-600/40 max-lg:bg-white max-lg:px-4 max-lg:py-2",
  "max-lg:group-open/filters:w-full max-lg:group-open/filters:rounded-b-none max-lg:group-open/filters:rounded-t-2xl max-lg:group-open/filters:border-0 max-lg:group-open/filters:border-b max-lg:group-open/filters:border-earth-100 max-lg:group-open/filters:py-4",
  "lg:supports-[selector(::details-content)]:pointer-events-none",
].join(" ");
const sheet = "grid gap-4 max-lg:max-h-[75dvh] max-lg:overflow-y-auto max-lg:overscroll-contain max-lg:bg-white max-lg:px-4 max-lg:pb-6 max-lg:pt-4 sm:grid-cols-2 lg:mt-4 lg:grid-cols-1";
const field = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

export function CatalogFilters({ query, facets }: { query: CatalogQuery; facets: CatalogFacets }) {
  const t = useTranslations("catalog");
  const select = (name: "category" | "village" | "cooperative", label: string, options: CatalogFacets["categories"]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={query[name] ?? ""} className={field}>
        <option value="">{t("any")}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {t("optionWithCount", { name: o.name, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    // Keyed by the query, so a client-side navigation (the clear link) closes the sheet like a page load does.
    <details key={catalogHref(query)} className={details} data-testid="catalog-filters">
      <summary className={summary}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current lg:hidden">
          <path d="M2 4h16l-6.5 7.5V17l-3-1.5v-4z" />
        </svg>
        <span>{t("filtersButton", { count: activeFilterCount(query) })}</span>
        <span aria-hidden="true" className="ml-auto hidden text-2xl leading-none text-earth-600 max-lg:group-open/filters:inline">
          ×
        </span>
      </summary>
      <form action="/products" className={sheet}>
        {query.q && <input type="hidden" name="q" value={query.q} />}
        {select("category", t("category"), facets.categories)}
        {select("village", t("village"), facets.villages)}
        {select("cooperative", t("cooperative"), facets.cooperatives)}
        <fieldset>
          <legend className="text-sm font-medium">{t("priceRange")}</legend>
          <div className="flex items-center gap-2">
            <label className="sr-only" htmlFor="filter-min">
              {t("minPrice")}
            </label>
            <input id="filter-min" name="min" inputMode="decimal" placeholder={t("minPrice")} defaultValue={query.minFen !== null ? String(query.minFen / 100) : ""} className={field} />
            <span aria-hidden="true">–</span>
            <label className="sr-only" htmlFor="filter-max">
              {t("maxPrice")}
            </label>
            <input id="filter-max" name="max" inputMode="decimal" placeholder={t("maxPrice")} defaultValue={query.maxFen !== null ? String(query.maxFen / 100) : ""} className={field} />
          </div>
        </fieldset>
        <div>
          <label htmlFor="filter-sort" className="text-sm font-medium">
            {t("sort")}
          </label>
          <select id="filter-sort" name="sort" defaultValue={query.sort} className={field}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(sortLabel[s])}
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
          <button type="submit" className="flex-1 rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
            {t("apply")}
          </button>
          <Link href="/products" className="rounded-lg border border-earth-600/40 px-4 py-2 font-medium hover:bg-earth-100">
            {t("clear")}
          </Link>
        </div>
      </form>
    </details>
  );
}
