import "server-only";
// Changes to a cooperative's roster, each in one transaction with its audit row. Every function takes the
// cooperative the caller is acting for and finds the participation only within it: another cooperative's id
// answers "not found" and writes nothing, whatever the caller's guard checked.
//
// Ending a participation never deletes anything (the ledger's entries name the household). When the household
// has no other active participation in the cooperative, it also leaves the beneficiaries of the cooperative's
// products, so orders placed from then on do not split to it; orders already placed keep the beneficiaries they
// snapshotted (OrderItem.beneficiaries), and ledger entries already written never change.
import type { Db } from "@/lib/db/client";
import { BENEFIT_TYPES, HOUSEHOLD_STATUSES, LAND_MU, validateRosterRow, WEIGHT, type BenefitTypeValue, type HouseholdStatusValue, type RawRosterRow, type RowProblem } from "@/lib/domain/roster";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { auditHouseholdRead } from "@/lib/server/coop-area";
import { rosterVillages } from "./villages";

export type RosterChange<T extends object = object> = ({ ok: true } & T) | { ok: false; status: number; key: string; problems?: RowProblem[] };

const notFound = { ok: false as const, status: 404, key: "errors.notFoundTitle" };

/**
 * Adds a household to the cooperative's roster: a new household (code not yet in the county) with its
 * participation, or a participation for a household already in the county (same village). An ended
 * participation of the same benefit type is restarted. A household that already takes part in this cooperative
 * gets its own fields (name, members, status, ID) updated; one that does not keeps them as stored, so a
 * cooperative cannot rewrite another's household.
 */
export async function addHousehold(db: Db, input: { cooperativeId: string; actorId: string; raw: RawRosterRow }): Promise<RosterChange<{ participationId: string; householdCreated: boolean }>> {
  const checked = validateRosterRow(input.raw, await rosterVillages(db));
  if (!checked.ok) return { ok: false, status: 400, key: "validation.fixErrors", problems: checked.problems };
  const row = checked.row;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.household.findUnique({
        where: { code: row.code },
        select: { id: true, villageId: true, participations: { where: { cooperativeId: input.cooperativeId }, select: { id: true, benefitType: true, active: true } } },
      });
      if (existing && existing.villageId !== row.villageId) return { ok: false as const, status: 409, key: "roster.problems.otherVillage", problems: [{ field: "village" as const, key: "otherVillage" }] };
      const same = existing?.participations.find((p) => p.benefitType === row.benefitType);
      if (same?.active) return { ok: false as const, status: 409, key: "roster.errors.alreadyOnRoster", problems: [{ field: "benefitType" as const, key: "alreadyOnRoster" }] };
      const household = { headName: row.headName, memberCount: row.memberCount, status: row.status, ...(row.idCardNumber ? { idCardNumber: row.idCardNumber } : {}) };
      let householdId: string;
      if (!existing) householdId = (await tx.household.create({ data: { code: row.code, villageId: row.villageId, ...household }, select: { id: true } })).id;
      else {
        householdId = existing.id;
        if (existing.participations.length > 0) await tx.household.update({ where: { id: existing.id }, data: household });
      }
      const terms = { weight: row.weight, landMu: row.landMu === null ? null : new Prisma.Decimal(row.landMu) };
      const participation = same
        ? await tx.householdParticipation.update({ where: { id: same.id }, data: { ...terms, active: true, endedAt: null, since: new Date() }, select: { id: true } })
        : await tx.householdParticipation.create({ data: { householdId, cooperativeId: input.cooperativeId, benefitType: row.benefitType, ...terms }, select: { id: true } });
      await audit(tx, {
        action: "household.added",
        actorId: input.actorId,
        entityType: "HouseholdParticipation",
        entityId: participation.id,
        metadata: { cooperativeId: input.cooperativeId, code: row.code, benefitType: row.benefitType, weight: row.weight, landMu: row.landMu, householdCreated: !existing, restarted: !!same },
      });
      return { ok: true as const, participationId: participation.id, householdCreated: !existing };
    });
  } catch (error) {
    // Two managers adding the same new code at once: the loser hits the unique code, and nothing of it is written.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, status: 409, key: "roster.errors.conflict" };
    throw error;
  }
}

export interface ParticipationChange {
  status?: HouseholdStatusValue;
  weight?: number;
  benefitType?: BenefitTypeValue;
  /** Two decimals as a string; required when the benefit type is (or becomes) land rent. */
  landMu?: string | null;
}

/** Parses the change form's fields (all optional: an empty field keeps what is stored). */
export function parseParticipationChange(raw: Record<string, string | undefined>): { ok: true; change: ParticipationChange } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const change: ParticipationChange = {};
  const v = (k: string) => (raw[k] ?? "").trim();
  if (v("status")) {
    if ((HOUSEHOLD_STATUSES as readonly string[]).includes(v("status"))) change.status = v("status") as HouseholdStatusValue;
    else problems.push({ field: "status", key: "status" });
  }
  if (v("benefitType")) {
    if ((BENEFIT_TYPES as readonly string[]).includes(v("benefitType"))) change.benefitType = v("benefitType") as BenefitTypeValue;
    else problems.push({ field: "benefitType", key: "benefitType" });
  }
  if (v("weight")) {
    const w = /^\d+$/.test(v("weight")) ? Number(v("weight")) : NaN;
    if (Number.isInteger(w) && w >= WEIGHT.min && w <= WEIGHT.max) change.weight = w;
    else problems.push({ field: "weight", key: "weight", params: WEIGHT });
  }
  if (v("landMu")) {
    const mu = v("landMu");
    if (/^\d+(\.\d{1,2})?$/.test(mu) && Number(mu) >= LAND_MU.min && Number(mu) <= LAND_MU.max) change.landMu = Number(mu).toFixed(2);
    else problems.push({ field: "landMu", key: "landMu", params: LAND_MU });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, change };
}

