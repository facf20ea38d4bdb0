// 预留份额: each year a Beijing budget unit reserves a share of its canteen food purchases for products of formerly
// poor counties. The organisation records the year's canteen food budget and the reserved percentage; the target
// is their product, and progress counts the money it paid this shop, net of refunds. Pure: lib/server/orgs
// reads the payments and refunds of the organisation's orders and calls reservedShareProgress.
//
// The counting rule (the year-end statement and the admins' progress list both use it):
// - A payment counts in the Beijing (Asia/Shanghai) calendar month and year in which it was paid; a refund
//   counts, negatively, in the Beijing month and year in which it was refunded — not in the year of the
//   payment it reverses. The finance department files by the year the money moved, and a statement filed for
//   2026 must not change when an order of December is refunded in January: the refund lowers 2027 instead.
//   So a month (or, rarely, a year) can be negative; the year's total is what it is, the amount still to buy
//   is never below zero.
// - Which amount of an order counts is the caller's choice (the server passes what the buyer paid for the goods
//   of the order); this module only adds what it is given.
import { beijingDayOf, startOfBeijingMonth } from "./calendar";

export const RESERVED_PERCENT = {
  /** The national floor: 10%. Below it the organisation's figure is refused. */
  nationalFloorBp: 1000,
  /** What the Beijing finance bureau asks of its budget units: at least 30%. Below it, a warning. */
  beijingTargetBp: 3000,
  maxBp: 10_000,
} as const;

/** A budget beyond this (10^10 yuan) is a typing mistake, not a canteen. */
export const MAX_BUDGET_FEN = 1_000_000_000_000;

export const RESERVED_SHARE_PROBLEMS = ["budgetInvalid", "percentInvalid", "percentBelowNationalFloor"] as const;
export type ReservedShareProblem = (typeof RESERVED_SHARE_PROBLEMS)[number];
export const RESERVED_SHARE_WARNINGS = ["percentBelowBeijingTarget"] as const;
export type ReservedShareWarning = (typeof RESERVED_SHARE_WARNINGS)[number];

/** An organisation's figures for a year, checked: problems refuse them, a warning is shown and saved. */
export function checkReservedShareSettings(input: { budgetFen: number; percentBp: number }): { problems: ReservedShareProblem[]; warnings: ReservedShareWarning[] } {
  const problems: ReservedShareProblem[] = [];
  const warnings: ReservedShareWarning[] = [];
  if (!Number.isSafeInteger(input.budgetFen) || input.budgetFen < 0 || input.budgetFen > MAX_BUDGET_FEN) problems.push("budgetInvalid");
  if (!Number.isSafeInteger(input.percentBp) || input.percentBp < 1 || input.percentBp > RESERVED_PERCENT.maxBp) problems.push("percentInvalid");
  else if (input.percentBp < RESERVED_PERCENT.nationalFloorBp) problems.push("percentBelowNationalFloor");
  else if (input.percentBp < RESERVED_PERCENT.beijingTargetBp) warnings.push("percentBelowBeijingTarget");
  return { problems, warnings };
}

/** The year's target in fen: budget × percentage, rounded half up to the fen (¥1,000.05 × 30% = ¥300.02, from 300.015). */
export function reservedShareTarget(budgetFen: number, percentBp: number): number {
  if (!Number.isSafeInteger(budgetFen) || budgetFen < 0 || budgetFen > MAX_BUDGET_FEN) throw new RangeError(`budget must be 0–${MAX_BUDGET_FEN} fen, got ${budgetFen}`);
  if (!Number.isSafeInteger(percentBp) || percentBp < 0 || percentBp > RESERVED_PERCENT.maxBp) throw new RangeError(`percentage must be 0–10000 basis points, got ${percentBp}`);
  // budget × bp reaches 10^16, past 2^53: split the budget at 10^4 so every product stays exact.
  const whole = Math.floor(budgetFen / 10_000) * percentBp;
  const rest = (budgetFen % 10_000) * percentBp;
  const restWhole = Math.floor(rest / 10_000);
  const restRest = rest % 10_000;
  return whole + restWhole + (restRest * 2 >= 10_000 ? 1 : 0);
}

