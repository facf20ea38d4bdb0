// Sortable column headers for lists sorted in the database: each header is a link (the same column flips its
// direction, another starts in its own), the sorted column's header carries aria-sort. The list's other
// parameters (filters, tab, cooperative) stay in the link; the page goes back to 1.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { type ListQuery, type ListSpec, listHref, nextSortParams } from "@/lib/domain/list-query";

export interface SortContext<S extends string> {
  path: string;
  /** The list's other parameters, kept in every link. */
  params: Record<string, string | number | null | undefined>;
  spec: ListSpec<S>;
  query: ListQuery<S>;
}

async function SortHeader<S extends string>({ ctx, column, label }: { ctx: SortContext<S>; column: S; label: string }) {
  const t = await getTranslations("console.list");
  const active = ctx.query.sort === column;
  return (
    <Link href={listHref(ctx.path, { ...ctx.params, ...nextSortParams(ctx.spec, ctx.query, column) })} className="underline" aria-label={t("sortBy", { column: label })} data-sort={column}>
      {label}
      {active && <span aria-hidden="true">{ctx.query.dir === "desc" ? " ↓" : " ↑"}</span>}
    </Link>
  );
}

/** A DataTable column's header and aria-sort for a sortable column. */
export function sortable<S extends string>(ctx: SortContext<S>, column: S, label: string): { header: React.ReactNode; ariaSort?: "ascending" | "descending" } {
  const active = ctx.query.sort === column;
  return {
    header: <SortHeader ctx={ctx} column={column} label={label} />,
    ...(active ? { ariaSort: ctx.query.dir === "asc" ? "ascending" : "descending" } : {}),
  };
}

/** For lists drawn as cards (no column headers): the sort choices as links, the active one marked. */
export async function SortLinks<S extends string>({ ctx, labels }: { ctx: SortContext<S>; labels: Record<S, string> }) {
  const t = await getTranslations("console.list");
  return (
    <nav aria-label={t("sortLabel")} className="flex flex-wrap items-center gap-2 text-sm" data-testid="sort-links">
      <span className="text-earth-600">{t("sortLabel")}</span>
      {ctx.spec.sorts.map((column) => {
        const active = ctx.query.sort === column;
        return (
          <Link
            key={column}
            href={listHref(ctx.path, { ...ctx.params, ...nextSortParams(ctx.spec, ctx.query, column) })}
            aria-current={active ? "true" : undefined}
            aria-label={active ? t(ctx.query.dir === "asc" ? "sortedAsc" : "sortedDesc", { column: labels[column] }) : t("sortBy", { column: labels[column] })}
            className={`rounded-full px-3 py-1 ${active ? "bg-earth-100 font-medium" : "underline"}`}
            data-sort={column}
          >
            {labels[column]}
            {active && <span aria-hidden="true">{ctx.query.dir === "desc" ? " ↓" : " ↑"}</span>}
          </Link>
        );
      })}
    </nav>
  );
}
