import type { Metadata } from "next";
import { formatFen } from "@/lib/domain/money";
import { parseReportParams, REPORT_DIMENSIONS, salesCsvFileName } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { salesReport } from "@/lib/server/queries/reports";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("reports.title"), robots: { index: false } };
}

const input = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

/** Sales by village, cooperative, category or month, from the daily rollups, with the same report as CSV. */
export default async function ReportsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/reports");
  const [t, locale, params] = await Promise.all([getT(), getLocale(), searchParams]);
  const parsed = parseReportParams(params, new Date());
  const report = parsed.ok ? await salesReport(db, { by: parsed.by, ...parsed.range }) : null;
  const money = (fen: number) => formatFen(fen, locale);
  const label = (r: { labelZh: string; labelEn: string }) => (locale === "en" ? r.labelEn : r.labelZh);
  const raw = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const by = parsed.ok ? parsed.by : "village";
  const from = parsed.ok ? parsed.range.from : raw("from");
  const to = parsed.ok ? parsed.range.to : raw("to");
  const csv = `/admin/reports/sales.csv?${new URLSearchParams({ by, from, to }).toString()}`;
  const cols = ["orders", "units", "revenue", "benefit", "households"] as const;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("reports.title")}</h1>
      <p className="text-sm text-earth-600">{t("reports.lead")}</p>
      <form method="get" className="grid grid-cols-2 items-end gap-3 rounded-2xl bg-white p-4 shadow-sm sm:grid-cols-4" data-testid="report-form">
        <label className="col-span-2 text-sm font-medium sm:col-span-1">
          {t("reports.by")}
          <select name="by" defaultValue={by} className={input}>
            {REPORT_DIMENSIONS.map((d) => (
              <option key={d} value={d}>
                {t(`reports.dims.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("reports.from")}
          <input type="date" name="from" defaultValue={from} className={input} aria-describedby="report-range-hint" />
        </label>
        <label className="text-sm font-medium">
          {t("reports.to")}
          <input type="date" name="to" defaultValue={to} className={input} aria-describedby="report-range-hint" />
        </label>
        <button type="submit" className="col-span-2 rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 sm:col-span-1">
          {t("reports.show")}
        </button>
        <p id="report-range-hint" className="col-span-2 text-xs text-earth-600 sm:col-span-4">
          {t("reports.rangeHint")}
        </p>
      </form>
      {!parsed.ok && (
        <p role="alert" className="rounded-lg bg-wine-50 px-3 py-2 text-wine-700">
          {t(`reports.errors.${parsed.error}`)}
        </p>
      )}
      {parsed.ok && report && (
        <>
          <a href={csv} download={salesCsvFileName({ by: parsed.by, ...parsed.range })} className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" data-testid="report-csv">
            {t("reports.download")}
          </a>
          {report.rows.length === 0 ? (
            <p className="rounded-xl bg-white p-4">{t("reports.empty")}</p>
          ) : (
            // The name column stays in view while the numbers scroll sideways on a phone.
            <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("reports.title")}>
              <table className="w-full min-w-[40rem] text-sm" data-testid="report-table">
                <caption className="p-3 text-left text-earth-600">{t("reports.caption", { from: parsed.range.from, to: parsed.range.to, by: t(`reports.dims.${parsed.by}`) })}</caption>
                <thead className="bg-earth-100 text-left">
                  <tr>
                    <th scope="col" className="sticky left-0 max-w-[9rem] bg-earth-100 p-2 sm:max-w-none">
                      {t(`reports.heads.${parsed.by}`)}
                    </th>
                    {cols.map((c) => (
                      <th key={c} scope="col" className="p-2 text-right">
                        {t(`reports.cols.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {[...report.rows, report.total].map((r, i) => (
                    <tr key={r.key || "total"} className={i === report.rows.length ? "border-t-2 border-earth-600/30 font-semibold" : "border-t border-earth-100"} data-testid="report-row" data-key={r.key}>
                      <th scope="row" className="sticky left-0 max-w-[9rem] bg-white p-2 text-left font-medium sm:max-w-none">
                        {r.key ? label(r) : t("reports.total")}
                      </th>
                      <td className="p-2 text-right tabular-nums">{r.orders}</td>
                      <td className="p-2 text-right tabular-nums">{r.units}</td>
                      <td className="p-2 text-right tabular-nums">{money(r.revenueFen)}</td>
                      <td className="p-2 text-right tabular-nums text-leaf-700">{money(r.householdBenefitFen)}</td>
                      <td className="p-2 text-right tabular-nums">{r.householdsReached}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
