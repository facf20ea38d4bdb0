"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { profileSchema } from "@/lib/validation/account";
import { userAction } from "../chain";

export const updateProfileAction = userAction(profileSchema, async (input, { actor, t }) => {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name: input.name, phone: input.phone } });
    await audit(tx, { action: "account.profile-updated", actorId: actor.id, entityType: "User", entityId: actor.id });
  });
  revalidatePath("/account");
  return { ok: true, status: 200, message: t("account.saved") };
});
