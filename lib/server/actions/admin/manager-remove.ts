"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { removeManager } from "@/lib/server/people/invites";
import { managerRemoveSchema } from "@/lib/validation/people";
import { roleAction } from "../chain";

/** An admin removes a manager from a cooperative (the account stays; it no longer acts for this cooperative). */
export const managerRemoveAction = roleAction(["ADMIN"], managerRemoveSchema, async (input, { actor, t }) => {
  const values = { cooperativeId: input.cooperativeId };
  const outcome = await removeManager(db, actor.id, input.cooperativeId, input.userId);
  revalidatePath("/admin/cooperatives");
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("people.errors.managerNotFound"), values };
  return { ok: true, status: 200, message: t("people.done.removed"), values };
});
