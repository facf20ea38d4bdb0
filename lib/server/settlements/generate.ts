import "server-only";
// Drawing up a month's statements: one per cooperative with any ledger entry in the month (a cooperative that sold
// nothing and was refunded nothing is owed nothing, so it gets no statement; an empty one would only add rows to
// confirm). Idempotent by the unique (cooperativeId, periodStart): a second run creates nothing new, recomputes
// OPEN and DISPUTED statements from the ledger (a DISPUTED one goes back to OPEN, its dispute note kept as history),
// and never touches a CONFIRMED or PAID one. Two runs at once are safe: the insert skips existing rows and the
// recompute is one conditional UPDATE. By mail, in the same transaction: the statements this run created ask their
// managers to confirm or dispute them (the insert reports only its own rows, so a rerun or a concurrent run mails
// nobody again), and a disputed statement put back to OPEN tells its managers to look again; a recompute of an
// OPEN statement mails nobody.
import type { Db } from "@/lib/db/client";
import type { StatementMonth } from "@/lib/domain/reports";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { notifySettlement } from "@/lib/server/mail/settlement";
import { monthSums } from "./sums";

export interface GenerateResult {
  month: string;
  /** Statements for the month now (cooperatives with entries). */
  cooperatives: number;
  created: number;
  /** OPEN or DISPUTED statements that existed and were recomputed. */
  recomputed: number;
  /** CONFIRMED or PAID statements left as they were. */
  locked: number;
}

const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`);

export async function generateSettlements(db: Db, month: StatementMonth, actorId: string | null): Promise<GenerateResult> {
  const sums = await monthSums(db, month);
  const periodStart = dateOf(month.from);
  return db.$transaction(async (tx) => {
    if (sums.length === 0) {
      await audit(tx, { action: "settlement.generated", actorId, entityType: "Settlement", metadata: { month: month.month, created: 0, recomputed: 0, locked: 0 } });
      return { month: month.month, cooperatives: 0, created: 0, recomputed: 0, locked: 0 };
    }
    const inserted = await tx.settlement.createManyAndReturn({
      data: sums.map((s) => ({
        cooperativeId: s.cooperativeId,
        periodStart,
        periodEnd: dateOf(month.to),
        amountFen: s.amountFen,
        salesFen: s.salesFen,
        refundsFen: s.refundsFen,
        adjustmentsFen: s.adjustmentsFen,
      })),
      skipDuplicates: true,
      select: { id: true },
    });
    const created = inserted.length;
    const values = Prisma.join(sums.map((s) => Prisma.sql`(${s.cooperativeId}, ${s.amountFen}::int, ${s.salesFen}::int, ${s.refundsFen}::int, ${s.adjustmentsFen}::int)`));
    // The disputed statements this recompute answers (DISPUTED → OPEN), read under the row locks the UPDATE takes
    // anyway: a dispute committed meanwhile is either seen here (and its managers told) or waits for this run.
    const open = await tx.$queryRaw<{ id: string; status: string }[]>`
      SELECT "id", "status"::text AS "status" FROM "Settlement"
      WHERE "periodStart" = ${month.from}::date AND "status" IN ('OPEN', 'DISPUTED') AND "cooperativeId" IN (${Prisma.join(sums.map((s) => s.cooperativeId))})
      ORDER BY "id" FOR UPDATE`;
    // Rows just created are OPEN and match already: updating them again is harmless and keeps this one statement.
    const updated = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Settlement" s SET "amountFen" = v."amountFen", "salesFen" = v."salesFen", "refundsFen" = v."refundsFen",
        "adjustmentsFen" = v."adjustmentsFen", "status" = 'OPEN'
      FROM (VALUES ${values}) AS v("cooperativeId", "amountFen", "salesFen", "refundsFen", "adjustmentsFen")
      WHERE s."cooperativeId" = v."cooperativeId" AND s."periodStart" = ${month.from}::date AND s."status" IN ('OPEN', 'DISPUTED')
      RETURNING s."id"`;
    const recomputed = updated.length - created;
    const locked = sums.length - updated.length;
    await audit(tx, { action: "settlement.generated", actorId, entityType: "Settlement", metadata: { month: month.month, created, recomputed, locked } });
    await notifySettlement(tx, { type: "statementGenerated", settlementIds: inserted.map((s) => s.id) });
    for (const { id } of open.filter((s) => s.status === "DISPUTED")) await notifySettlement(tx, { type: "statementReopened", settlementId: id });
    return { month: month.month, cooperatives: sums.length, created, recomputed, locked };
  });
}
