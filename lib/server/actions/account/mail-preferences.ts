"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { mailPreferencesSchema } from "@/lib/validation/after-sales";
import { userAction } from "../chain";

/**
 * The user's own choice about non-essential mail (what a delivered parcel did for the households, and the like).
 * Order, payment, shipping, cancellation and refund mail is essential and always sent, whatever this says.
 */
export const saveMailPreferencesAction = userAction(mailPreferencesSchema, async ({ nonEssential }, { actor, t }) => {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { mailOptOut: !nonEssential } });
    await audit(tx, { action: "account.mail-preference-changed", actorId: actor.id, entityType: "User", entityId: actor.id, metadata: { mailOptOut: !nonEssential } });
  });
  revalidatePath("/account");
  return { ok: true, status: 200, message: t(nonEssential ? "account.mailPrefs.on" : "account.mailPrefs.off") };
});
