// 防返贫 monitoring rules: which households' sales-linked income is falling, judged on complete Beijing months.
// Pure: the caller hands in each household's income per month (fen), when it took part in cooperatives, its
// member count, the current month and the line. Months are "YYYY-MM", days "YYYY-MM-DD" (Beijing calendar).
//
// The rules (written out for admins on /admin/monitoring):
// - NO_INCOME_3M: the household took part for the whole of each of the last 3 complete months, and received no
//   income in any of them (a month's net income ≤ 0). Period key: the last of those months, "2026-10".
// - QUARTER_DROP: the last complete quarter's income is below 50% of the same quarter a year before; only when
//   that earlier quarter had income and the household took part throughout both quarters. Key: "2026Q3".
// - BELOW_LINE: the last 12 complete months' income per member is below the yearly line; only for households
//   that took part throughout those 12 months. Key: the last of the 12 months, "2026-10".

export const MONITORING_RULES = ["NO_INCOME_3M", "QUARTER_DROP", "BELOW_LINE"] as const;
export type MonitoringRuleName = (typeof MONITORING_RULES)[number];

export const FLAG_STATUSES = ["OPEN", "KEPT", "RESOLVED"] as const;
export type FlagStatusName = (typeof FLAG_STATUSES)[number];

/**
 * The default line, ¥6,600 a year per member. National 防返贫 monitoring thresholds started at about ¥6,000 (2021)
 * and are raised each year by each province; the admin sets the current Hebei figure on the page. Sales-linked
 * income is only part of what a household earns, so this flags low income from the shop, not poverty itself.
 */
export const DEFAULT_LINE_FEN_PER_MEMBER_YEAR = 660_000;
/** Lines an admin may set: up to ¥100,000 a year per member. */
export const MAX_LINE_FEN = 10_000_000;

/** One stretch of participation: from its first day, through its last day (null: still taking part). */
export interface Participation {
  from: string;
  to: string | null;
}

export interface HouseholdInput {
  /** Net sales-linked income per month, fen (absent months: nothing). */
  incomeByMonth: Readonly<Record<string, number>>;
  participations: readonly Participation[];
  memberCount: number;
}

export type RuleResult =
  | { rule: "NO_INCOME_3M"; periodKey: string; details: { months: string[]; incomeFen: number[] } }
  | {
      rule: "QUARTER_DROP";
      periodKey: string;
      details: { quarter: string; previousQuarter: string; incomeFen: number; previousIncomeFen: number; percent: number };
    }
  | {
      rule: "BELOW_LINE";
      periodKey: string;
      details: { months: [string, string]; incomeFen: number; memberCount: number; perMemberFen: number; lineFen: number };
    };

// ─── calendar arithmetic on strings ───

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 (an index that adds and subtracts). */
export function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month: ${month}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export const monthOfIndex = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

export const addMonths = (month: string, n: number): string => monthOfIndex(monthIndex(month) + n);

/** The months from `first` through `last`, in order. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) out.push(monthOfIndex(i));
  return out;
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The last day of a month, YYYY-MM-DD (29 February in a leap year). */
export function lastDayOfMonth(month: string): string {
  const i = monthIndex(month);
  const year = Math.floor(i / 12);
  const m = (i % 12) + 1;
  const days = m === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return `${month}-${String(days).padStart(2, "0")}`;
}

const dayNumber = (day: string): number => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** The quarter a month is in, "2026Q3". */
export const quarterOf = (month: string): string => {
  const i = monthIndex(month);
  return `${Math.floor(i / 12)}Q${Math.floor((i % 12) / 3) + 1}`;
};

