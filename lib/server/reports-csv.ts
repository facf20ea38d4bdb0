import "server-only";
// The reports' CSV files, in the reader's language (header and names), money in yuan with two decimals.
import { toCsv, type CsvCell, type ReportBy } from "@/lib/domain/reports";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { SalesReport, SettlementStatement } from "@/lib/server/queries/reports";

/** One row per group, then the totals: name, orders, units, revenue, household benefit, households reached. */
export function salesCsv(report: SalesReport, by: ReportBy, t: Translate, locale: Locale): string {
  return toCsv([
    [t(`reports.heads.${by}`), t("reports.cols.orders"), t("reports.cols.units"), t("reports.cols.revenue"), t("reports.cols.benefit"), t("reports.cols.households")],
    ...[...report.rows, report.total].map((r): CsvCell[] => [
      r.key ? (locale === "en" ? r.labelEn : r.labelZh) : t("reports.total"),
      r.orders,
      r.units,
      { yuan: r.revenueFen },
      { yuan: r.householdBenefitFen },
      r.householdsReached,
    ]),
  ]);
}

/** The statement's lines and totals, then what to pass on to each household (with names: audited by the caller). */
export function statementCsv(s: SettlementStatement, t: Translate, locale: Locale): string {
  return toCsv([
    [t("coopIncome.statementTitle", { cooperative: locale === "en" ? s.cooperative.nameEn : s.cooperative.nameZh, month: s.month })],
    [t("coopIncome.shippingNote")],
    [t("coopIncome.date"), t("coopIncome.order"), t("coopIncome.product"), t("coopIncome.units"), t("coopIncome.revenue"), t("coopIncome.coopShare"), t("coopIncome.householdShare")],
    ...s.lines.map((l): CsvCell[] => [
      l.day,
      l.orderNumber,
      `${locale === "en" ? l.productEn : l.productZh}${l.refund ? ` (${t("coopIncome.refund")})` : ""}`,
      l.units,
      { yuan: l.revenueFen },
      { yuan: l.cooperativeFen },
      { yuan: l.householdFen },
    ]),
    [t("coopIncome.total"), "", "", s.lines.reduce((n, l) => n + l.units, 0), { yuan: s.totalFen }, { yuan: s.cooperativeFen }, { yuan: s.householdFen }],
    [],
    [t("coopIncome.toHouseholds")],
    [t("coopIncome.code"), t("coopIncome.name"), t("coopIncome.amount")],
    ...s.households.map((h): CsvCell[] => [h.code, h.headName ?? "", { yuan: h.amountFen }]),
    [],
    [t("coopIncome.owed"), { yuan: s.totalFen }],
  ]);
}