/** Money that moved for the organisation: a payment of one of its orders, or a refund (a positive amount). */
export interface Movement {
  kind: "payment" | "refund";
  amountFen: number;
  at: Date;
}

export interface MonthProgress {
  /** YYYY-MM, a Beijing month. */
  month: string;
  paidFen: number;
  refundedFen: number;
  /** paid − refunded, may be negative (a refund of an earlier month's order). */
  netFen: number;
  /** The year's net up to and including this month. */
  cumulativeFen: number;
}

export interface ReservedShareProgress {
  year: number;
  targetFen: number;
  paidFen: number;
  refundedFen: number;
  /** What counts toward the target: paid − refunded within the year. */
  countedFen: number;
  /** max(0, target − counted). */
  remainingFen: number;
  /** counted / target in basis points, rounded down (so 100% means reached), never below 0; null without a target. */
  reachedBp: number | null;
  reached: boolean;
  months: MonthProgress[];
}

/** The Beijing year and month an instant falls in. */
export function beijingMonthOf(at: Date): { year: number; month: string } {
  const day = beijingDayOf(at);
  return { year: Number(day.slice(0, 4)), month: day.slice(0, 7) };
}

/** The instants a year's movements lie between, for the query: [from, to). */
export function reservedShareYearRange(year: number): { from: Date; to: Date } {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 9998) throw new RangeError(`year out of range: ${year}`);
  return { from: startOfBeijingMonth(`${year}-01`), to: startOfBeijingMonth(`${year + 1}-01`) };
}

/** A year's progress from the organisation's movements (any years: only the year's own are counted). */
export function reservedShareProgress(input: { year: number; budgetFen: number; percentBp: number; movements: readonly Movement[] }): ReservedShareProgress {
  const targetFen = reservedShareTarget(input.budgetFen, input.percentBp);
  const months: MonthProgress[] = Array.from({ length: 12 }, (_, i) => ({
    month: `${input.year}-${String(i + 1).padStart(2, "0")}`,
    paidFen: 0,
    refundedFen: 0,
    netFen: 0,
    cumulativeFen: 0,
  }));
  for (const m of input.movements) {
    if (!Number.isSafeInteger(m.amountFen) || m.amountFen < 0) throw new RangeError(`a movement is a non-negative whole number of fen, got ${m.amountFen}`);
    const { year, month } = beijingMonthOf(m.at);
    if (year !== input.year) continue;
    const row = months[Number(month.slice(5, 7)) - 1]!;
    if (m.kind === "payment") row.paidFen += m.amountFen;
    else row.refundedFen += m.amountFen;
  }
  let cumulative = 0;
  for (const row of months) {
    row.netFen = row.paidFen - row.refundedFen;
    cumulative += row.netFen;
    row.cumulativeFen = cumulative;
  }
  const paidFen = months.reduce((s, r) => s + r.paidFen, 0);
  const refundedFen = months.reduce((s, r) => s + r.refundedFen, 0);
  const countedFen = paidFen - refundedFen;
  // BigInt: counted × 10^4 can pass 2^53; division truncates, and negatives become 0 below anyway.
  const reachedBp = targetFen === 0 ? null : Math.max(0, Number((BigInt(countedFen) * 10_000n) / BigInt(targetFen)));
  return {
    year: input.year,
    targetFen,
    paidFen,
    refundedFen,
    countedFen,
    remainingFen: Math.max(0, targetFen - countedFen),
    reachedBp,
    reached: countedFen >= targetFen,
    months,
  };
}

/** A year from the URL (?year=2026), else the Beijing year of `now`; nonsense falls back to `now`'s year too. */
export function parseShareYear(param: string | string[] | undefined, now: Date): number {
  const current = beijingMonthOf(now).year;
  const raw = Array.isArray(param) ? param[0] : param;
  if (!raw || !/^\d{4}$/.test(raw)) return current;
  const year = Number(raw);
  return year >= 2020 && year <= current + 1 ? year : current;
}

/** A statement's year from its URL segment ("2026"), or null for anything else (the page answers "not found"). */
export function parseStatementYear(segment: string): number | null {
  if (!/^\d{4}$/.test(segment)) return null;
  const year = Number(segment);
  return year >= 2020 && year <= 2100 ? year : null;
}
