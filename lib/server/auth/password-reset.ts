import "server-only";
// Password reset tokens: 32 random bytes sent by mail, only their SHA-256 stored; single use, 30 minutes.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";

export const RESET_TOKEN_TTL_MS = 30 * 60_000;
/** At most this many reset mails per account per hour, so the form cannot be used to flood an inbox. */
export const RESET_MAILS_PER_HOUR = 3;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueResetToken(userId: string, now = new Date()): Promise<string | null> {
  const recent = await db.passwordResetToken.count({ where: { userId, createdAt: { gte: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= RESET_MAILS_PER_HOUR) return null;
  const token = randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({ data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) } });
  return token;
}

export type ResetCheck = "ok" | "invalid" | "expired" | "used";

export function resetTokenState(row: { expiresAt: Date; usedAt: Date | null } | null, now = new Date()): ResetCheck {
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "ok";
}
