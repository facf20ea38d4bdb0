"use server";
import { audit } from "@/lib/server/audit";
import { issueResetToken } from "@/lib/server/auth/password-reset";
import { db } from "@/lib/server/db";
import { absoluteUrl } from "@/lib/server/env";
import { sendMail } from "@/lib/server/mail";
import { clientIp } from "@/lib/server/request";
import { forgotPasswordSchema } from "@/lib/validation/account";
import { publicAction } from "../chain";

/** Always the same answer, whether or not the email is registered. */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (input, { t }) => {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, disabledAt: true } });
  if (user && !user.disabledAt) {
    const token = await issueResetToken(user.id);
    if (token) {
      await sendMail({
        to: input.email,
        kind: "password-reset",
        subject: t("auth.resetMailSubject"),
        text: t("auth.resetMailBody", { url: absoluteUrl(`/reset-password/${token}`) }),
      });
      await audit(db, { action: "auth.password-reset-requested", actorId: user.id, entityType: "User", entityId: user.id, ip: await clientIp() });
    }
  }
  return { ok: true, status: 200, message: t("auth.forgotSent") };
});
