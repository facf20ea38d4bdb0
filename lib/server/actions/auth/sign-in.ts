"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { minutesToWait } from "@/lib/domain/throttle";
import { safeNext } from "@/lib/domain/permissions";
import { signIn } from "@/lib/server/auth";
import { signInThrottle } from "@/lib/server/auth/credentials";
import { adoptGuestCart } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { clientIp } from "@/lib/server/request";
import { signInSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

export const signInAction = publicAction(signInSchema, async (input, { t }) => {
  const ip = await clientIp();
  const throttled = async () => {
    const d = await signInThrottle(input.email, ip);
    return d.allowed ? null : { ok: false, status: 429, message: t("auth.errors.throttled", { minutes: minutesToWait(d.retryAfterMs) }), values: { email: input.email } };
  };
  const early = await throttled();
  if (early) return early;
  try {
    // Checks the password, records the attempt and audits it (lib/server/auth/credentials.ts).
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return (await throttled()) ?? { ok: false, status: 401, message: t("auth.errors.invalidCredentials"), values: { email: input.email } };
  }
  const user = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true, role: true } });
  await adoptGuestCart(user.id);
  redirect(safeNext(input.next, user.role));
});
