import "server-only";
// Where a report over a range of days reads its rows: the whole months inside the range from the monthly rollups,
// only the days left over at its ends from the daily ones (lib/domain/period.ts splitByMonths). A year is then
// twelve rows per key instead of 365, and any custom range stays exact to the day. Each function returns a
// parenthesised subquery for `FROM … AS alias`; every value in it is a bound parameter or a fixed column name.
import type { Dimension, HouseholdDimension } from "@/lib/domain/ledger";
import { startOfBeijingDay } from "@/lib/domain/calendar";
import { addDays, splitByMonths, type DayRange } from "@/lib/domain/period";
import { Prisma } from "@/lib/generated/prisma/client";

/** Sales rollup rows of one dimension (and key): `key`, `day` (a monthly row's is its month's first day), `orders`, `units`, `revenueFen`, `householdBenefitFen`. */
export function salesRows(dimension: Dimension, r: DayRange, key?: string): Prisma.Sql {
  const { months, days } = splitByMonths(r);
  const keyIs = key === undefined ? Prisma.empty : Prisma.sql`AND "key" = ${key}`;
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT "key", "month" AS "day", "orders", "units", "revenueFen", "householdBenefitFen" FROM "SalesMonthlyRollup"
      WHERE "dimension" = ${dimension}::"RollupDimension" ${keyIs} AND "month" BETWEEN ${months.from}::date AND ${months.to}::date`);
  }
  // One part per ragged end (an OR of two ranges would keep the planner from using the day index).
  for (const d of days) {
    parts.push(Prisma.sql`SELECT "key", "day", "orders", "units", "revenueFen", "householdBenefitFen" FROM "SalesDailyRollup"
      WHERE "dimension" = ${dimension}::"RollupDimension" ${keyIs} AND "day" BETWEEN ${d.from}::date AND ${d.to}::date`);
  }
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")})`;
}

// The daily household rollup keeps every dimension in its own column.
const DAILY_KEY: Record<HouseholdDimension, string> = { VILLAGE: `"villageId"`, COOPERATIVE: `"cooperativeId"`, CATEGORY: `"categoryId"`, TOTAL: `''` };

/**
 * Household income rows along one dimension (and key): `key`, `householdId`, `day` (a monthly row's is its month's
 * first day), `amountFen`. A household may have several rows per day or month: sum them.
 */
export function householdRows(dimension: HouseholdDimension, r: DayRange, key?: string): Prisma.Sql {
  const { months, days } = splitByMonths(r);
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT "key", "householdId", "month" AS "day", "amountFen" FROM "HouseholdMonthlyIncome"
      WHERE "dimension" = ${dimension}::"RollupDimension" ${key === undefined ? Prisma.empty : Prisma.sql`AND "key" = ${key}`}
        AND "month" BETWEEN ${months.from}::date AND ${months.to}::date`);
  }
  const column = Prisma.raw(DAILY_KEY[dimension]);
  for (const d of days) {
    parts.push(Prisma.sql`SELECT ${column} AS "key", "householdId", "day", "amountFen" FROM "HouseholdDailyIncome"
      WHERE "day" BETWEEN ${d.from}::date AND ${d.to}::date ${key === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${key}`}`);
  }
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")})`;
}

/**
 * The buyers of the orders paid in the range whose payment reached the ledger (one row per buyer and month or
 * order; count DISTINCT "buyerId"), for the county or, with a cooperative, those who bought from it.
 */
export function buyerRows(r: DayRange, cooperativeId: string | null): Prisma.Sql {
  const { months, days } = splitByMonths(r);
  const parts: Prisma.Sql[] = [];
  if (months) {
    parts.push(Prisma.sql`SELECT "buyerId" FROM "BuyerMonthlyOrders" WHERE "key" = ${cooperativeId ?? ""} AND "month" BETWEEN ${months.from}::date AND ${months.to}::date`);
  }
  for (const d of days) {
    // A payment's ledger day is the Beijing day of the order's paidAt (lib/server/orders/lifecycle.ts).
    parts.push(Prisma.sql`SELECT o."buyerId" FROM "Order" o
      WHERE o."paidAt" >= ${startOfBeijingDay(d.from)} AND o."paidAt" < ${startOfBeijingDay(addDays(d.to, 1))}
        AND EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."orderId" = o."id" ${cooperativeId ? Prisma.sql`AND l."cooperativeId" = ${cooperativeId}` : Prisma.empty})`);
  }
  return Prisma.sql`(${Prisma.join(parts, " UNION ALL ")})`;
}
