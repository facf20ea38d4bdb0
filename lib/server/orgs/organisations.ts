import "server-only";
// Organisations' profiles (platform admins create them; admins and the organisation's ORG_ADMINs edit them) and
// their yearly reserved-share figures. Input comes parsed by lib/validation/org.ts (credit code checked by
// lib/domain/credit-code.ts); each write is one transaction with its audit row, and a refusal writes nothing.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkReservedShareSettings, type ReservedShareWarning } from "@/lib/domain/reserved-share";
import { audit } from "@/lib/server/audit";
import type { OrganisationInput, OrganisationUpdateInput, ReservedShareYearInput } from "@/lib/validation/org";
import { checkOrgAdmin, lockOrganisation, NOT_FOUND, refuse, type OrgActor, type OrgOutcome, type OrgScope } from "./scope";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
const CREDIT_CODE_TAKEN = refuse(409, "org.errors.creditCodeTaken", "creditCode");

const columns = (input: OrganisationInput) => ({
  kind: input.kind,
  name: input.name,
  creditCode: input.creditCode,
  invoiceTitle: input.invoiceTitle,
  taxId: input.taxId ?? input.creditCode,
  address: input.address,
  district: input.district,
  approvalThresholdFen: input.approvalThreshold,
  approvalWindowHours: input.approvalWindowHours,
  beijingOnlyDelivery: input.beijingOnlyDelivery,
});

/** A platform admin registers an organisation; its first ORG_ADMIN is then invited (inviteMember). */
export async function createOrganisation(db: Db, actorId: string, input: OrganisationInput): Promise<OrgOutcome<{ organisationId: string }>> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.organisation.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } })) return CREDIT_CODE_TAKEN;
      const row = await tx.organisation.create({ data: columns(input), select: { id: true } });
      await audit(tx, { action: "organisation.created", actorId, entityType: "Organisation", entityId: row.id, metadata: { name: input.name, creditCode: input.creditCode } });
      return { ok: true, organisationId: row.id } as const;
    });
  } catch (error) {
    // Two admins registering the same code at once: the loser's insert meets the unique index.
    if (isUniqueViolation(error)) return CREDIT_CODE_TAKEN;
    throw error;
  }
}

/** Edits the profile: a platform admin, or an ORG_ADMIN of this organisation (anyone else: 404/403, nothing written). */
export async function updateOrganisation(db: Db, actor: OrgActor, input: OrganisationUpdateInput): Promise<OrgOutcome> {
  try {
    return await db.$transaction(async (tx) => {
      if (!(await lockOrganisation(tx, input.organisationId))) return NOT_FOUND;
      const denied = await checkOrgAdmin(tx, actor, input.organisationId);
      if (denied) return denied;
      const other = await tx.organisation.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } });
      if (other && other.id !== input.organisationId) return CREDIT_CODE_TAKEN;
      await tx.organisation.update({ where: { id: input.organisationId }, data: columns(input) });
      await audit(tx, { action: "organisation.updated", actorId: actor.id, entityType: "Organisation", entityId: input.organisationId });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return CREDIT_CODE_TAKEN;
    throw error;
  }
}

/** The organisation's profile, for its own pages and the admins'. */
export async function getOrganisation(db: Db, { organisationId }: OrgScope) {
  return db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      kind: true,
      name: true,
      creditCode: true,
      invoiceTitle: true,
      taxId: true,
      address: true,
      district: true,
      approvalThresholdFen: true,
      approvalWindowHours: true,
      beijingOnlyDelivery: true,
      status: true,
      createdAt: true,
    },
  });
}

/**
 * Records the year's canteen food budget and reserved percentage (upsert). The domain's checks run again here (a
 * caller that skipped the schema still cannot store a share below the national floor); the Beijing 30% is a
 * warning, returned for the page to show.
 */
export async function saveOrganisationYear(db: Db, actor: OrgActor, input: ReservedShareYearInput): Promise<OrgOutcome<{ warnings: ReservedShareWarning[] }>> {
  const { problems, warnings } = checkReservedShareSettings({ budgetFen: input.budgetFen, percentBp: input.percentBp });
  const first = problems[0];
  if (first) return refuse(400, `org.reservedShare.problems.${first}`, first === "budgetInvalid" ? "budget" : "percent");
  return db.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, input.organisationId))) return NOT_FOUND;
    const denied = await checkOrgAdmin(tx, actor, input.organisationId);
    if (denied) return denied;
    const data = { canteenBudgetFen: BigInt(input.budgetFen), reservedPercentBp: input.percentBp };
    await tx.organisationYear.upsert({
      where: { organisationId_year: { organisationId: input.organisationId, year: input.year } },
      create: { organisationId: input.organisationId, year: input.year, ...data },
      update: data,
    });
    await audit(tx, { action: "organisation.year-saved", actorId: actor.id, entityType: "Organisation", entityId: input.organisationId, metadata: { year: input.year, budgetFen: input.budgetFen, percentBp: input.percentBp } });
    return { ok: true, warnings } as const;
  });
}

/**
 * The organisation `userId` may buy for at checkout: theirs, when they are its PURCHASER and it is active; else
 * null (a private buyer). Read again when the order is placed, so a purchaser removed meanwhile buys privately or not at all.
 */
export async function buyingOrganisation(db: Db, userId: string) {
  const member = await db.organisationMember.findUnique({
    where: { userId },
    select: {
      roles: true,
      organisation: { select: { id: true, name: true, invoiceTitle: true, taxId: true, status: true, approvalThresholdFen: true, approvalWindowHours: true } },
    },
  });
  if (!member || !member.roles.includes("PURCHASER") || member.organisation.status !== "ACTIVE") return null;
  const { status: _status, ...organisation } = member.organisation;
  return organisation;
}
