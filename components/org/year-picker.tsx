import { useTranslations } from "next-intl";

/** Links to the previous and next year of a yearly page (a plain link each: no JavaScript, bookmarkable). */
export function YearPicker({ year, href }: { year: number; href: (year: number) => string }) {
  const t = useTranslations("org.share");
  return (
    <nav aria-label={t("years")} className="flex items-center gap-3 text-sm">
      <a href={href(year - 1)} className="rounded-md bg-white px-3 py-1.5 shadow-sm hover:text-wine-700" rel="prev">
        {t("yearLink", { year: year - 1 })}
      </a>
      <span aria-current="page" className="font-semibold">
        {year}
      </span>
      <a href={href(year + 1)} className="rounded-md bg-white px-3 py-1.5 shadow-sm hover:text-wine-700" rel="next">
        {t("yearLink", { year: year + 1 })}
      </a>
    </nav>
  );
}
