import "server-only";
// Reports read the rollups, never the whole ledger (whole months from the monthly rows, the range's ragged ends
// from the daily ones: ../rollups/source.ts): sales along one dimension for a date range, each
// household's monthly income from one cooperative, and one cooperative's monthly settlement statement (the only
// read of LedgerEntry here: one cooperative, one month, through the (cooperativeId, day) index).
// salesReport is the admins' (the caller authorizes); the other two are scoped to the caller's cooperatives
// (./coop-scope.ts) and answer null for any other cooperative, whatever the caller checked.
import type { Db } from "@/lib/db/client";
import { lastMonths, type ReportBy, type ReportQuery, type StatementMonth } from "@/lib/domain/reports";
import { Prisma } from "@/lib/generated/prisma/client";
import { householdRows, salesRows } from "@/lib/server/rollups/source";
import { inScope, type OneCoopScope } from "./coop-scope";

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

export interface SalesRow {
  /** Village, cooperative or category id, or YYYY-MM; "" for the totals row. */
  key: string;
  labelZh: string;
  labelEn: string;
  orders: number;
  units: number;
  /** Items revenue (cooperatives' and households' shares, no shipping), net of refunds. */
  revenueFen: number;
  householdBenefitFen: number;
  /** Distinct households whose net income in this group and range is above zero. */
  householdsReached: number;
}

export interface SalesReport {
  rows: SalesRow[];
  /** Sums of the rows, except householdsReached: distinct over the whole range (a household in two groups counts once). */
  total: SalesRow;
}

const DIMENSION = { village: "VILLAGE", cooperative: "COOPERATIVE", category: "CATEGORY", month: "TOTAL" } as const;
const MONTH = Prisma.raw(`to_char("day", 'YYYY-MM')`);

type Sums = { key: string; orders: bigint; units: bigint; revenueFen: bigint; householdBenefitFen: bigint };

/** The names, in both languages, of the report's keys (a month is its own label). */
export async function labels(db: Db, by: ReportBy, keys: string[]): Promise<Map<string, { zh: string; en: string }>> {
  if (by === "month") return new Map(keys.map((k) => [k, { zh: k, en: k }]));
  if (keys.length === 0) return new Map();
  const where = { where: { id: { in: keys } }, select: { id: true, nameZh: true, nameEn: true } };
  const rows = by === "village" ? await db.village.findMany(where) : by === "cooperative" ? await db.cooperative.findMany(where) : await db.category.findMany(where);
  return new Map(rows.map((r) => [r.id, { zh: r.nameZh, en: r.nameEn }]));
}

/** The rows of sales along one dimension (by month: the TOTAL rollup per month) over an inclusive range of days. */
export async function salesReportRows(db: Db, { by, from, to }: ReportQuery): Promise<SalesRow[]> {
  const keyExpr = by === "month" ? MONTH : Prisma.raw(`"key"`);
  const range = { from, to };
  const [sums, reached] = await Promise.all([
    db.$queryRaw<Sums[]>`
      SELECT ${keyExpr} AS "key", SUM("orders") AS "orders", SUM("units") AS "units", SUM("revenueFen")::bigint AS "revenueFen", SUM("householdBenefitFen")::bigint AS "householdBenefitFen"
      FROM ${salesRows(DIMENSION[by], range)} s
      GROUP BY 1`,
    db.$queryRaw<{ key: string; households: bigint }[]>`
      SELECT "key", COUNT(*) AS "households" FROM (
        SELECT ${keyExpr} AS "key", "householdId" FROM ${householdRows(DIMENSION[by], range)} h
        GROUP BY 1, "householdId" HAVING SUM("amountFen") > 0
      ) reached GROUP BY "key"`,
  ]);
  const reachedBy = new Map(reached.map((r) => [r.key, num(r.households)]));
  const names = await labels(db, by, sums.map((s) => s.key));
  return (
    sums
      .map((s) => ({
        key: s.key,
        labelZh: names.get(s.key)?.zh ?? s.key,
        labelEn: names.get(s.key)?.en ?? s.key,
        orders: num(s.orders),
        units: num(s.units),
        revenueFen: num(s.revenueFen),
        householdBenefitFen: num(s.householdBenefitFen),
        householdsReached: reachedBy.get(s.key) ?? 0,
      }))
      // Months in calendar order; everything else by revenue, largest first.
      .sort((a, b) => (by === "month" ? (a.key < b.key ? -1 : 1) : b.revenueFen - a.revenueFen || a.labelZh.localeCompare(b.labelZh, "zh-CN")))
  );
}

