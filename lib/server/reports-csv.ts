import "server-only";
// The reports' CSV files, in the reader's language (header and names), money in yuan with two decimals, written
// by papaparse: RFC 4180 quoting, CRLF line ends, a byte order mark so Excel opens Chinese text correctly.
import Papa from "papaparse";
import { fenToYuanString, type ReportBy } from "@/lib/domain/reports";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { SalesReport, SettlementStatement } from "@/lib/server/queries/reports";

/** A CSV cell: text (from people or the database), a count we computed, or an amount of fen written as yuan. */
export type CsvCell = string | number | { yuan: number };

/**
 * Cells that Excel or LibreOffice would run as a formula: papaparse's own `escapeFormulae: true` set
 * (=, +, -, @, tab, CR first), except a cell that is just a negative decimal number. With `true`, every refund's
 * "-12.50" became the text "'-12.50", which a spreadsheet no longer adds up; a plain number is never a formula,
 * whoever wrote it. Such a cell gets an apostrophe first (shown as text, not run), and quotes.
 */
export const FORMULA_START = /^(?!-\d+(?:\.\d+)?$)[=+\-@\t\r]/;

function value(cell: CsvCell): string | number {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV number must be finite, got ${cell}`);
    return cell;
  }
  return typeof cell === "object" ? fenToYuanString(cell.yuan) : cell;
}

/** The rows as CSV: a byte order mark first, CRLF after every row (the last one too). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(rows.map((r) => r.map(value)), { newline: "\r\n", escapeFormulae: FORMULA_START });
  return `\uFEFF${body}\r\n`;
}

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
