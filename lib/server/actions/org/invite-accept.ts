"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { acceptOrgInvite } from "@/lib/server/orgs/members";
import { orgReply } from "@/lib/server/orgs/scope";
import { clientIp } from "@/lib/server/request";
import { acceptOrgInviteSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/** The signed-in person whose email the invite names joins the organisation with its roles, then lands on /org. */
export const acceptOrgInviteAction = userAction(acceptOrgInviteSchema, async (input, { actor, t }) => {
  const outcome = await acceptOrgInvite(db, { token: input.token, userId: actor.id, ip: await clientIp() });
  if (!outcome.ok) return orgReply(t, outcome, "");
  redirect("/org?joined=1");
});
