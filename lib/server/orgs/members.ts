import "server-only";
// An organisation's members: invited by email (a single-use link, as a cooperative manager's: 32 random bytes
// mailed, only their SHA-256 stored — lib/server/people/invites.ts's hashToken, inviteState and lifetime), accepted
// by a signed-in user whose email is the invite's, their roles changed and removed by the organisation's admins.
// A person belongs to one organisation at most (OrganisationMember.userId is unique); an organisation keeps at
// least one ORG_ADMIN. Membership writes lock the organisation's row first, so two admins demoting each other at
// once cannot leave it without one. Every refusal writes nothing.
import type { Db } from "@/lib/db/client";
import { Prisma, type OrganisationRole } from "@/lib/generated/prisma/client";
import type { Translate } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";
import { hashToken, newLinkToken } from "@/lib/server/auth/password-reset";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { INVITE_TTL_MS, inviteState, type InviteCheck } from "@/lib/server/people/invites";
import { ORGANISATION_ROLES } from "@/lib/validation/org";
import { checkOrgAdmin, lockOrganisation, NOT_FOUND, refuse, type OrgActor, type OrgOutcome, type OrgScope } from "./scope";
import { membersWithRole } from "./member-roles";

export const ORG_INVITE_TTL_HOURS = INVITE_TTL_MS / 3_600_000;

const sortRoles = (roles: readonly OrganisationRole[]): OrganisationRole[] => ORGANISATION_ROLES.filter((r) => roles.includes(r));

/** The roles in the mail's language, joined as a list. */
function roleList(t: Translate, locale: string, roles: readonly OrganisationRole[]): string {
  const names = sortRoles(roles).map((r) => t(`org.roles.${r}`));
  return new Intl.ListFormat(locale === "en" ? "en" : "zh-CN", { type: "conjunction" }).format(names);
}

/**
 * Invites `email` into the organisation with these roles: the invite and its mail (in the inviter's language,
 * through the outbox) in one transaction. The email may or may not have an account yet (the person signs up, then
 * opens the link). Someone already in this organisation, or in another, is refused now rather than at the link.
 */
export async function inviteMember(
  db: Db,
  actor: OrgActor,
  input: { organisationId: string; email: string; roles: readonly OrganisationRole[]; t: Translate; locale: string; url: (token: string) => string; now?: Date },
): Promise<OrgOutcome<{ inviteId: string; token: string }>> {
  const { organisationId, email, t, locale, url, now = new Date() } = input;
  const roles = sortRoles(input.roles);
  if (roles.length === 0) return refuse(400, "org.errors.rolesRequired", "roles");
  return db.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, organisationId))) return NOT_FOUND;
    const denied = await checkOrgAdmin(tx, actor, organisationId);
    if (denied) return denied;
    const existing = await tx.user.findUnique({ where: { email }, select: { organisationMember: { select: { organisationId: true } } } });
    const member = existing?.organisationMember;
    if (member) return member.organisationId === organisationId ? refuse(409, "org.errors.alreadyMember", "email") : refuse(409, "org.errors.memberOfAnother", "email");
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } });
    const inviter = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, email: true } });
    const token = newLinkToken();
    const invite = await tx.organisationInvite.create({
      data: { organisationId, email, roles, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITE_TTL_MS), createdById: actor.id },
      select: { id: true },
    });
    await enqueueMail(tx, {
      to: email,
      kind: "organisation-invite",
      subject: t("org.invite.mailSubject", { organisation: organisation.name }),
      text: t("org.invite.mailBody", {
        organisation: organisation.name,
        inviter: inviter?.name ?? inviter?.email ?? organisation.name,
        roles: roleList(t, locale, roles),
        url: url(token),
        hours: ORG_INVITE_TTL_HOURS,
      }),
      dedupeKey: `organisation-invite:${invite.id}`,
    });
    await audit(tx, { action: "organisation.member-invited", actorId: actor.id, entityType: "Organisation", entityId: organisationId, metadata: { email, roles, inviteId: invite.id } });
    return { ok: true, inviteId: invite.id, token } as const;
  });
}

/** What the invite page shows before the person accepts: the organisation, email and roles, or why the link no longer works. */
export type OrgInviteView =
  | { state: "ok"; email: string; roles: OrganisationRole[]; organisation: { id: string; name: string } }
  | { state: Exclude<InviteCheck, "ok"> };

export async function readOrgInvite(db: Db, token: string, now = new Date()): Promise<OrgInviteView> {
  const row = await db.organisationInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, roles: true, expiresAt: true, usedAt: true, organisation: { select: { id: true, name: true } } },
  });
  const state = inviteState(row, now);
  if (state === "ok" && row) return { state, email: row.email, roles: row.roles, organisation: row.organisation };
  return { state: state === "ok" ? "invalid" : state };
}

const INVITE_REFUSAL = {
  invalid: refuse(410, "org.invite.invalid"),
  expired: refuse(410, "org.invite.expired", undefined, { hours: ORG_INVITE_TTL_HOURS }),
  used: refuse(410, "org.invite.used"),
} as const;

/**
 * The signed-in user accepts: the claim (only one request can move `usedAt` from null) and the membership in one
 * transaction. The user's email must be the invite's, and a user already in an organisation is refused; either
 * refusal rolls the claim back, so the link still works for the right person.
 */
