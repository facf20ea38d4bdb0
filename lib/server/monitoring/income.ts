import "server-only";
// Household income per Beijing month, read from the HouseholdDailyIncome rollup (never the ledger): one grouped
// query for every household asked about, however many months.
import type { Db } from "@/lib/db/client";
import { lastDayOfMonth } from "@/lib/domain/monitoring";
import type { Prisma } from "@/lib/generated/prisma/client";

export type MonthlyIncome = Map<string, Record<string, number>>;

/**
 * Net income per household per month from `first` through `last` (YYYY-MM), all cooperatives together.
 * `householdIds` null: every household with income in those months.
 */
export async function monthlyIncome(db: Db | Prisma.TransactionClient, { first, last, householdIds }: { first: string; last: string; householdIds: readonly string[] | null }): Promise<MonthlyIncome> {
  const from = `${first}-01`;
  const to = lastDayOfMonth(last);
  if (householdIds && householdIds.length === 0) return new Map();
  const rows = householdIds
    ? await db.$queryRaw<{ householdId: string; month: string; fen: bigint }[]>`
        SELECT "householdId", to_char("day", 'YYYY-MM') AS "month", SUM("amountFen")::bigint AS "fen"
        FROM "HouseholdDailyIncome"
        WHERE "day" BETWEEN ${from}::date AND ${to}::date AND "householdId" = ANY(${[...householdIds]}::text[])
        GROUP BY 1, 2`
    : await db.$queryRaw<{ householdId: string; month: string; fen: bigint }[]>`
        SELECT "householdId", to_char("day", 'YYYY-MM') AS "month", SUM("amountFen")::bigint AS "fen"
        FROM "HouseholdDailyIncome"
        WHERE "day" BETWEEN ${from}::date AND ${to}::date
        GROUP BY 1, 2`;
  const out: MonthlyIncome = new Map();
  for (const r of rows) {
    const months = out.get(r.householdId) ?? {};
    months[r.month] = Number(r.fen);
    out.set(r.householdId, months);
  }
  return out;
}
