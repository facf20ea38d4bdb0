import "server-only";
// Password reset tokens: 32 random bytes sent by mail, only their SHA-256 stored; single use, 30 minutes.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
/** At most this many reset mails per account per hour, so the form cannot be used to flood an inbox. */
export const RESET_MAILS_PER_HOUR = 3;

/** A token mailed as a link (password reset, a manager's or an organisation's invitation): 32 random bytes. */
export const newLinkToken = () => randomBytes(32).toString("base64url");

/** What is stored of a mailed token: its SHA-256, so a database leak gives no working link. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueResetToken(userId: string, now = new Date()): Promise<string | null> {
  const recent = await db.passwordResetToken.count({ where: { userId, createdAt: { gte: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= RESET_MAILS_PER_HOUR) return null;
  const token = newLinkToken();
  await db.passwordResetToken.create({ data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) } });
  return token;
}

export type ResetCheck = "ok" | "invalid" | "expired" | "used";

export function resetTokenState(row: { expiresAt: Date; usedAt: Date | null } | null, now = new Date()): ResetCheck {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "ok";
}

/**
 * Sets a new password through a reset token, in one transaction: claims the token (only one request can move
 * `usedAt` from null, so a token works exactly once), raises the session version so every session of the
 * account ends — including any the old password opened — and voids the account's other links.
 */
export async function resetPassword(
  database: Db,
  input: { tokenHash: string; passwordHash: string; ip: string | null; now?: Date },
): Promise<ResetCheck> {
  const { tokenHash, passwordHash, ip, now = new Date() } = input;
  return database.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) {
      const row = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
      const state = resetTokenState(row, now);
      return state === "ok" ? ("invalid" as const) : state;
    }
    const token = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({ where: { id: token.userId }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true } });
    await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: now } });
    await tx.loginAttempt.deleteMany({ where: { email: user.email, success: false } });
    await audit(tx, { action: "auth.password-reset", actorId: token.userId, entityType: "User", entityId: token.userId, ip });
    return "ok" as const;
  });
}
