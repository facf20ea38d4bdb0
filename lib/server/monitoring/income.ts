import "server-only";
// Household income per Beijing month, read from the monthly rollup (HouseholdMonthlyIncome, all cooperatives
// together: its TOTAL rows, one per household and month; never the ledger): one query for every household asked
// about, however many months.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type MonthlyIncome = Map<string, Record<string, number>>;

/**
 * Net income per household per month from `first` through `last` (YYYY-MM), all cooperatives together.
 * `householdIds` null: every household with income in those months.
 */
export async function monthlyIncome(db: Db | Prisma.TransactionClient, { first, last, householdIds }: { first: string; last: string; householdIds: readonly string[] | null }): Promise<MonthlyIncome> {
  const from = `${first}-01`;
  const to = `${last}-01`;
  if (householdIds && householdIds.length === 0) return new Map();
  const rows = householdIds
    ? await db.$queryRaw<{ householdId: string; month: string; fen: bigint }[]>`
        SELECT "householdId", to_char("month", 'YYYY-MM') AS "month", "amountFen"::bigint AS "fen"
        FROM "HouseholdMonthlyIncome"
        WHERE "dimension" = 'TOTAL' AND "key" = '' AND "householdId" = ANY(${[...householdIds]}::text[]) AND "month" BETWEEN ${from}::date AND ${to}::date`
    : await db.$queryRaw<{ householdId: string; month: string; fen: bigint }[]>`
        SELECT "householdId", to_char("month", 'YYYY-MM') AS "month", "amountFen"::bigint AS "fen"
        FROM "HouseholdMonthlyIncome"
        WHERE "dimension" = 'TOTAL' AND "key" = '' AND "month" BETWEEN ${from}::date AND ${to}::date`;
  const out: MonthlyIncome = new Map();
  for (const r of rows) {
    const months = out.get(r.householdId) ?? {};
    months[r.month] = Number(r.fen);
    out.set(r.householdId, months);
  }
  return out;
}
