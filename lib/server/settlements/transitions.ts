import "server-only";
// Moving one statement through its states (lib/domain/settlement.ts nextSettlement): the row is locked, the move
// decided from its current state, and written only if the state is still the one decided from (a conditional
// update), with its audit row, in one transaction. A refused move writes nothing and answers 409 (wrong state) or
// 422 (a legal move with bad arguments). Managers reach only their cooperatives' statements (the scope); another
// cooperative's, or an id that does not exist, is 404. A dispute mails the admins, and a reopened dispute or a payment
// the managers, in the same transaction (lib/server/mail/settlement.ts); a confirmation or a refused move mails nobody.
import type { Db } from "@/lib/db/client";
import type { AuditAction } from "@/lib/server/audit";
import { audit } from "@/lib/server/audit";
import { beijingDayOf } from "@/lib/domain/calendar";
import { nextSettlement, type RefusalReason, type SettlementEvent, type SettlementStatus } from "@/lib/domain/settlement";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifySettlement } from "@/lib/server/mail/settlement";
import { inScope, type CoopScope } from "@/lib/server/queries/coop-scope";

export type TransitionOutcome =
  | { ok: true; id: string; status: SettlementStatus; cooperativeId: string; month: string }
  | { ok: false; status: 404 }
  | { ok: false; status: 409 | 422; reason: RefusalReason };

type Who = { actorId: string; scope: CoopScope | "admin" };

type Request =
  | { kind: "confirm" }
  | { kind: "dispute"; note: string }
  | { kind: "reopen" }
  | { kind: "pay"; paidOn: string; reference: string };

const ACTION: Record<Request["kind"], AuditAction> = {
  confirm: "settlement.confirmed",
  dispute: "settlement.disputed",
  reopen: "settlement.reopened",
  pay: "settlement.paid",
};

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function moveSettlement(db: Db, id: string, request: Request, who: Who, now = new Date()): Promise<TransitionOutcome> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Settlement" WHERE "id" = ${id} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, status: 404 } as const;
    const s = await tx.settlement.findUniqueOrThrow({ where: { id }, select: { id: true, cooperativeId: true, status: true, periodStart: true, periodEnd: true, amountFen: true } });
    if (who.scope !== "admin" && !inScope(who.scope, s.cooperativeId)) return { ok: false, status: 404 } as const;
    const event: SettlementEvent =
      request.kind === "pay"
        ? { kind: "pay", paidOn: request.paidOn, reference: request.reference, today: beijingDayOf(now), periodEnd: day(s.periodEnd), amountFen: s.amountFen }
        : request;
    const move = nextSettlement(s.status, event);
    if (!move.ok) return move;
    const data: Prisma.SettlementUpdateManyMutationInput =
      request.kind === "confirm"
        ? { status: move.to, confirmedAt: now, confirmedById: who.actorId }
        : request.kind === "dispute"
          ? { status: move.to, disputedAt: now, disputeNote: request.note.trim() }
          : request.kind === "pay"
            ? { status: move.to, paidOn: new Date(`${request.paidOn}T00:00:00.000Z`), paidAt: now, paidById: who.actorId, reference: request.reference.trim() }
            : { status: move.to };
    // Conditional on the state decided from: with the row lock this cannot miss, but a PAID row is never written.
    const { count } = await tx.settlement.updateMany({ where: { id, status: s.status }, data });
    if (count !== 1) return { ok: false, status: 409, reason: "paidIsFinal" } as const;
    await audit(tx, {
      action: ACTION[request.kind],
      actorId: who.actorId,
      entityType: "Settlement",
      entityId: id,
      metadata: { from: s.status, to: move.to, amountFen: s.amountFen, ...(request.kind === "pay" ? { paidOn: request.paidOn, reference: request.reference.trim() } : {}), ...(request.kind === "dispute" ? { note: request.note.trim() } : {}) },
    });
    if (request.kind === "dispute") await notifySettlement(tx, { type: "statementDisputed", settlementId: id });
    if (request.kind === "reopen") await notifySettlement(tx, { type: "statementReopened", settlementId: id });
    if (request.kind === "pay") await notifySettlement(tx, { type: "statementPaid", settlementId: id });
    return { ok: true, id, status: move.to, cooperativeId: s.cooperativeId, month: day(s.periodStart).slice(0, 7) } as const;
  });
}