/**
 * Changes an active participation's weight, benefit type or land, and its household's status. Land is kept
 * only for land rent: required when the type becomes land rent, cleared when it stops being. An ended
 * participation is not changed (409): add the household again to restart it.
 */
export async function changeParticipation(db: Db, input: { cooperativeId: string; actorId: string; participationId: string; change: ParticipationChange }): Promise<RosterChange> {
  const { change } = input;
  try {
    return await db.$transaction(async (tx) => {
      // The row lock orders this change after a concurrent end or change of the same participation.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "HouseholdParticipation" WHERE "id" = ${input.participationId} AND "cooperativeId" = ${input.cooperativeId} FOR UPDATE`;
      if (locked.length === 0) return notFound;
      const p = await tx.householdParticipation.findUniqueOrThrow({
        where: { id: input.participationId },
        select: { id: true, householdId: true, benefitType: true, weight: true, landMu: true, active: true, household: { select: { status: true } } },
      });
      if (!p.active) return { ok: false as const, status: 409, key: "roster.errors.ended" };
      const benefitType = change.benefitType ?? p.benefitType;
      let landMu = change.landMu !== undefined ? change.landMu : p.landMu === null ? null : p.landMu.toFixed(2);
      if (benefitType !== "LAND_RENT") landMu = null;
      else if (landMu === null) return { ok: false as const, status: 400, key: "validation.fixErrors", problems: [{ field: "landMu" as const, key: "landMuRequired" }] };
      const before = { status: p.household.status, weight: p.weight, benefitType: p.benefitType, landMu: p.landMu === null ? null : p.landMu.toFixed(2) };
      const after = { status: change.status ?? p.household.status, weight: change.weight ?? p.weight, benefitType, landMu };
      if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true as const };
      await tx.householdParticipation.update({
        where: { id: p.id },
        data: { weight: after.weight, benefitType: after.benefitType, landMu: after.landMu === null ? null : new Prisma.Decimal(after.landMu) },
      });
      if (after.status !== before.status) await tx.household.update({ where: { id: p.householdId }, data: { status: after.status } });
      await audit(tx, { action: "household.changed", actorId: input.actorId, entityType: "HouseholdParticipation", entityId: p.id, metadata: { cooperativeId: input.cooperativeId, before, after } });
      return { ok: true as const };
    });
  } catch (error) {
    // The household already takes part with the benefit type it would change to (unique per type).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, status: 409, key: "roster.errors.typeTaken" };
    throw error;
  }
}

/**
 * Ends an active participation (active = false, endedAt = now). When the household has no other active
 * participation in the cooperative it leaves the beneficiaries of the cooperative's products: returns their
 * ids, so the caller refreshes what buyers see.
 */
export async function endParticipation(db: Db, input: { cooperativeId: string; actorId: string; participationId: string; now?: Date }): Promise<RosterChange<{ productIds: string[] }>> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string; householdId: string; active: boolean }[]>`
      SELECT "id", "householdId", "active" FROM "HouseholdParticipation" WHERE "id" = ${input.participationId} AND "cooperativeId" = ${input.cooperativeId} FOR UPDATE`;
    const p = locked[0];
    if (!p) return notFound;
    if (!p.active) return { ok: false as const, status: 409, key: "roster.errors.ended" };
    await tx.householdParticipation.update({ where: { id: p.id }, data: { active: false, endedAt: now } });
    const stillActive = await tx.householdParticipation.count({ where: { householdId: p.householdId, cooperativeId: input.cooperativeId, active: true } });
    let productIds: string[] = [];
    if (stillActive === 0) {
      const rows = await tx.productBeneficiary.findMany({ where: { householdId: p.householdId, product: { cooperativeId: input.cooperativeId } }, select: { productId: true } });
      productIds = rows.map((r) => r.productId);
      if (productIds.length > 0) await tx.productBeneficiary.deleteMany({ where: { householdId: p.householdId, productId: { in: productIds } } });
    }
    await audit(tx, {
      action: "household.participation-ended",
      actorId: input.actorId,
      entityType: "HouseholdParticipation",
      entityId: p.id,
      metadata: { cooperativeId: input.cooperativeId, householdId: p.householdId, removedFromProducts: productIds },
    });
    return { ok: true as const, productIds };
  });
}

/**
 * The household's full name and ID-card number, for one participation of the cooperative: one audited read.
 * The cooperative is the caller's (a manager's, checked by the action chain) or any (an admin's).
 */
export async function showHouseholdName(db: Db, input: { cooperativeId: string; actorId: string; participationId: string }): Promise<RosterChange<{ code: string; headName: string; idCardNumber: string | null }>> {
  const p = await db.householdParticipation.findFirst({
    where: { id: input.participationId, cooperativeId: input.cooperativeId },
    select: { household: { select: { id: true, code: true, headName: true, idCardNumber: true } } },
  });
  if (!p) return notFound;
  await auditHouseholdRead(db, { actorId: input.actorId, cooperativeId: input.cooperativeId, what: `household:${p.household.code}` });
  return { ok: true, code: p.household.code, headName: p.household.headName ?? "", idCardNumber: p.household.idCardNumber };
}
