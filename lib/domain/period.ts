// The dashboard's periods, pure: which Beijing days a period covers, the period it is compared with, and the
// change between two figures. Days are YYYY-MM-DD Asia/Shanghai calendar days, inclusive at both ends.
import { beijingDayOf } from "./calendar";
import { isCalendarDate } from "./reports";

export const PERIOD_KINDS = ["thisMonth", "lastMonth", "thisYear", "custom"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface DayRange {
  from: string;
  to: string;
}

export interface Period extends DayRange {
  kind: PeriodKind;
}

/** Why a period was refused; the caller translates `dashboard.errors.<code>`. */
export type PeriodError = "badKind" | "badDate" | "reversed" | "tooLong";

export type PeriodResult = { ok: true; period: Period; previous: DayRange } | { ok: false; error: PeriodError };

/** A custom period may span at most this many years. */
export const MAX_PERIOD_YEARS = 10;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (day: string) => [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))] as const;
/** Days in month m (1-12) of year y. */
const monthDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00.000Z`) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** The day `n` days after `day` (n may be negative). */
export const addDays = (day: string, n: number) => fromDayNumber(dayNumber(day) + n);

/** Days in an inclusive range. */
export const lengthInDays = (r: DayRange) => dayNumber(r.to) - dayNumber(r.from) + 1;

/** The same day `years` years on; 29 February becomes 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  return ymd(y + years, m, Math.min(d, monthDays(y + years, m)));
}

/** The same day of the month `months` months on, clamped to that month's last day (31 March − 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return ymd(ny, nm, Math.min(d, monthDays(ny, nm)));
}

/** True when the range is one whole calendar month (first to last day). */
export function isWholeMonth(r: DayRange): boolean {
  const [y, m, d] = parts(r.from);
  return d === 1 && r.to === ymd(y, m, monthDays(y, m));
}

/** The days a named period covers on `today` (a Beijing day). */
export function periodDays(kind: Exclude<PeriodKind, "custom">, today: string): DayRange {
  const [y, m] = parts(today);
  if (kind === "thisMonth") return { from: ymd(y, m, 1), to: today };
  if (kind === "thisYear") return { from: ymd(y, 1, 1), to: today };
  const first = addMonths(ymd(y, m, 1), -1);
  const [ly, lm] = parts(first);
  return { from: first, to: ymd(ly, lm, monthDays(ly, lm)) };
}

/**
 * What a period is compared with: a whole month with the whole month before; a span starting on the first of a
 * month (this month so far) with the same days of the month before; a span starting on 1 January (this year so
 * far) with the same span of last year; anything else with the same number of days just before it.
 */
export function comparisonPeriod(r: DayRange): DayRange {
  const [fy, fm, fd] = parts(r.from);
  const [ty, tm] = parts(r.to);
  if (isWholeMonth(r)) {
    const from = addMonths(r.from, -1);
    const [py, pm] = parts(from);
    return { from, to: ymd(py, pm, monthDays(py, pm)) };
  }
  if (fd === 1 && fm === 1 && ty === fy) return { from: ymd(fy - 1, 1, 1), to: addYears(r.to, -1) };
  if (fd === 1 && ty === fy && tm === fm) return { from: addMonths(r.from, -1), to: addMonths(r.to, -1) };
  const days = lengthInDays(r);
  return { from: addDays(r.from, -days), to: addDays(r.from, -1) };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `period` (thisMonth by default), and `from`/`to` for a custom one, from a query string. A custom period with
 * a date that does not exist, that ends before it starts, or that spans more than ten years is refused.
 */
export function parsePeriod(params: Record<string, string | string[] | undefined>, now: Date): PeriodResult {
  const raw = first(params.period)?.trim() || (first(params.from) || first(params.to) ? "custom" : "thisMonth");
  if (!(PERIOD_KINDS as readonly string[]).includes(raw)) return { ok: false, error: "badKind" };
  const kind = raw as PeriodKind;
  let range: DayRange;
  if (kind === "custom") {
    const from = first(params.from)?.trim() ?? "";
    const to = first(params.to)?.trim() ?? "";
    if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: "badDate" };
    if (to < from) return { ok: false, error: "reversed" };
    if (to >= addYears(from, MAX_PERIOD_YEARS)) return { ok: false, error: "tooLong" };
    range = { from, to };
  } else {
    range = periodDays(kind, beijingDayOf(now));
  }
  return { ok: true, period: { kind, ...range }, previous: comparisonPeriod(range) };
}

export type Change = { kind: "same" } | { kind: "new" } | { kind: "percent"; percent: number };

/**
 * The change from `previous` to `current`, in percent with one decimal. A previous value of 0 is never divided
 * by: "new" when something appeared, "same" when both are 0.
 */
export function percentChange(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { kind: "same" } : { kind: "new" };
  const percent = Math.round(((current - previous) * 1000) / Math.abs(previous)) / 10;
  return percent === 0 ? { kind: "same" } : { kind: "percent", percent };
}

/** The months (YYYY-MM) a range touches, oldest first. */
export function monthsOf(r: DayRange): string[] {
  const out: string[] = [];
  for (let m = `${r.from.slice(0, 7)}-01`; m <= r.to; m = addMonths(m, 1)) out.push(m.slice(0, 7));
  return out;
}

/** A range cut where the rollups are kept: whole calendar months, and the days left over at either end. */
export interface MonthSplit {
  /** The first days (YYYY-MM-01) of the first and last whole month inside the range; null when there is none. */
  months: DayRange | null;
  /** The days before the first whole month and after the last one (0–2 ranges, in order). */
  days: DayRange[];
}

/**
 * Splits an inclusive range into the whole months inside it and the ragged days at its ends, so that a report reads
 * monthly rollup rows for the months and daily rows only for the rest.
 */
export function splitByMonths(r: DayRange): MonthSplit {
  const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
  const start = r.from.endsWith("-01") ? r.from : addMonths(firstOfMonth(r.from), 1);
  const [y, m] = parts(r.to);
  const end = r.to === ymd(y, m, monthDays(y, m)) ? r.to : addDays(firstOfMonth(r.to), -1);
  if (start > end) return { months: null, days: [{ from: r.from, to: r.to }] };
  const days: DayRange[] = [];
  if (r.from < start) days.push({ from: r.from, to: addDays(start, -1) });
  if (end < r.to) days.push({ from: addDays(end, 1), to: r.to });
  return { months: { from: start, to: firstOfMonth(end) }, days };
}
