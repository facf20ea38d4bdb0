"use server";
import { redirect } from "next/navigation";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/credentials";
import { hashToken, resetTokenState } from "@/lib/server/auth/password-reset";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { resetPasswordSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

const errorKey = { invalid: "auth.errors.tokenInvalid", expired: "auth.errors.tokenExpired", used: "auth.errors.tokenUsed" } as const;

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { t }) => {
  const tokenHash = hashToken(input.token);
  const [passwordHash, ip] = await Promise.all([hashPassword(input.password), clientIp()]);
  const now = new Date();
  const outcome = await db.$transaction(async (tx) => {
    // Claim the token: only one request can move usedAt from null, so a token works exactly once.
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) {
      const row = await tx.passwordResetToken.findUnique({ where: { tokenHash }, select: { expiresAt: true, usedAt: true } });
      const state = resetTokenState(row, now);
      return state === "ok" ? ("invalid" as const) : state;
    }
    const token = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    await tx.user.update({ where: { id: token.userId }, data: { passwordHash } });
    // Any other outstanding link for this account stops working too.
    await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null }, data: { usedAt: now } });
    await tx.loginAttempt.deleteMany({ where: { email: (await tx.user.findUniqueOrThrow({ where: { id: token.userId } })).email, success: false } });
    await audit(tx, { action: "auth.password-reset", actorId: token.userId, entityType: "User", entityId: token.userId, ip });
    return "ok" as const;
  });
  if (outcome !== "ok") return { ok: false, status: 410, message: t(errorKey[outcome]) };
  redirect("/sign-in?reset=1");
});
