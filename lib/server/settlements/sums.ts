import "server-only";
// The one query behind every settlement figure: a month's ledger entries per cooperative, split into sales,
// refunds of the month's own sales and adjustments (refunds in the month of earlier months' sales), as
// lib/domain/settlement.ts defines them. Generating statements, the statement page and `ledger:check` all read it,
// so a statement and its check cannot disagree about what a month holds.
// Entries are grouped by their own day (the Beijing day the money moved), so a refund dated after a month can only
// ever land in a later month's statement.
import type { Db } from "@/lib/db/client";
import type { StatementMonth } from "@/lib/domain/reports";
import { amountOf, type StatementSums } from "@/lib/domain/settlement";
import { Prisma } from "@/lib/generated/prisma/client";

export interface CooperativeMonthSums extends StatementSums {
  cooperativeId: string;
}

const num = (v: bigint | number | null) => Number(v ?? 0);

/** Sums per cooperative with any ledger entry in the month (or only `cooperativeId`'s). */
export async function monthSums(db: Db | Prisma.TransactionClient, month: StatementMonth, cooperativeId?: string): Promise<CooperativeMonthSums[]> {
  const only = cooperativeId ? Prisma.sql`AND l."cooperativeId" = ${cooperativeId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ cooperativeId: string; salesFen: bigint; refundsFen: bigint; adjustmentsFen: bigint }[]>`
    SELECT l."cooperativeId",
      COALESCE(SUM(l."amountFen") FILTER (WHERE l."refundId" IS NULL), 0)::bigint AS "salesFen",
      COALESCE(-SUM(l."amountFen") FILTER (WHERE l."refundId" IS NOT NULL AND sale."day" >= ${month.from}::date), 0)::bigint AS "refundsFen",
      COALESCE(SUM(l."amountFen") FILTER (WHERE l."refundId" IS NOT NULL AND (sale."day" IS NULL OR sale."day" < ${month.from}::date)), 0)::bigint AS "adjustmentsFen"
    FROM "LedgerEntry" l
    LEFT JOIN LATERAL (
      SELECT MIN(p."day") AS "day" FROM "LedgerEntry" p
      WHERE l."refundId" IS NOT NULL AND p."orderItemId" = l."orderItemId" AND p."refundId" IS NULL
    ) sale ON true
    WHERE l."day" BETWEEN ${month.from}::date AND ${month.to}::date ${only}
    GROUP BY l."cooperativeId"
    ORDER BY l."cooperativeId"`;
  return rows.map((r) => {
    const sums = { salesFen: num(r.salesFen), refundsFen: num(r.refundsFen), adjustmentsFen: num(r.adjustmentsFen) };
    return { cooperativeId: r.cooperativeId, ...sums, amountFen: amountOf(sums) };
  });
}

/** One cooperative's sums for the month (zeros when it has no entry). */
export async function cooperativeMonthSums(db: Db, month: StatementMonth, cooperativeId: string): Promise<StatementSums> {
  const [row] = await monthSums(db, month, cooperativeId);
  return row ?? { salesFen: 0, refundsFen: 0, adjustmentsFen: 0, amountFen: 0 };
}
