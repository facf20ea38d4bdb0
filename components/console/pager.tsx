// Previous / next links for a list paged on the server; every other parameter of the URL (filters, tab, sort,
// cooperative) is kept. Nothing is drawn for an empty list (its empty state says what to do).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listHref } from "@/lib/domain/list-query";

type Params = Record<string, string | number | null | undefined>;

export async function Pager({ path, params, page, pages, total, pageParam = "page" }: { path: string; params: Params; page: number; pages: number; total: number; pageParam?: string }) {
  if (total === 0) return null;
  const t = await getTranslations("console.list");
  const href = (p: number) => listHref(path, { ...params, [pageParam]: p });
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2 text-sm" data-testid="pager">
      <span>{t("pageOf", { page, pages, total })}</span>
      <span className="flex gap-3">
        {page > 1 && (
          <Link href={href(page - 1)} className="rounded-lg border border-earth-600/40 bg-white px-3 py-1.5 underline-offset-2 hover:underline" rel="prev">
            {t("prev")}
          </Link>
        )}
        {page < pages && (
          <Link href={href(page + 1)} className="rounded-lg border border-earth-600/40 bg-white px-3 py-1.5 underline-offset-2 hover:underline" rel="next">
            {t("next")}
          </Link>
        )}
      </span>
    </nav>
  );
}
