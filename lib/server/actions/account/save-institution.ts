"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { institutionSchema } from "@/lib/validation/account";
import { roleAction } from "../chain";

/** A buyer's 单位/工会 details; saving them makes the account an institutional buyer. */
export const saveInstitutionAction = roleAction(["BUYER"], institutionSchema, async (input, { actor, t }) => {
  await db.$transaction(async (tx) => {
    await tx.institutionProfile.upsert({ where: { userId: actor.id }, create: { userId: actor.id, ...input }, update: input });
    await tx.user.update({ where: { id: actor.id }, data: { buyerType: "INSTITUTION" } });
    await audit(tx, { action: "account.institution-saved", actorId: actor.id, entityType: "InstitutionProfile", entityId: actor.id });
  });
  revalidatePath("/account");
  return { ok: true, status: 200, message: t("account.saved") };
});
