import "server-only";
// Reports read the daily rollups, never the whole ledger: sales along one dimension for a date range, each
// household's monthly income from one cooperative, and one cooperative's monthly settlement statement (which
// reads that cooperative's ledger rows for that month only, through the (cooperativeId, day) index).
import type { Db } from "@/lib/db/client";
import type { ReportBy, ReportRange } from "@/lib/domain/reports";
import { Prisma } from "@/lib/generated/prisma/client";

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

export interface SalesRow {
  key: string;
  labelZh: string;
  labelEn: string;
  orders: number;
  units: number;
  revenueFen: number;
  householdBenefitFen: number;
  householdsReached: number;
}

export interface SalesReport {
  rows: SalesRow[];
  total: SalesRow;
}

const DIMENSION = { village: "VILLAGE", cooperative: "COOPERATIVE", category: "CATEGORY", month: "TOTAL" } as const;
// Fixed column expressions (never user input) for grouping household income the same way.
const HOUSEHOLD_GROUP = {
  village: Prisma.raw(`"villageId"`),
  cooperative: Prisma.raw(`"cooperativeId"`),
  category: Prisma.raw(`"categoryId"`),
  month: Prisma.raw(`to_char("day", 'YYYY-MM')`),
} as const;

type Sums = { key: string; orders: bigint; units: bigint; revenueFen: bigint; householdBenefitFen: bigint };

async function labels(db: Db, by: ReportBy, keys: string[]): Promise<Map<string, { zh: string; en: string }>> {
  if (by === "month") return new Map(keys.map((k) => [k, { zh: k, en: k }]));
  const where = { where: { id: { in: keys } }, select: { id: true, nameZh: true, nameEn: true } };
  const rows = by === "village" ? await db.village.findMany(where) : by === "cooperative" ? await db.cooperative.findMany(where) : await db.category.findMany(where);
  return new Map(rows.map((r) => [r.id, { zh: r.nameZh, en: r.nameEn }]));
}

export async function salesReport(db: Db, by: ReportBy, range: ReportRange): Promise<SalesReport> {
  const keyExpr = by === "month" ? Prisma.raw(`to_char("day", 'YYYY-MM')`) : Prisma.raw(`"key"`);
  const [sums, reached, totals, reachedTotal] = await Promise.all([
    db.$queryRaw<Sums[]>`
      SELECT ${keyExpr} AS "key", SUM("orders") AS "orders", SUM("units") AS "units", SUM("revenueFen") AS "revenueFen", SUM("householdBenefitFen") AS "householdBenefitFen"
      FROM "SalesDailyRollup"
      WHERE "dimension" = ${DIMENSION[by]}::"RollupDimension" AND "day" BETWEEN ${range.from}::date AND ${range.to}::date
      GROUP BY 1`,
    db.$queryRaw<{ key: string; households: bigint }[]>`
      SELECT "key", COUNT(*) AS "households" FROM (
        SELECT ${HOUSEHOLD_GROUP[by]} AS "key", "householdId" FROM "HouseholdDailyIncome"
        WHERE "day" BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY 1, "householdId" HAVING SUM("amountFen") > 0
      ) reached GROUP BY "key"`,
    db.$queryRaw<Omit<Sums, "key">[]>`
      SELECT COALESCE(SUM("orders"), 0) AS "orders", COALESCE(SUM("units"), 0) AS "units", COALESCE(SUM("revenueFen"), 0) AS "revenueFen", COALESCE(SUM("householdBenefitFen"), 0) AS "householdBenefitFen"
      FROM "SalesDailyRollup"
      WHERE "dimension" = 'TOTAL' AND "day" BETWEEN ${range.from}::date AND ${range.to}::date`,
    db.$queryRaw<{ households: bigint }[]>`
      SELECT COUNT(*) AS "households" FROM (
        SELECT "householdId" FROM "HouseholdDailyIncome" WHERE "day" BETWEEN ${range.from}::date AND ${range.to}::date
        GROUP BY "householdId" HAVING SUM("amountFen") > 0
      ) reached`,
  ]);
  const reachedBy = new Map(reached.map((r) => [r.key, num(r.households)]));
  const names = await labels(db, by, sums.map((s) => s.key));
  const rows = sums
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
    .sort((a, b) => (by === "month" ? (a.key < b.key ? -1 : 1) : b.revenueFen - a.revenueFen || a.labelZh.localeCompare(b.labelZh, "zh-CN")));
  const t = totals[0];
  return {
    rows,
    total: {
      key: "",
      labelZh: "合计",
      labelEn: "Total",
      orders: num(t?.orders),
      units: num(t?.units),
      revenueFen: num(t?.revenueFen),
      householdBenefitFen: num(t?.householdBenefitFen),
      householdsReached: num(reachedTotal[0]?.households),
    },
  };
}

export interface HouseholdIncomeRow {
  householdId: string;
  code: string;
  /** Personal data: managers and admins only, and each read is audited by the caller. */
  headName: string | null;
  village: { nameZh: string; nameEn: string };
  benefitTypes: ("LAND_RENT" | "WAGES" | "DIVIDEND")[];
  /** Net fen per month, in the order of `months`. */
  monthly: number[];
  totalFen: number;
}

