"use server";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/server/auth";
import type { MessageKey } from "@/lib/i18n/translate";
import { hashPassword } from "@/lib/server/auth/credentials";
import { hashToken } from "@/lib/server/auth/password-reset";
import { db } from "@/lib/server/db";
import { acceptInvite } from "@/lib/server/people/invites";
import { clientIp } from "@/lib/server/request";
import { passwordProblem } from "@/lib/validation/account";
import { acceptInviteSchema } from "@/lib/validation/people";
import { publicAction } from "../chain";

const refusal = { invalid: "people.invite.invalid", expired: "people.invite.expired", used: "people.invite.used", accountExists: "people.errors.accountExists" } as const;

/**
 * The invited person sets their name and password: a new MANAGER account linked to the cooperative, then signed
 * in and sent to the cooperative's area. A link used or expired meanwhile is a 410 with nothing written.
 */
export const acceptInviteAction = publicAction(acceptInviteSchema, async (input, { t }) => {
  const values = { name: input.name };
  const invite = await db.managerInvite.findUnique({ where: { tokenHash: hashToken(input.token) }, select: { email: true } });
  // The sign-up rule that needs the email: the password must not contain its local part.
  const problem = invite ? passwordProblem(input.password, invite.email, input.name) : null;
  if (problem) {
    const message = t(problem as MessageKey);
    return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { password: message }, values };
  }
  const [passwordHash, ip] = await Promise.all([hashPassword(input.password), clientIp()]);
  const outcome = await acceptInvite(db, { token: input.token, name: input.name, passwordHash, ip });
  if (outcome.kind !== "done") return { ok: false, status: outcome.kind === "accountExists" ? 409 : 410, message: t(refusal[outcome.kind]), values };
  try {
    await signIn("credentials", { email: outcome.email, password: input.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect("/sign-in");
  }
  redirect("/coop");
});
