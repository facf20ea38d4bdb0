// Previous / next links for a list paged on the server; every other parameter of the URL is kept.
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pager({ path, params, page, pages, total }: { path: string; params: Record<string, string>; page: number; pages: number; total: number }) {
  const t = await getTranslations("people.paging");
  const href = (p: number) => `${path}?${new URLSearchParams({ ...params, page: String(p) }).toString()}`;
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-2 text-sm">
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
