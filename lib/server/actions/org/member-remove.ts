"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { removeMember } from "@/lib/server/orgs/members";
import { orgReply } from "@/lib/server/orgs/scope";
import { memberRemoveSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/** Removes a member (an ORG_ADMIN or a county admin; a member may leave on their own); their orders stay the organisation's. */
export const removeMemberAction = userAction(memberRemoveSchema, async (input, { actor, t }) => {
  const outcome = await removeMember(db, { id: actor.id, platformAdmin: actor.role === "ADMIN" }, input);
  if (outcome.ok) revalidatePath("/[locale]/org/members", "page");
  return orgReply(t, outcome, t("org.done.removed"));
});