/** Each household of the cooperative (also those with no income yet) with its net income per month. */
export async function householdIncomeByMonth(db: Db, cooperativeId: string, months: readonly string[]): Promise<HouseholdIncomeRow[]> {
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return [];
  const [participations, income] = await Promise.all([
    db.householdParticipation.findMany({
      where: { cooperativeId },
      orderBy: { household: { code: "asc" } },
      select: { benefitType: true, household: { select: { id: true, code: true, headName: true, village: { select: { nameZh: true, nameEn: true } } } } },
    }),
    db.$queryRaw<{ householdId: string; month: string; amountFen: bigint }[]>`
      SELECT "householdId", to_char("day", 'YYYY-MM') AS "month", SUM("amountFen") AS "amountFen"
      FROM "HouseholdDailyIncome"
      WHERE "cooperativeId" = ${cooperativeId} AND "day" >= ${`${first}-01`}::date AND "day" < (${`${last}-01`}::date + interval '1 month')
      GROUP BY 1, 2`,
  ]);
  const amounts = new Map(income.map((r) => [`${r.householdId}:${r.month}`, num(r.amountFen)]));
  const rows = new Map<string, HouseholdIncomeRow>();
  for (const p of participations) {
    const h = p.household;
    const row = rows.get(h.id) ?? {
      householdId: h.id,
      code: h.code,
      headName: h.headName,
      village: h.village,
      benefitTypes: [],
      monthly: months.map((m) => amounts.get(`${h.id}:${m}`) ?? 0),
      totalFen: 0,
    };
    row.benefitTypes.push(p.benefitType);
    row.totalFen = row.monthly.reduce((s, x) => s + x, 0);
    rows.set(h.id, row);
  }
  return [...rows.values()];
}

export interface StatementLine {
  orderNumber: string;
  productZh: string;
  productEn: string;
  refund: boolean;
  units: number;
  revenueFen: number;
  cooperativeFen: number;
  householdFen: number;
}

export interface SettlementStatement {
  cooperative: { id: string; nameZh: string; nameEn: string };
  month: string;
  lines: StatementLine[];
  households: { code: string; headName: string | null; amountFen: number }[];
  cooperativeFen: number;
  householdFen: number;
  /** What the platform owes the cooperative for the month: its share, plus the households' to pass on. */
  totalFen: number;
  status: "OPEN" | "CONFIRMED" | "PAID" | null;
}

/** One cooperative's ledger for one month. Shipping fees are not in the ledger and are settled separately. */
export async function settlementStatement(db: Db, cooperativeId: string, month: { month: string; from: string; to: string }): Promise<SettlementStatement | null> {
  const cooperative = await db.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, nameZh: true, nameEn: true } });
  if (!cooperative) return null;
  const [lines, households, settlement] = await Promise.all([
    db.$queryRaw<{ orderNumber: string; productZh: string; productEn: string; refund: boolean; units: bigint; revenueFen: bigint; cooperativeFen: bigint; householdFen: bigint; placedAt: Date }[]>`
      SELECT o."number" AS "orderNumber", i."nameZh" AS "productZh", i."nameEn" AS "productEn",
             l."idempotencyKey" LIKE 'refund:%' AS "refund",
             SUM(l."units") AS "units", SUM(l."amountFen") AS "revenueFen",
             SUM(l."amountFen") FILTER (WHERE l."kind" = 'COOPERATIVE_REVENUE') AS "cooperativeFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0) AS "householdFen",
             MIN(o."placedAt") AS "placedAt"
      FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId" JOIN "Order" o ON o."id" = l."orderId"
      WHERE l."cooperativeId" = ${cooperativeId} AND l."day" BETWEEN ${month.from}::date AND ${month.to}::date
      GROUP BY o."number", i."id", i."nameZh", i."nameEn", 4
      ORDER BY MIN(o."placedAt"), o."number", i."nameZh", 4`,
    db.$queryRaw<{ code: string; headName: string | null; amountFen: bigint }[]>`
      SELECT h."code", h."headName", SUM(l."amountFen") AS "amountFen"
      FROM "LedgerEntry" l JOIN "Household" h ON h."id" = l."householdId"
      WHERE l."cooperativeId" = ${cooperativeId} AND l."kind" = 'HOUSEHOLD_BENEFIT' AND l."day" BETWEEN ${month.from}::date AND ${month.to}::date
      GROUP BY h."code", h."headName" ORDER BY h."code"`,
    db.settlement.findUnique({ where: { cooperativeId_periodStart: { cooperativeId, periodStart: new Date(`${month.from}T00:00:00.000Z`) } }, select: { status: true } }),
  ]);
  const statementLines = lines.map((l) => ({
    orderNumber: l.orderNumber,
    productZh: l.productZh,
    productEn: l.productEn,
    refund: l.refund,
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
