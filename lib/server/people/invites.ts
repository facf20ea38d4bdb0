import "server-only";
// Inviting a cooperative manager: 32 random bytes sent by mail as SITE_URL/invite/<token>, only their SHA-256
// stored (as password reset tokens are, lib/server/auth/password-reset.ts); single use, 72 hours. Accepting
// creates a new MANAGER account with the name and password the person chose, linked to the cooperative — a new
// account only: an email that already has an account is refused with a clear message (the admin links it another
// way), and a link used twice or expired is refused with nothing written.
import type { Db } from "@/lib/db/client";
import { Role } from "@/lib/generated/prisma/enums";
import type { Translate } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";
import { hashToken, newLinkToken } from "@/lib/server/auth/password-reset";
import { enqueueMail } from "@/lib/server/mail/outbox";

export const INVITE_TTL_MS = 72 * 3_600_000;

export type InviteCheck = "ok" | "invalid" | "expired" | "used";

export function inviteState(row: { expiresAt: Date; usedAt: Date | null } | null, now = new Date()): InviteCheck {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "ok";
}

export type InviteOutcome =
  | { kind: "done"; token: string; inviteId: string; cooperative: { nameZh: string; nameEn: string } }
  | { kind: "notFound" }
  | { kind: "alreadyManager" }
  | { kind: "accountExists" };

/**
 * Writes the invite and its mail (in the admin's language, through the outbox) in one transaction. An email that
 * already manages the cooperative, or already has an account, is refused: accepting makes a new account only.
 */
export async function inviteManager(
  db: Db,
  input: { actorId: string; cooperativeId: string; email: string; t: Translate; locale: string; url: (token: string) => string; now?: Date },
): Promise<InviteOutcome> {
  const { actorId, cooperativeId, email, t, locale, url, now = new Date() } = input;
  return db.$transaction(async (tx) => {
    const cooperative = await tx.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, nameZh: true, nameEn: true } });
    if (!cooperative) return { kind: "notFound" } as const;
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, cooperatives: { where: { cooperativeId }, select: { userId: true } } } });
    if (user?.cooperatives.length) return { kind: "alreadyManager" } as const;
    if (user) return { kind: "accountExists" } as const;
    const token = newLinkToken();
    const invite = await tx.managerInvite.create({
      data: { email, cooperativeId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITE_TTL_MS), createdById: actorId },
      select: { id: true },
    });
    const name = locale === "en" ? cooperative.nameEn : cooperative.nameZh;
    await enqueueMail(tx, {
      to: email,
      kind: "manager-invite",
      subject: t("people.invite.mailSubject", { cooperative: name }),
      text: t("people.invite.mailBody", { cooperative: name, url: url(token), hours: INVITE_TTL_MS / 3_600_000 }),
      dedupeKey: `manager-invite:${invite.id}`,
    });
    await audit(tx, { action: "manager.invited", actorId, entityType: "Cooperative", entityId: cooperativeId, metadata: { email, inviteId: invite.id } });
    return { kind: "done", token, inviteId: invite.id, cooperative } as const;
  });
}

/** What the invite page shows before the form: the email and cooperative, or why the link no longer works. */
export type InviteView = { state: "ok"; email: string; cooperative: { nameZh: string; nameEn: string } } | { state: Exclude<InviteCheck, "ok"> };

export async function readInvite(db: Db, token: string, now = new Date()): Promise<InviteView> {
  const row = await db.managerInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { email: true, expiresAt: true, usedAt: true, cooperative: { select: { nameZh: true, nameEn: true } } },
  });
  const state = inviteState(row, now);
  if (state === "ok" && row) return { state, email: row.email, cooperative: row.cooperative };
  return { state: state === "ok" ? "invalid" : state };
}

export type AcceptOutcome = { kind: "done"; userId: string; email: string } | { kind: Exclude<InviteCheck, "ok"> } | { kind: "accountExists" };

/**
 * Claims the invite (only one request can move `usedAt` from null) and creates the manager, in one transaction;
 * an email taken since the invite was sent rolls the claim back, so nothing is written.
 */
export async function acceptInvite(
  db: Db,
  input: { token: string; name: string; passwordHash: string; ip: string | null; now?: Date },
): Promise<AcceptOutcome> {
  const { token, name, passwordHash, ip, now = new Date() } = input;
  const tokenHash = hashToken(token);
  class Taken extends Error {}
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.managerInvite.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (claimed.count !== 1) {
        const row = await tx.managerInvite.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
        const state = inviteState(row, now);
        return { kind: state === "ok" ? "invalid" : state } as const;
      }
      const invite = await tx.managerInvite.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, email: true, cooperativeId: true } });
      const existing = await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } });
      if (existing) throw new Taken();
      const user = await tx.user.create({
        data: { email: invite.email, name, passwordHash, role: Role.MANAGER, emailVerified: now, cooperatives: { create: { cooperativeId: invite.cooperativeId } } },
        select: { id: true, email: true },
      });
      await audit(tx, {
        action: "manager.invite-accepted",
        actorId: user.id,
        entityType: "Cooperative",
        entityId: invite.cooperativeId,
        ip,
        metadata: { email: invite.email, inviteId: invite.id, userId: user.id },
      });
      return { kind: "done", userId: user.id, email: user.email } as const;
    });
  } catch (error) {
    // A unique violation on the email: someone signed up with it between the check and the insert.
    if (error instanceof Taken || (error as { code?: string }).code === "P2002") return { kind: "accountExists" };
    throw error;
  }
}

export type RemoveOutcome = { kind: "done" } | { kind: "notFound" };

/** Unlinks a manager from a cooperative; their account stays (and their other cooperatives). */
export async function removeManager(db: Db, actorId: string, cooperativeId: string, userId: string): Promise<RemoveOutcome> {
  return db.$transaction(async (tx) => {
    const removed = await tx.cooperativeManager.deleteMany({ where: { cooperativeId, userId } });
    if (removed.count !== 1) return { kind: "notFound" } as const;
    // Their open pages must not keep acting for the cooperative: the session's cooperatives are read per request
    // (readSessionRow), so no session bump is needed.
    await audit(tx, { action: "manager.removed", actorId, entityType: "Cooperative", entityId: cooperativeId, metadata: { userId } });
    return { kind: "done" } as const;
  });
}
