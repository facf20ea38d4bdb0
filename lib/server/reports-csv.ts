import "server-only";
// The reports' CSV files, in the reader's language (header and names), money in yuan with two decimals, written
// by papaparse: RFC 4180 quoting, CRLF line ends, a byte order mark so Excel opens Chinese text correctly.
import Papa from "papaparse";
import { fenToYuanString, type ReportBy } from "@/lib/domain/reports";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { SalesReport, SettlementStatement } from "@/lib/server/queries/reports";
import { BEIJING_DISTRICTS } from "@/lib/validation/account";

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

/**
 * An organisation's year-end reserved-share statement as its finance department files it: who, the year, the
 * target and the total, then each order's payment (and any refund) with its date, invoice number and amount; the
 * rows sum to the total.
 */
export function organisationStatementCsv(
  statement: { organisation: { name: string; creditCode: string }; year: number; targetFen: number; totalFen: number; rows: readonly { date: string; number: string; kind: "payment" | "refund"; invoiceNumber: string | null; amountFen: number }[] },
  t: Translate,
): string {
  return toCsv([
    [t("org.statement.organisation"), statement.organisation.name],
    [t("org.statement.creditCode"), statement.organisation.creditCode],
    [t("org.statement.year"), String(statement.year)],
    [t("org.statement.target"), { yuan: statement.targetFen }],
    [t("org.statement.total"), { yuan: statement.totalFen }],
    [],
    [t("org.statement.cols.date"), t("org.statement.cols.order"), t("org.statement.cols.kind"), t("org.statement.cols.invoice"), t("org.statement.cols.amount")],
    ...statement.rows.map((r): CsvCell[] => [r.date, r.number, t(`org.statement.kinds.${r.kind}`), r.invoiceNumber ?? "", { yuan: r.amountFen }]),
    [t("org.statement.total"), "", "", "", { yuan: statement.totalFen }],
  ]);
}

/** Every organisation's reserved share for a year (the admins' export): one row each, then the totals. */
export function organisationsProgressCsv(
  rows: readonly { name: string; creditCode: string; kind: string; district: string; recorded: boolean; budgetFen: number; percentBp: number; targetFen: number; countedFen: number; remainingFen: number; reachedBp: number | null }[],
  year: number,
  t: Translate,
  locale: Locale,
): string {
  const district = (code: string) => BEIJING_DISTRICTS.find((d) => d.code === code)?.[locale === "en" ? "en" : "zh"] ?? code;
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const c = "org.admin.cols";
  return toCsv([
    [t(`${c}.name`), t(`${c}.creditCode`), t(`${c}.kind`), t(`${c}.district`), t(`${c}.year`), t(`${c}.budget`), t(`${c}.percent`), t(`${c}.target`), t(`${c}.counted`), t(`${c}.remaining`), t(`${c}.reached`)],
    ...rows.map((r): CsvCell[] => [
      r.name,
      r.creditCode,
      t(`org.kinds.${r.kind as "UNION"}`),
      district(r.district),
      year,
      r.recorded ? { yuan: r.budgetFen } : "",
      r.recorded ? (r.percentBp / 100).toFixed(2) : "",
      r.recorded ? { yuan: r.targetFen } : "",
      { yuan: r.countedFen },
      { yuan: r.remainingFen },
      r.reachedBp === null ? "" : (r.reachedBp / 100).toFixed(2),
    ]),
    [t("org.share.total"), "", "", "", year, "", "", { yuan: sum((r) => r.targetFen) }, { yuan: sum((r) => r.countedFen) }, { yuan: sum((r) => r.remainingFen) }, ""],
  ]);
}
