import { useTranslations } from "next-intl";
import { REPORT_DIMENSIONS, type ReportBy } from "@/lib/domain/reports";

const input = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

/** The report's dimension and date range, as a plain GET form (the URL is the report's address). */
export function ReportFilter({ by, from, to }: { by: ReportBy; from: string; to: string }) {
  const t = useTranslations("reports");
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 rounded-2xl bg-white p-4 shadow-sm sm:grid-cols-4" data-testid="report-form">
      <label className="col-span-2 text-sm font-medium sm:col-span-1">
        {t("by")}
        <select name="by" defaultValue={by} className={input}>
          {REPORT_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {t(`dims.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("from")}
        <input type="date" name="from" defaultValue={from} className={input} aria-describedby="report-range-hint" />
      </label>
      <label className="text-sm font-medium">
        {t("to")}
        <input type="date" name="to" defaultValue={to} className={input} aria-describedby="report-range-hint" />
      </label>
      <button type="submit" className="col-span-2 rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 sm:col-span-1">
        {t("show")}
      </button>
      <p id="report-range-hint" className="col-span-2 text-xs text-earth-600 sm:col-span-4">
        {t("rangeHint")}
      </p>
    </form>
  );
}
