// Report parameters, pure: the admin's sales report and the cooperative's settlement statement parse their query
// strings here (their CSV is written in lib/server/reports-csv.ts), so route files stay thin and the rules are
// tested alone.
import { assertFen } from "./money";
import { shanghaiDay } from "./ledger";

export const REPORT_DIMENSIONS = ["village", "cooperative", "category", "month"] as const;
export type ReportBy = (typeof REPORT_DIMENSIONS)[number];

/** Longest range a report covers, in days (a year and a day, for leap years). */
export const MAX_RANGE_DAYS = 366;

export interface ReportRange {
  /** YYYY-MM-DD, inclusive, Asia/Shanghai calendar days. */
  from: string;
  to: string;
}

export type ReportQuery = ReportRange & { by: ReportBy };

/** Why report parameters were refused; the caller translates `reports.errors.<code>`. */
export type ReportParamsError = "badDimension" | "badDate" | "reversedRange" | "rangeTooLong";

export type ReportParamsResult = { ok: true; by: ReportBy; range: ReportRange } | { ok: false; error: ReportParamsError };

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00.000Z`) / 86_400_000;

/** Days in an inclusive range: 2026-11-01..2026-11-30 is 30. */
export function daysInRange(range: ReportRange): number {
  return dayNumber(range.to) - dayNumber(range.from) + 1;
}

/** The default range: the first day of this month (Beijing time) to today. */
export function defaultRange(now: Date): ReportRange {
  const today = shanghaiDay(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** `by`, `from`, `to` from a query string. Missing values take defaults; wrong ones are errors, not guesses. */
export function parseReportParams(params: Record<string, string | string[] | undefined>, now: Date): ReportParamsResult {
  const rawBy = first(params.by)?.trim() || "village";
  if (!(REPORT_DIMENSIONS as readonly string[]).includes(rawBy)) return { ok: false, error: "badDimension" };
  const fallback = defaultRange(now);
  const from = first(params.from)?.trim() || fallback.from;
  const to = first(params.to)?.trim() || fallback.to;
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: "badDate" };
  if (from > to) return { ok: false, error: "reversedRange" };
  if (daysInRange({ from, to }) > MAX_RANGE_DAYS) return { ok: false, error: "rangeTooLong" };
  return { ok: true, by: rawBy as ReportBy, range: { from, to } };
}

/** A statement's month: YYYY-MM and its first and last calendar days. */
export interface StatementMonth {
  month: string;
  from: string;
  to: string;
}

/** A statement month, YYYY-MM, between 2000-01 and 2999-12; anything else is null. */
export function parseMonth(value: string | undefined): StatementMonth | null {
  const m = /^(2\d{3})-(0[1-9]|1[0-2])$/.exec(value ?? "");
  if (!m) return null;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { month: `${m[1]}-${m[2]}`, from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}` };
}

/** The last `n` months up to the one containing `now` (Beijing time), oldest first, as YYYY-MM. */
export function lastMonths(now: Date, n: number): string[] {
  const today = shanghaiDay(now);
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${year}-${String(month).padStart(2, "0")}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** sales-by-village-2026-11-01-2026-11-30.csv */
export const salesCsvFileName = (q: ReportQuery) => `sales-by-${q.by}-${q.from}-${q.to}.csv`;

/** statement-nanhongcheng-grape-2026-11.csv (slugs are [a-z0-9-], safe in a header). */
export const statementCsvFileName = (cooperativeSlug: string, month: string) => `statement-${cooperativeSlug.replace(/[^a-z0-9-]/g, "")}-${month}.csv`;

/** Fen as yuan with two decimals and no grouping, for CSV: 123456 → "1234.56", -5 → "-0.05". */
export function fenToYuanString(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}
