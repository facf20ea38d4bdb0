"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { setUserDisabled } from "@/lib/server/people/users";
import { userDisableSchema } from "@/lib/validation/people";
import { roleAction } from "../chain";

/** An admin disables an account (every session of it ends at once) or enables it again. */
export const userDisableAction = roleAction(["ADMIN"], userDisableSchema, async (input, { actor, t }) => {
  const values = { userId: input.userId };
  const outcome = await setUserDisabled(db, actor.id, input.userId, input.change === "disable");
  revalidatePath("/admin/users");
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("people.errors.userNotFound"), values };
  if (outcome.kind === "self") return { ok: false, status: 409, message: t("people.errors.selfDisable"), values };
  if (outcome.kind === "wrongState") return { ok: false, status: 409, message: t("people.errors.userWrongState"), values };
  return { ok: true, status: 200, message: t(input.change === "disable" ? "people.done.disabled" : "people.done.enabled", { email: outcome.email }), values };
});
