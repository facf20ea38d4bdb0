import Link from "next/link";
import { useTranslations } from "next-intl";
import { catalogHref, type CatalogQuery } from "@/lib/validation/catalog";

export function Pagination({ query, page, pageCount }: { query: CatalogQuery; page: number; pageCount: number }) {
  const t = useTranslations("catalog");
  if (pageCount <= 1) return null;
  const link = "rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100";
  return (
    <nav aria-label={t("pagination")} className="mt-6 flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={catalogHref({ ...query, page: page - 1 })} rel="prev" className={link}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("pageOf", { page, pageCount })}</span>
      {page < pageCount ? (
        <Link href={catalogHref({ ...query, page: page + 1 })} rel="next" className={link}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