/** The range's totals: sums of the rows, and the distinct households reached over the whole range. */
export async function salesTotal(db: Db, range: { from: string; to: string }): Promise<SalesRow> {
  const [totals, reachedTotal] = await Promise.all([
    db.$queryRaw<Omit<Sums, "key">[]>`
      SELECT COALESCE(SUM("orders"), 0) AS "orders", COALESCE(SUM("units"), 0) AS "units", COALESCE(SUM("revenueFen"), 0)::bigint AS "revenueFen", COALESCE(SUM("householdBenefitFen"), 0)::bigint AS "householdBenefitFen"
      FROM ${salesRows("TOTAL", range)} s`,
    db.$queryRaw<{ households: bigint }[]>`
      SELECT COUNT(*) AS "households" FROM (
        SELECT "householdId" FROM ${householdRows("TOTAL", range)} h
        GROUP BY "householdId" HAVING SUM("amountFen") > 0
      ) reached`,
  ]);
  const t = totals[0];
  return {
    // Labelled where it is shown, in the reader's language (reports.total).
    key: "",
    labelZh: "",
    labelEn: "",
    orders: num(t?.orders),
    units: num(t?.units),
    revenueFen: num(t?.revenueFen),
    householdBenefitFen: num(t?.householdBenefitFen),
    householdsReached: num(reachedTotal[0]?.households),
  };
}

/** Sales along one dimension over an inclusive range of days, and the range's totals. */
export async function salesReport(db: Db, query: ReportQuery): Promise<SalesReport> {
  const [rows, total] = await Promise.all([salesReportRows(db, query), salesTotal(db, query)]);
  return { rows, total };
}

export type BenefitType = "LAND_RENT" | "WAGES" | "DIVIDEND";

export interface HouseholdIncomeRow {
  householdId: string;
  code: string;
  /** Personal data: managers only, and each read is audited by the caller. */
  headName: string | null;
  village: { nameZh: string; nameEn: string };
  benefitTypes: BenefitType[];
  /** False for a household that no longer takes part but was paid in the period. */
  participating: boolean;
  /** Net fen per month, in the order of `months`. */
  monthly: number[];
  totalFen: number;
}

export interface HouseholdIncome {
  /** YYYY-MM, oldest first. */
  months: string[];
  rows: HouseholdIncomeRow[];
}

/**
 * Each household taking part in the cooperative (also those with nothing yet), and any other household it paid in
 * the period, with its net income per month for the last `count` months (Beijing time) up to `now`. Null when the
 * cooperative is not one of the caller's.
 */
export async function householdIncomeByMonth(
  db: Db,
  { cooperativeIds, cooperativeId, count, now = new Date() }: OneCoopScope & { count: number; now?: Date },
): Promise<HouseholdIncome | null> {
  if (!inScope({ cooperativeIds }, cooperativeId)) return null;
  const months = lastMonths(now, count);
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return { months, rows: [] };
  const household = { select: { id: true, code: true, headName: true, village: { select: { nameZh: true, nameEn: true } } } } as const;
  const [participations, income] = await Promise.all([
    db.householdParticipation.findMany({ where: { cooperativeId }, select: { benefitType: true, active: true, household } }),
    // Whole months, so the monthly rollup alone (one row per household and month).
    db.$queryRaw<{ householdId: string; month: string; amountFen: bigint }[]>`
      SELECT "householdId", to_char("month", 'YYYY-MM') AS "month", SUM("amountFen") AS "amountFen"
      FROM "HouseholdMonthlyIncome"
      WHERE "dimension" = 'COOPERATIVE' AND "key" = ${cooperativeId} AND "month" BETWEEN ${`${first}-01`}::date AND ${`${last}-01`}::date
      GROUP BY 1, 2`,
  ]);
  const amounts = new Map(income.map((r) => [`${r.householdId}:${r.month}`, num(r.amountFen)]));
  const paid = new Set(income.map((r) => r.householdId));
  // A household that left the cooperative but was paid in the period stays, so the table adds up to the ledger.
  const listed = participations.filter((p) => p.active || paid.has(p.household.id));
  const known = new Set(listed.map((p) => p.household.id));
  const others = [...paid].filter((id) => !known.has(id));
  const extra = others.length > 0 ? await db.household.findMany({ where: { id: { in: others } }, ...household }) : [];
  const rows = new Map<string, HouseholdIncomeRow>();
  for (const { household: h, benefitType, active } of [...listed, ...extra.map((h) => ({ household: h, benefitType: null, active: false }))]) {
    let row = rows.get(h.id);
    if (!row) {
      const monthly = months.map((m) => amounts.get(`${h.id}:${m}`) ?? 0);
      row = { householdId: h.id, code: h.code, headName: h.headName, village: h.village, benefitTypes: [], participating: false, monthly, totalFen: monthly.reduce((s, x) => s + x, 0) };
      rows.set(h.id, row);
    }
    if (active && benefitType && !row.benefitTypes.includes(benefitType)) row.benefitTypes.push(benefitType);
    row.participating ||= active;
  }
  return { months, rows: [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)) };
}

