"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { absoluteUrl } from "@/lib/server/env";
import { getLocale } from "@/lib/server/i18n";
import { inviteMember, ORG_INVITE_TTL_HOURS } from "@/lib/server/orgs/members";
import { orgReply } from "@/lib/server/orgs/scope";
import { memberInviteSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/** An ORG_ADMIN (or a county admin) invites a person by email with roles: a single-use link, mailed in the inviter's language. */
export const inviteMemberAction = userAction(memberInviteSchema, async (input, { actor, t }) => {
  const outcome = await inviteMember(db, { id: actor.id, platformAdmin: actor.role === "ADMIN" }, {
    organisationId: input.organisationId,
    email: input.email,
    roles: input.roles,
    t,
    locale: await getLocale(),
    url: (token) => absoluteUrl(`/org/invite/${token}`),
  });
  if (outcome.ok) revalidatePath("/[locale]/org/members", "page");
  return orgReply(t, outcome, t("org.done.invited", { email: input.email, hours: ORG_INVITE_TTL_HOURS }), outcome.ok ? undefined : { email: input.email });
});
