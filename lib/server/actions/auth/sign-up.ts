"use server";
import { z } from "zod";
import { text } from "@/lib/validation/text";
import { safeNext } from "@/lib/domain/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/db";
import { absoluteUrl } from "@/lib/server/env";
import { getLocale } from "@/lib/server/i18n";
import { sendMail, signUpMail } from "@/lib/server/mail";
import { clientIp } from "@/lib/server/request";
import { signUpSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

/** Where the new account goes next (e.g. back to the checkout it came from), checked by safeNext below. */
const signUpInput = z.intersection(signUpSchema, z.object({ next: text().max(2000).optional() }));

/**
 * Buyers sign themselves up; managers and admins are made by an admin.
 *
 * The answer never says whether the email already had an account (issue 10, point 7): a new and a taken email
 * get the same status, message and no session cookie, after the same work (one password hash, one insert
 * attempt, one audit row, one mail). The new account is told to sign in; the existing owner is told someone
 * tried to register with their address, with links to sign in or reset the password. Signing the new account in
 * directly would set a cookie only a new email gets, so the buyer signs in from the mail or the sign-in page
 * (a guest cart is adopted then, as for any sign-in).
 */
export const signUpAction = publicAction(signUpInput, async (input, { t }) => {
  const [ip, locale, passwordHash] = await Promise.all([clientIp(), getLocale(), hashPassword(input.password)]);
  let account: "created" | "existing";
  try {
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "BUYER", locale } });
      await audit(tx, { action: "auth.sign-up", actorId: user.id, entityType: "User", entityId: user.id, ip });
    });
    account = "created";
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    account = "existing";
    const owner = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    await audit(db, { action: "auth.sign-up", actorId: null, entityType: "User", entityId: owner?.id ?? null, ip, metadata: { emailTaken: true } });
  }
  const next = safeNext(input.next, "BUYER");
  await sendMail(
    signUpMail(t, input.email, account, {
      signIn: absoluteUrl(`/sign-in?next=${encodeURIComponent(next)}`),
      reset: absoluteUrl("/forgot-password"),
    }),
  );
  return { ok: true, status: 200, message: t("auth.signUpSent", { email: input.email }) };
});
