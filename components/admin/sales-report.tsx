import { useFormatter, useLocale, useTranslations } from "next-intl";
import { beijingDay, beijingMonth } from "@/components/coop/dates";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { Notice } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { salesCsvFileName, type ReportQuery } from "@/lib/domain/reports";
import type { SalesReport, SalesRow } from "@/lib/server/queries/reports";

/** A sales report: its totals as figures, the CSV link, and one row per group with the totals at the foot. */
export function SalesReportView({ report, query }: { report: SalesReport; query: ReportQuery }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const locale = useLocale();
  const csv = `/admin/reports/sales.csv?${new URLSearchParams({ by: query.by, from: query.from, to: query.to }).toString()}`;
  const label = (r: SalesRow) => (query.by === "month" ? format.dateTime(beijingMonth(r.key), "month") : locale === "en" ? r.labelEn : r.labelZh);
  const { total } = report;
  // The name column stays in view while the numbers scroll sideways on a phone.
  const columns: Column<SalesRow>[] = [
    { key: "name", header: t(`heads.${query.by}`), className: "max-w-[9rem] sm:max-w-none", cell: label },
    { key: "orders", header: t("cols.orders"), numeric: true, cell: (r) => format.number(r.orders) },
    { key: "units", header: t("cols.units"), numeric: true, cell: (r) => format.number(r.units) },
    { key: "revenue", header: t("cols.revenue"), numeric: true, cell: (r) => <Price fen={r.revenueFen} /> },
    { key: "benefit", header: t("cols.benefit"), numeric: true, cell: (r) => <Price fen={r.householdBenefitFen} className="text-leaf-700" /> },
    { key: "households", header: t("cols.households"), numeric: true, cell: (r) => format.number(r.householdsReached) },
  ];
  return (
    <>
      <StatGrid>
        <StatCard label={t("figures.revenue")} value={<Price fen={total.revenueFen} />} />
        <StatCard label={t("figures.benefit")} value={<Price fen={total.householdBenefitFen} className="text-leaf-700" />} />
        <StatCard label={t("figures.orders")} value={format.number(total.orders)} />
        <StatCard label={t("figures.households")} value={format.number(total.householdsReached)} />
      </StatGrid>
      <a href={csv} download={salesCsvFileName(query)} className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" data-testid="report-csv">
        {t("download")}
      </a>
      {report.rows.length === 0 ? (
        <Notice>{t("empty")}</Notice>
      ) : (
        <DataTable
          label={t("title")}
          caption={t("caption", { range: format.dateTimeRange(beijingDay(query.from), beijingDay(query.to), "dayShort"), by: t(`dims.${query.by}`) })}
          columns={columns}
          rows={report.rows}
          rowKey={(r) => r.key}
          rowProps={(r) => ({ "data-testid": "report-row", "data-key": r.key })}
          footer={[t("total"), format.number(total.orders), format.number(total.units), <Price key="revenue" fen={total.revenueFen} />, <Price key="benefit" fen={total.householdBenefitFen} />, format.number(total.householdsReached)]}
          minWidth="40rem"
          testId="report-table"
        />
      )}
    </>
  );
}