export async function acceptOrgInvite(db: Db, input: { token: string; userId: string; ip?: string | null; now?: Date }): Promise<OrgOutcome<{ organisationId: string; name: string }>> {
  const { token, userId, ip = null, now = new Date() } = input;
  const tokenHash = hashToken(token);
  class Refused extends Error {
    constructor(readonly outcome: ReturnType<typeof refuse>) {
      super(outcome.key);
    }
  }
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.organisationInvite.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now, usedById: userId } });
      if (claimed.count !== 1) {
        const row = await tx.organisationInvite.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
        const state = inviteState(row, now);
        return INVITE_REFUSAL[state === "ok" ? "invalid" : state];
      }
      const invite = await tx.organisationInvite.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, email: true, roles: true, organisationId: true, organisation: { select: { name: true } } } });
      const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, organisationMember: { select: { organisationId: true } } } });
      if (!user || user.email.toLowerCase() !== invite.email.toLowerCase()) throw new Refused(refuse(403, "org.invite.wrongEmail"));
      if (user.organisationMember) throw new Refused(user.organisationMember.organisationId === invite.organisationId ? refuse(409, "org.errors.alreadyMember") : refuse(409, "org.invite.memberOfAnother"));
      await tx.organisationMember.create({ data: { organisationId: invite.organisationId, userId, roles: sortRoles(invite.roles) } });
      await audit(tx, { action: "organisation.invite-accepted", actorId: userId, entityType: "Organisation", entityId: invite.organisationId, ip, metadata: { inviteId: invite.id, roles: invite.roles } });
      return { ok: true, organisationId: invite.organisationId, name: invite.organisation.name } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    // The user joined an organisation between the check and the insert (userId is unique).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return refuse(409, "org.invite.memberOfAnother");
    throw error;
  }
}

/** The member row, if it belongs to this organisation (another organisation's member is "not found"). */
async function memberIn(tx: Prisma.TransactionClient, organisationId: string, memberId: string) {
  const row = await tx.organisationMember.findUnique({ where: { id: memberId }, select: { id: true, organisationId: true, userId: true, roles: true } });
  return row && row.organisationId === organisationId ? row : null;
}

const adminCount = async (tx: Prisma.TransactionClient, organisationId: string) => (await membersWithRole(tx, organisationId, "ORG_ADMIN")).length;

const MEMBER_NOT_FOUND = refuse(404, "org.errors.memberNotFound");
const LAST_ADMIN = refuse(409, "org.errors.lastAdmin");

/** Sets a member's roles (a set, never empty); taking ORG_ADMIN from the last admin is refused. */
export async function changeMemberRoles(db: Db, actor: OrgActor, input: { organisationId: string; memberId: string; roles: readonly OrganisationRole[] }): Promise<OrgOutcome> {
  const roles = sortRoles(input.roles);
  if (roles.length === 0) return refuse(400, "org.errors.rolesRequired", "roles");
  return db.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, input.organisationId))) return NOT_FOUND;
    const denied = await checkOrgAdmin(tx, actor, input.organisationId);
    if (denied) return denied;
    const member = await memberIn(tx, input.organisationId, input.memberId);
    if (!member) return MEMBER_NOT_FOUND;
    if (member.roles.includes("ORG_ADMIN") && !roles.includes("ORG_ADMIN") && (await adminCount(tx, input.organisationId)) <= 1) return LAST_ADMIN;
    await tx.organisationMember.update({ where: { id: member.id }, data: { roles } });
    await audit(tx, { action: "organisation.member-roles-changed", actorId: actor.id, entityType: "Organisation", entityId: input.organisationId, metadata: { userId: member.userId, from: member.roles, to: roles } });
    return { ok: true } as const;
  });
}

/**
 * Removes a member (an ORG_ADMIN or a platform admin; a member may also leave on their own). The last ORG_ADMIN
 * stays. Their account stays, and so do the orders they placed for the organisation (Order.organisationId).
 */
export async function removeMember(db: Db, actor: OrgActor, input: { organisationId: string; memberId: string }): Promise<OrgOutcome> {
  return db.$transaction(async (tx) => {
    if (!(await lockOrganisation(tx, input.organisationId))) return NOT_FOUND;
    const member = await memberIn(tx, input.organisationId, input.memberId);
    const leaving = member !== null && member.userId === actor.id;
    if (!leaving) {
      const denied = await checkOrgAdmin(tx, actor, input.organisationId);
      if (denied) return denied;
    }
    if (!member) return MEMBER_NOT_FOUND;
    if (member.roles.includes("ORG_ADMIN") && (await adminCount(tx, input.organisationId)) <= 1) return LAST_ADMIN;
    await tx.organisationMember.delete({ where: { id: member.id } });
    await audit(tx, { action: "organisation.member-removed", actorId: actor.id, entityType: "Organisation", entityId: input.organisationId, metadata: { userId: member.userId, roles: member.roles } });
    return { ok: true } as const;
  });
}

/** The organisation's members and its invites still open, for its admin page. */
export async function listMembers(db: Db, { organisationId }: OrgScope, now = new Date()) {
  const [members, invites] = await Promise.all([
    db.organisationMember.findMany({
      where: { organisationId },
      orderBy: { joinedAt: "asc" },
      select: { id: true, roles: true, joinedAt: true, user: { select: { id: true, email: true, name: true } } },
    }),
    db.organisationInvite.findMany({
      where: { organisationId, usedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, roles: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invites };
}
