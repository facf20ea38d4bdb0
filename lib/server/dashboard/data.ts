import "server-only";
// The dashboard's figures and chart data for a period, for the county (admins) or one cooperative (its
// managers). Everything comes from the rollups, whole months from the monthly rows and the period's ragged ends
// from the daily ones (../rollups/source.ts): the county's tables are the report's own (salesReport), so the
// dashboard and /admin/reports cannot disagree. Two reads touch other rows, each bounded: buyers on the days
// outside whole months (orders paid on those days), and a cooperative's sales by village and category (its own
// ledger lines through the (cooperativeId, day) index, as the settlement statement does).
import type { Db } from "@/lib/db/client";
import { monthsOf, type DayRange } from "@/lib/domain/period";
import { Prisma } from "@/lib/generated/prisma/client";
import { inScope, type OneCoopScope } from "@/lib/server/queries/coop-scope";
import { labels, salesReportRows, type SalesRow } from "@/lib/server/queries/reports";
import { buyerRows, householdRows, salesRows } from "@/lib/server/rollups/source";

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** The county (admins; the caller authorizes), or one of the caller's cooperatives. */
export type DashboardScope = { kind: "county" } | ({ kind: "cooperative" } & OneCoopScope);

export interface Figures {
  /** Items revenue net of refunds, fen. */
  salesFen: number;
  orders: number;
  /** Distinct buyers of the orders paid in the period. */
  buyers: number;
  units: number;
  /** Household benefit paid (net of refunds), fen. */
  benefitFen: number;
  /** Distinct households whose net income in the period is above zero. */
  householdsReached: number;
  /** Distinct villages those households live in. */
  villagesReached: number;
  /** benefitFen / householdsReached, rounded down; 0 when none was reached. */
  averageBenefitFen: number;
}

export interface Labelled {
  key: string;
  labelZh: string;
  labelEn: string;
}

export type GroupRow = Labelled & { salesFen: number; orders: number; units: number; benefitFen: number; householdsReached: number };

/** The two meanings of "by village", side by side. */
export type VillageBenefitRow = Labelled & {
  /** Household benefit from the sales of the village's produce (the product's origin village). */
  produceBenefitFen: number;
  /** Benefit received by households living in the village, whatever produce it came from. */
  residentsBenefitFen: number;
  /** Households living in the village whose net income in the period is above zero. */
  residentHouseholds: number;
};

export type ProductRow = Labelled & { salesFen: number; units: number };

export interface Dashboard {
  period: DayRange;
  previous: DayRange;
  current: Figures;
  before: Figures;
  byMonth: { month: string; salesFen: number; benefitFen: number; orders: number }[];
  byVillage: GroupRow[];
  byCategory: GroupRow[];
  benefitByVillage: VillageBenefitRow[];
  topProducts: ProductRow[];
  /** The county only (empty for a cooperative). */
  topCooperatives: GroupRow[];
}

export const TOP = 10;

const toGroup = (r: SalesRow): GroupRow => ({
  key: r.key,
  labelZh: r.labelZh,
  labelEn: r.labelEn,
  salesFen: r.revenueFen,
  orders: r.orders,
  units: r.units,
  benefitFen: r.householdBenefitFen,
  householdsReached: r.householdsReached,
});

const coopOf = (scope: DashboardScope) => (scope.kind === "cooperative" ? scope.cooperativeId : null);
/** The scope's sales rollup rows: the county's TOTAL, or the cooperative's own. */
const scopeSales = (scope: DashboardScope, r: DayRange) => {
  const id = coopOf(scope);
  return id ? salesRows("COOPERATIVE", r, id) : salesRows("TOTAL", r, "");
};
/** The scope's household income rows: every household's, or what the cooperative paid each. */
const scopeHouseholds = (scope: DashboardScope, r: DayRange) => {
  const id = coopOf(scope);
  return id ? householdRows("COOPERATIVE", r, id) : householdRows("TOTAL", r, "");
};

