"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { absoluteUrl } from "@/lib/server/env";
import { getLocale } from "@/lib/server/i18n";
import { inviteManager } from "@/lib/server/people/invites";
import { managerInviteSchema } from "@/lib/validation/people";
import { roleAction } from "../chain";

/** An admin invites a manager by email: a single-use link valid 72 hours, mailed in the admin's language. */
export const managerInviteAction = roleAction(["ADMIN"], managerInviteSchema, async (input, { actor, t }) => {
  const values = { cooperativeId: input.cooperativeId, email: input.email };
  const outcome = await inviteManager(db, {
    actorId: actor.id,
    cooperativeId: input.cooperativeId,
    email: input.email,
    t,
    locale: await getLocale(),
    url: (token) => absoluteUrl(`/invite/${token}`),
  });
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("people.errors.cooperativeNotFound"), values };
  if (outcome.kind !== "done") {
    const message = t(`people.errors.${outcome.kind}`);
    return { ok: false, status: 409, message, fieldErrors: { email: message }, values };
  }
  revalidatePath("/admin/cooperatives");
  return { ok: true, status: 200, message: t("people.done.invited", { email: input.email }), values: { cooperativeId: input.cooperativeId } };
});
