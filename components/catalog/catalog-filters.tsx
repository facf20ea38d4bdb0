import type { Translate } from "@/lib/i18n/translate";
import type { CatalogFacets } from "@/lib/server/queries/catalog";
import { SORTS, type CatalogQuery } from "@/lib/validation/catalog";

const sortLabel = {
  featured: "catalog.sortFeatured",
  newest: "catalog.sortNewest",
  "price-asc": "catalog.sortPriceAsc",
  "price-desc": "catalog.sortPriceDesc",
} as const;

/** A GET form: filters are plain links and work without JavaScript; on a phone they fold away. */
export function CatalogFilters({ query, facets, t }: { query: CatalogQuery; facets: CatalogFacets; t: Translate }) {
  const field = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";
  const select = (name: "category" | "village" | "cooperative", label: string, options: CatalogFacets["categories"]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="text-sm font-medium">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={query[name] ?? ""} className={field}>
        <option value="">{t("catalog.any")}</option>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {t("catalog.optionWithCount", { name: o.name, count: o.count })}
          </option>
        ))}
      </select>
    </div>
  );
  const open = Boolean(query.category || query.village || query.cooperative || query.minFen !== null || query.maxFen !== null);
  return (
    <details open={open} className="rounded-xl border border-earth-100 bg-white p-4 lg:open:block" data-testid="catalog-filters">
      <summary className="cursor-pointer font-medium">{t("catalog.filters")}</summary>
      <form action="/products" className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-1">
        {query.q && <input type="hidden" name="q" value={query.q} />}
        {select("category", t("catalog.category"), facets.categories)}
        {select("village", t("catalog.village"), facets.villages)}
        {select("cooperative", t("catalog.cooperative"), facets.cooperatives)}
        <fieldset>
          <legend className="text-sm font-medium">{t("catalog.priceRange")}</legend>
          <div className="flex items-center gap-2">
            <label className="sr-only" htmlFor="filter-min">
              {t("catalog.minPrice")}
            </label>
            <input id="filter-min" name="min" inputMode="decimal" placeholder={t("catalog.minPrice")} defaultValue={query.minFen !== null ? String(query.minFen / 100) : ""} className={field} />
            <span aria-hidden="true">–</span>
            <label className="sr-only" htmlFor="filter-max">
              {t("catalog.maxPrice")}
            </label>
            <input id="filter-max" name="max" inputMode="decimal" placeholder={t("catalog.maxPrice")} defaultValue={query.maxFen !== null ? String(query.maxFen / 100) : ""} className={field} />
          </div>
        </fieldset>
        <div>
          <label htmlFor="filter-sort" className="text-sm font-medium">
            {t("catalog.sort")}
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
            {t("catalog.apply")}
          </button>
          <a href="/products" className="rounded-lg border border-earth-600/40 px-4 py-2 font-medium hover:bg-earth-100">
            {t("catalog.clear")}
          </a>
        </div>
      </form>
    </details>
  );
}