export interface StatementLine {
  /** The Beijing day the money moved: the payment's, or the refund's. */
  day: string;
  orderNumber: string;
  productZh: string;
  productEn: string;
  /** A refund's reversing entries (negative amounts, no units). */
  refund: boolean;
  /** A refund of a sale paid in an earlier month: the statement's adjustment lines (lib/domain/settlement.ts). */
  adjustment: boolean;
  units: number;
  /** The line's items revenue: the cooperative's share plus the households'. */
  revenueFen: number;
  cooperativeFen: number;
  householdFen: number;
}

export interface SettlementStatement {
  cooperative: { id: string; slug: string; nameZh: string; nameEn: string };
  month: string;
  lines: StatementLine[];
  /** Personal data (names): managers only, audited by the caller. */
  households: { code: string; headName: string | null; amountFen: number }[];
  cooperativeFen: number;
  householdFen: number;
  /** What the platform owes the cooperative for the month: every ledger entry of the cooperative in the month. */
  totalFen: number;
  /** The Settlement row for the month, if one has been drawn up. */
  status: "OPEN" | "CONFIRMED" | "DISPUTED" | "PAID" | null;
}

/**
 * One cooperative's ledger for one month, one line per order item and event (its payment, each refund).
 * Shipping fees are not in the ledger (it holds items revenue only), so they are not on the statement: the
 * platform settles them with the cooperative separately. Null when the cooperative is not one of the caller's
 * (or does not exist).
 */
export async function settlementStatement(db: Db, { cooperativeIds, cooperativeId, month }: OneCoopScope & { month: StatementMonth }): Promise<SettlementStatement | null> {
  if (!inScope({ cooperativeIds }, cooperativeId)) return null;
  const cooperative = await db.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, slug: true, nameZh: true, nameEn: true } });
  if (!cooperative) return null;
  const [lines, households, settlement] = await Promise.all([
    db.$queryRaw<{ day: string; orderNumber: string; productZh: string; productEn: string; refund: boolean; adjustment: boolean; units: bigint; revenueFen: bigint; cooperativeFen: bigint; householdFen: bigint }[]>`
      SELECT to_char(l."day", 'YYYY-MM-DD') AS "day", o."number" AS "orderNumber", i."nameZh" AS "productZh", i."nameEn" AS "productEn",
             l."refundId" IS NOT NULL AS "refund",
             (l."refundId" IS NOT NULL AND COALESCE((SELECT MIN(p."day") FROM "LedgerEntry" p WHERE p."orderItemId" = i."id" AND p."refundId" IS NULL) < ${month.from}::date, true)) AS "adjustment",
             SUM(l."units") AS "units", SUM(l."amountFen") AS "revenueFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'COOPERATIVE_REVENUE'), 0) AS "cooperativeFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0) AS "householdFen"
      FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId" JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."cooperativeId" = ${cooperativeId} AND l."day" BETWEEN ${month.from}::date AND ${month.to}::date
      GROUP BY l."day", o."number", i."id", i."nameZh", i."nameEn", l."refundId"
      ORDER BY l."day", o."number", i."nameZh", i."id", l."refundId" NULLS FIRST`,
    db.$queryRaw<{ code: string; headName: string | null; amountFen: bigint }[]>`
      SELECT h."code", h."headName", SUM(l."amountFen") AS "amountFen"
      FROM "LedgerEntry" l JOIN "Household" h ON h."id" = l."householdId"
      WHERE l."cooperativeId" = ${cooperativeId} AND l."kind" = 'HOUSEHOLD_BENEFIT' AND l."day" BETWEEN ${month.from}::date AND ${month.to}::date
      GROUP BY h."id", h."code", h."headName" ORDER BY h."code"`,
    db.settlement.findUnique({ where: { cooperativeId_periodStart: { cooperativeId, periodStart: new Date(`${month.from}T00:00:00.000Z`) } }, select: { status: true } }),
  ]);
  const statementLines = lines.map((l) => ({
    day: l.day,
    orderNumber: l.orderNumber,
    productZh: l.productZh,
    productEn: l.productEn,
    refund: l.refund,
    adjustment: l.adjustment,
    units: num(l.units),
    revenueFen: num(l.revenueFen),
    cooperativeFen: num(l.cooperativeFen),
    householdFen: num(l.householdFen),
  }));
  const cooperativeFen = statementLines.reduce((s, l) => s + l.cooperativeFen, 0);
  const householdFen = statementLines.reduce((s, l) => s + l.householdFen, 0);
  return {
    cooperative,
    month: month.month,
    lines: statementLines,
    households: households.map((h) => ({ code: h.code, headName: h.headName, amountFen: num(h.amountFen) })),
    cooperativeFen,
    householdFen,
    totalFen: cooperativeFen + householdFen,
    status: settlement?.status ?? null,
  };
}
