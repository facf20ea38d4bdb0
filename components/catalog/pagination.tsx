import Link from "next/link";
import type { Translate } from "@/lib/i18n/translate";
import { catalogHref, type CatalogQuery } from "@/lib/validation/catalog";

export function Pagination({ query, page, pageCount, t }: { query: CatalogQuery; page: number; pageCount: number; t: Translate }) {
  if (pageCount <= 1) return null;
  const link = "rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100";
  return (
    <nav aria-label={t("catalog.pagination")} className="mt-6 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={catalogHref({ ...query, page: page - 1 })} rel="prev" className={link}>
          {t("catalog.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("catalog.pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={catalogHref({ ...query, page: page + 1 })} rel="next" className={link}>
          {t("catalog.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