/** The three months of a quarter "2026Q3". */
export function monthsOfQuarter(quarter: string): string[] {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`not a quarter: ${quarter}`);
  const first = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}`;
  return monthRange(first, addMonths(first, 2));
}

/** The last complete quarter before the one `month` is in. */
export function lastCompleteQuarter(month: string): string {
  const i = monthIndex(month);
  const firstOfCurrent = i - (i % 12) % 3;
  return quarterOf(monthOfIndex(firstOfCurrent - 1));
}

/** True when the participations, joined together, cover every day from `first` through `last`. */
export function coversThroughout(participations: readonly Participation[], first: string, last: string): boolean {
  const stretches = participations
    .map((p) => ({ from: dayNumber(p.from), to: p.to === null ? Infinity : dayNumber(p.to) }))
    .filter((p) => p.to >= p.from)
    .sort((a, b) => a.from - b.from);
  let reached = dayNumber(first) - 1; // the last day covered so far, contiguously from `first`
  const target = dayNumber(last);
  for (const s of stretches) {
    if (s.from > reached + 1) break;
    reached = Math.max(reached, s.to);
    if (reached >= target) return true;
  }
  return reached >= target;
}

const coversMonths = (p: readonly Participation[], months: readonly string[]): boolean =>
  months.length > 0 && coversThroughout(p, `${months[0]}-01`, lastDayOfMonth(months[months.length - 1]!));

const incomeOf = (h: HouseholdInput, month: string): number => h.incomeByMonth[month] ?? 0;
const sumOf = (h: HouseholdInput, months: readonly string[]): number => months.reduce((s, m) => s + incomeOf(h, m), 0);

/** The 12 complete months before `currentMonth`, oldest first (the sparkline's months). */
export const lastTwelveMonths = (currentMonth: string): string[] => monthRange(addMonths(currentMonth, -12), addMonths(currentMonth, -1));

/** The first and last month any rule reads for `currentMonth` (the quarter a year before reaches furthest). */
export function monthsRead(currentMonth: string): { first: string; last: string } {
  const earlierQuarter = monthsOfQuarter(lastCompleteQuarter(currentMonth)).map((m) => addMonths(m, -12));
  const twelve = lastTwelveMonths(currentMonth);
  const first = monthIndex(earlierQuarter[0]!) < monthIndex(twelve[0]!) ? earlierQuarter[0]! : twelve[0]!;
  return { first, last: addMonths(currentMonth, -1) };
}

// ─── the rules ───

export function noIncome3m(h: HouseholdInput, currentMonth: string): RuleResult | null {
  const months = monthRange(addMonths(currentMonth, -3), addMonths(currentMonth, -1));
  if (!coversMonths(h.participations, months)) return null;
  const incomeFen = months.map((m) => incomeOf(h, m));
  if (incomeFen.some((v) => v > 0)) return null;
  return { rule: "NO_INCOME_3M", periodKey: months[2]!, details: { months, incomeFen } };
}

export function quarterDrop(h: HouseholdInput, currentMonth: string): RuleResult | null {
  const quarter = lastCompleteQuarter(currentMonth);
  const months = monthsOfQuarter(quarter);
  const earlier = months.map((m) => addMonths(m, -12));
  if (!coversMonths(h.participations, earlier) || !coversMonths(h.participations, months)) return null;
  const previousIncomeFen = sumOf(h, earlier);
  if (previousIncomeFen <= 0) return null;
  const incomeFen = sumOf(h, months);
  // Below half, in integers: 2 × now < before.
  if (2 * incomeFen >= previousIncomeFen) return null;
  const percent = Math.floor((Math.max(incomeFen, 0) * 100) / previousIncomeFen);
  return { rule: "QUARTER_DROP", periodKey: quarter, details: { quarter, previousQuarter: quarterOf(earlier[0]!), incomeFen, previousIncomeFen, percent } };
}

export function belowLine(h: HouseholdInput, currentMonth: string, lineFen: number): RuleResult | null {
  const months = lastTwelveMonths(currentMonth);
  if (!coversMonths(h.participations, months)) return null;
  const memberCount = Math.max(1, Math.floor(h.memberCount));
  const incomeFen = sumOf(h, months);
  // income / members < line, without rounding: income < line × members.
  if (incomeFen >= lineFen * memberCount) return null;
  const perMemberFen = Math.floor(incomeFen / memberCount);
  return { rule: "BELOW_LINE", periodKey: months[11]!, details: { months: [months[0]!, months[11]!], incomeFen, memberCount, perMemberFen, lineFen } };
}

/** Every rule for one household, in the order of MONITORING_RULES. */
export function evaluateHousehold(h: HouseholdInput, currentMonth: string, lineFen: number): RuleResult[] {
  return [noIncome3m(h, currentMonth), quarterDrop(h, currentMonth), belowLine(h, currentMonth, lineFen)].filter((r): r is RuleResult => r !== null);
}

/** Whether a flag may go from one status to another: OPEN → KEPT | RESOLVED, KEPT → RESOLVED; RESOLVED is final. */
export function canDecide(from: FlagStatusName, to: "KEPT" | "RESOLVED"): boolean {
  if (from === "RESOLVED") return false;
  return !(from === "KEPT" && to === "KEPT");
}

/** Parses a line typed in yuan ("6600", "6600.5") into fen; null when it is not a positive amount within bounds. */
export function parseLineYuan(raw: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(raw.trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen > 0 && fen <= MAX_LINE_FEN ? fen : null;
}

/** A line read back from the Setting table: the default when missing or malformed. */
export function lineFromSetting(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= MAX_LINE_FEN ? value : DEFAULT_LINE_FEN_PER_MEMBER_YEAR;
}

/** The trend of a series for its label: up, down or flat (last quarter of the months against the first). */
export function trendOf(values: readonly number[]): "up" | "down" | "flat" {
  if (values.length < 2) return "flat";
  const k = Math.max(1, Math.floor(values.length / 4));
  const head = values.slice(0, k).reduce((s, v) => s + v, 0);
  const tail = values.slice(-k).reduce((s, v) => s + v, 0);
  if (tail > head) return "up";
  if (tail < head) return "down";
  return "flat";
}
