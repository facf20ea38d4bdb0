"use server";
import { redirect } from "next/navigation";
import { hashPassword } from "@/lib/server/auth/credentials";
import { hashToken, resetPassword } from "@/lib/server/auth/password-reset";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { resetPasswordSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

const errorKey = { invalid: "auth.errors.tokenInvalid", expired: "auth.errors.tokenExpired", used: "auth.errors.tokenUsed" } as const;

export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, { t }) => {
  const tokenHash = hashToken(input.token);
  const [passwordHash, ip] = await Promise.all([hashPassword(input.password), clientIp()]);
  const now = new Date();
  const outcome = await resetPassword(db, { tokenHash, passwordHash, ip, now });
  if (outcome !== "ok") return { ok: false, status: 410, message: t(errorKey[outcome]) };
  redirect("/sign-in?reset=1");
});
