import "server-only";
// What admins and a cooperative's managers do with a flag: record a follow-up, keep or resolve it, move the
// household to 防返贫监测 (MONITORED). The flag is always read through the caller's scope: a manager reaches only
// flags of households taking part (active) in the cooperative named, anything else is not found and nothing is
// written. Each change and its audit row are one transaction, under a row lock on the flag.
import type { Db } from "@/lib/db/client";
import { canDecide, type FlagStatusName } from "@/lib/domain/monitoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { LINE_SETTING_KEY } from "./settings";

/** Whose flags: every household (admins), or those taking part in one cooperative (its managers). */
export type MonitoringScope = { kind: "all" } | { kind: "cooperative"; cooperativeId: string };

export const householdScopeWhere = (scope: MonitoringScope): Prisma.HouseholdWhereInput =>
  scope.kind === "all" ? {} : { participations: { some: { cooperativeId: scope.cooperativeId, active: true } } };

export type FlagOutcome = { kind: "ok" } | { kind: "notFound" } | { kind: "conflict"; reason: "resolved" | "decided" | "alreadyMonitored" };

/** Locks the flag (within scope) and returns it, or null. */
async function lockFlag(tx: Prisma.TransactionClient, scope: MonitoringScope, flagId: string) {
  const flag = await tx.monitoringFlag.findFirst({ where: { id: flagId, household: householdScopeWhere(scope) }, select: { id: true, householdId: true } });
  if (!flag) return null;
  const rows = await tx.$queryRaw<{ status: FlagStatusName }[]>`SELECT "status"::text AS "status" FROM "MonitoringFlag" WHERE "id" = ${flag.id} FOR UPDATE`;
  const status = rows[0]?.status;
  return status ? { ...flag, status } : null;
}

export async function recordFollowUp(
  db: Db,
  actorId: string,
  scope: MonitoringScope,
  input: { flagId: string; kind: "VISITED" | "ACTION" | "NOTE"; note: string },
): Promise<FlagOutcome> {
  return db.$transaction(async (tx) => {
    const flag = await lockFlag(tx, scope, input.flagId);
    if (!flag) return { kind: "notFound" } as const;
    if (flag.status === "RESOLVED") return { kind: "conflict", reason: "resolved" } as const;
    const followUp = await tx.monitoringFollowUp.create({ data: { flagId: flag.id, actorId, kind: input.kind, note: input.note } });
    await audit(tx, { action: "monitoring.follow-up", actorId, entityType: "MonitoringFlag", entityId: flag.id, metadata: { followUpId: followUp.id, kind: input.kind, householdId: flag.householdId } });
    return { kind: "ok" } as const;
  });
}

export async function decideFlag(db: Db, actorId: string, scope: MonitoringScope, input: { flagId: string; decision: "KEPT" | "RESOLVED"; note: string }): Promise<FlagOutcome> {
  return db.$transaction(async (tx) => {
    const flag = await lockFlag(tx, scope, input.flagId);
    if (!flag) return { kind: "notFound" } as const;
    if (!canDecide(flag.status, input.decision)) return { kind: "conflict", reason: flag.status === "RESOLVED" ? "resolved" : "decided" } as const;
    const resolved = input.decision === "RESOLVED";
    await tx.monitoringFlag.update({ where: { id: flag.id }, data: { status: input.decision, resolvedAt: resolved ? new Date() : null, resolvedById: resolved ? actorId : null } });
    // The reason is part of the history, as a note.
    if (input.note) await tx.monitoringFollowUp.create({ data: { flagId: flag.id, actorId, kind: "NOTE", note: input.note } });
    await audit(tx, { action: "monitoring.flag-decided", actorId, entityType: "MonitoringFlag", entityId: flag.id, metadata: { from: flag.status, to: input.decision, householdId: flag.householdId } });
    return { kind: "ok" } as const;
  });
}

/** Moves the flag's household to 防返贫监测 (MONITORED) status. */
export async function markHouseholdMonitored(db: Db, actorId: string, scope: MonitoringScope, input: { flagId: string }): Promise<FlagOutcome> {
  return db.$transaction(async (tx) => {
    const flag = await lockFlag(tx, scope, input.flagId);
    if (!flag) return { kind: "notFound" } as const;
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "Household" WHERE "id" = ${flag.householdId} FOR UPDATE`;
    const from = rows[0]?.status;
    if (!from) return { kind: "notFound" } as const;
    if (from === "MONITORED") return { kind: "conflict", reason: "alreadyMonitored" } as const;
    await tx.household.update({ where: { id: flag.householdId }, data: { status: "MONITORED" } });
    await audit(tx, { action: "monitoring.household-monitored", actorId, entityType: "Household", entityId: flag.householdId, metadata: { from, to: "MONITORED", flagId: flag.id } });
    return { kind: "ok" } as const;
  });
}

/** Sets the line (fen per member per year). */
export async function setLine(db: Db, actorId: string, lineFen: number): Promise<void> {
  const key = LINE_SETTING_KEY;
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key } });
    await tx.setting.upsert({ where: { key }, create: { key, value: lineFen, updatedById: actorId }, update: { value: lineFen, updatedById: actorId } });
    await audit(tx, { action: "monitoring.line-set", actorId, entityType: "Setting", entityId: key, metadata: { from: before?.value ?? null, to: lineFen } });
  });
}
