"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { changeMemberRoles } from "@/lib/server/orgs/members";
import { orgReply } from "@/lib/server/orgs/scope";
import { memberRolesSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/** Sets a member's roles; the organisation keeps at least one ORG_ADMIN. */
export const changeMemberRolesAction = userAction(memberRolesSchema, async (input, { actor, t }) => {
  const outcome = await changeMemberRoles(db, { id: actor.id, platformAdmin: actor.role === "ADMIN" }, input);
  if (outcome.ok) revalidatePath("/[locale]/org/members", "page");
  return orgReply(t, outcome, t("org.done.rolesChanged"));
});