async function buyers(db: Db, scope: DashboardScope, r: DayRange): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(DISTINCT "buyerId") AS "n" FROM ${buyerRows(r, coopOf(scope))} b`;
  return num(rows[0]?.n);
}

async function reach(db: Db, scope: DashboardScope, r: DayRange): Promise<{ households: number; villages: number }> {
  const rows = await db.$queryRaw<{ households: bigint; villages: bigint }[]>`
    SELECT COUNT(*) AS "households", COUNT(DISTINCT h."villageId") AS "villages" FROM (
      SELECT "householdId" FROM ${scopeHouseholds(scope, r)} i
      GROUP BY "householdId" HAVING SUM("amountFen") > 0
    ) reached JOIN "Household" h ON h."id" = reached."householdId"`;
  return { households: num(rows[0]?.households), villages: num(rows[0]?.villages) };
}

type RollupSums = { orders: number; units: number; salesFen: number; benefitFen: number };

async function totals(db: Db, scope: DashboardScope, r: DayRange): Promise<RollupSums> {
  const rows = await db.$queryRaw<{ orders: bigint; units: bigint; revenueFen: bigint; householdBenefitFen: bigint }[]>`
    SELECT COALESCE(SUM("orders"), 0) AS "orders", COALESCE(SUM("units"), 0) AS "units",
           COALESCE(SUM("revenueFen"), 0)::bigint AS "revenueFen", COALESCE(SUM("householdBenefitFen"), 0)::bigint AS "householdBenefitFen"
    FROM ${scopeSales(scope, r)} s`;
  const t = rows[0];
  return { orders: num(t?.orders), units: num(t?.units), salesFen: num(t?.revenueFen), benefitFen: num(t?.householdBenefitFen) };
}

/** The stat cards' figures for one range. */
export async function figures(db: Db, scope: DashboardScope, r: DayRange): Promise<Figures> {
  const [sums, buyerCount, reached] = await Promise.all([totals(db, scope, r), buyers(db, scope, r), reach(db, scope, r)]);
  return {
    ...sums,
    buyers: buyerCount,
    householdsReached: reached.households,
    villagesReached: reached.villages,
    averageBenefitFen: reached.households > 0 ? Math.floor(sums.benefitFen / reached.households) : 0,
  };
}

async function byMonth(db: Db, scope: DashboardScope, r: DayRange): Promise<Dashboard["byMonth"]> {
  const rows = await db.$queryRaw<{ month: string; orders: bigint; revenueFen: bigint; householdBenefitFen: bigint }[]>`
    SELECT to_char("day", 'YYYY-MM') AS "month", SUM("orders") AS "orders", SUM("revenueFen")::bigint AS "revenueFen", SUM("householdBenefitFen")::bigint AS "householdBenefitFen"
    FROM ${scopeSales(scope, r)} s
    GROUP BY 1`;
  const found = new Map(rows.map((x) => [x.month, x]));
  // Every month of the range, so a month with no sales shows as 0 rather than vanishing from the line.
  return monthsOf(r).map((month) => {
    const x = found.get(month);
    return { month, salesFen: num(x?.revenueFen), benefitFen: num(x?.householdBenefitFen), orders: num(x?.orders) };
  });
}

const GROUP_COLUMN = { village: Prisma.raw(`l."villageId"`), category: Prisma.raw(`l."categoryId"`) } as const;

/** One cooperative's sales by its lines' origin village or category: its ledger lines in the period only. */
async function coopGroups(db: Db, cooperativeId: string, by: "village" | "category", r: DayRange): Promise<GroupRow[]> {
  const col = GROUP_COLUMN[by];
  const [sums, reached] = await Promise.all([
    db.$queryRaw<{ key: string; orders: bigint; units: bigint; revenueFen: bigint; benefitFen: bigint }[]>`
      SELECT ${col} AS "key", COUNT(DISTINCT l."orderId") FILTER (WHERE l."refundId" IS NULL AND l."kind" = 'COOPERATIVE_REVENUE') AS "orders",
             SUM(l."units") AS "units", SUM(l."amountFen")::bigint AS "revenueFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0)::bigint AS "benefitFen"
      FROM "LedgerEntry" l
      WHERE l."cooperativeId" = ${cooperativeId} AND l."day" BETWEEN ${r.from}::date AND ${r.to}::date
      GROUP BY 1`,
    db.$queryRaw<{ key: string; households: bigint }[]>`
      SELECT "key", COUNT(*) AS "households" FROM (
        SELECT ${Prisma.raw(by === "village" ? `"villageId"` : `"categoryId"`)} AS "key", "householdId" FROM "HouseholdDailyIncome"
        WHERE "cooperativeId" = ${cooperativeId} AND "day" BETWEEN ${r.from}::date AND ${r.to}::date
        GROUP BY 1, "householdId" HAVING SUM("amountFen") > 0
      ) reached GROUP BY "key"`,
  ]);
  const names = await labels(db, by, sums.map((s) => s.key));
  const reachedBy = new Map(reached.map((x) => [x.key, num(x.households)]));
  return sums
    .map((s) => ({
      key: s.key,
      labelZh: names.get(s.key)?.zh ?? s.key,
      labelEn: names.get(s.key)?.en ?? s.key,
      salesFen: num(s.revenueFen),
      orders: num(s.orders),
      units: num(s.units),
      benefitFen: num(s.benefitFen),
      householdsReached: reachedBy.get(s.key) ?? 0,
    }))
    .sort((a, b) => b.salesFen - a.salesFen || a.labelZh.localeCompare(b.labelZh, "zh-CN"));
}

/** Benefit by village, both meanings: from the village's produce, and received by the households living there. */
async function benefitByVillage(db: Db, scope: DashboardScope, r: DayRange, produce: GroupRow[]): Promise<VillageBenefitRow[]> {
  // The rollups' village is the line's origin village (lib/domain/ledger.ts rollupDeltas), so where the household
  // lives comes from Household.villageId.
  const residents = await db.$queryRaw<{ key: string; benefitFen: bigint; households: bigint }[]>`
    SELECT h."villageId" AS "key", SUM(per."amountFen")::bigint AS "benefitFen", COUNT(*) FILTER (WHERE per."amountFen" > 0) AS "households"
    FROM (
      SELECT "householdId", SUM("amountFen") AS "amountFen" FROM ${scopeHouseholds(scope, r)} i
      GROUP BY "householdId"
    ) per JOIN "Household" h ON h."id" = per."householdId"
    GROUP BY h."villageId"`;
  const rows = new Map<string, VillageBenefitRow>();
  for (const p of produce) rows.set(p.key, { key: p.key, labelZh: p.labelZh, labelEn: p.labelEn, produceBenefitFen: p.benefitFen, residentsBenefitFen: 0, residentHouseholds: 0 });
  const missing = residents.map((x) => x.key).filter((k) => !rows.has(k));
  const names = await labels(db, "village", missing);
  for (const x of residents) {
    const row = rows.get(x.key) ?? { key: x.key, labelZh: names.get(x.key)?.zh ?? x.key, labelEn: names.get(x.key)?.en ?? x.key, produceBenefitFen: 0, residentsBenefitFen: 0, residentHouseholds: 0 };
    row.residentsBenefitFen = num(x.benefitFen);
    row.residentHouseholds = num(x.households);
    rows.set(x.key, row);
  }
  return [...rows.values()]
    .filter((x) => x.produceBenefitFen !== 0 || x.residentsBenefitFen !== 0)
    .sort((a, b) => Math.max(b.produceBenefitFen, b.residentsBenefitFen) - Math.max(a.produceBenefitFen, a.residentsBenefitFen) || a.labelZh.localeCompare(b.labelZh, "zh-CN"));
}

/** The period's best-selling products by net sales, from the PRODUCT rollup (a cooperative's: its own products). */
async function topProducts(db: Db, scope: DashboardScope, r: DayRange): Promise<ProductRow[]> {
  const id = coopOf(scope);
  const rows = await db.$queryRaw<{ key: string; labelZh: string; labelEn: string; revenueFen: bigint; units: bigint }[]>`
    SELECT p."id" AS "key", p."nameZh" AS "labelZh", p."nameEn" AS "labelEn", t."revenueFen", t."units"
    FROM (
      SELECT "key", SUM("revenueFen")::bigint AS "revenueFen", SUM("units") AS "units" FROM ${salesRows("PRODUCT", r)} s GROUP BY "key"
    ) t JOIN "Product" p ON p."id" = t."key"
    ${id ? Prisma.sql`WHERE p."cooperativeId" = ${id}` : Prisma.empty}
    ORDER BY t."revenueFen" DESC, p."nameZh" LIMIT ${TOP}`;
  return rows.map((x) => ({ key: x.key, labelZh: x.labelZh, labelEn: x.labelEn, salesFen: num(x.revenueFen), units: num(x.units) }));
}

/**
 * The dashboard for a period and the one it is compared with. Null for a cooperative that is not one of the
 * caller's.
 */
export async function dashboard(db: Db, scope: DashboardScope, period: DayRange, previous: DayRange): Promise<Dashboard | null> {
  if (scope.kind === "cooperative" && !inScope(scope, scope.cooperativeId)) return null;
  const range = { from: period.from, to: period.to };
  const [current, before, months, products] = await Promise.all([figures(db, scope, range), figures(db, scope, previous), byMonth(db, scope, range), topProducts(db, scope, range)]);
  let byVillage: GroupRow[];
  let byCategory: GroupRow[];
  let topCooperatives: GroupRow[] = [];
  if (scope.kind === "county") {
    // The report's rows (its totals are the stat cards, computed above).
    const [v, c, k] = await Promise.all([salesReportRows(db, { by: "village", ...range }), salesReportRows(db, { by: "category", ...range }), salesReportRows(db, { by: "cooperative", ...range })]);
    byVillage = v.map(toGroup);
    byCategory = c.map(toGroup);
    topCooperatives = k.slice(0, TOP).map(toGroup);
  } else {
    [byVillage, byCategory] = await Promise.all([coopGroups(db, scope.cooperativeId, "village", range), coopGroups(db, scope.cooperativeId, "category", range)]);
  }
  return {
    period: range,
    previous,
    current,
    before,
    byMonth: months,
    byVillage,
    byCategory,
    benefitByVillage: await benefitByVillage(db, scope, range, byVillage),
    topProducts: products,
    topCooperatives,
  };
}
