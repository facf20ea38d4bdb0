"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { updateOrganisation } from "@/lib/server/orgs/organisations";
import { orgReply } from "@/lib/server/orgs/scope";
import { organisationFormValues, organisationUpdateSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/**
 * The organisation's profile: its ORG_ADMINs, or a county admin. Who may is decided in the write's transaction
 * (lib/server/orgs/scope.ts checkOrgAdmin): another organisation's id is "not found" and nothing is written.
 */
export const updateOrganisationAction = userAction(organisationUpdateSchema, async (input, { actor, t }) => {
  const outcome = await updateOrganisation(db, { id: actor.id, platformAdmin: actor.role === "ADMIN" }, input);
  if (outcome.ok) revalidatePath("/[locale]/org", "layout");
  return orgReply(t, outcome, t("org.done.updated"), outcome.ok ? undefined : { ...organisationFormValues(input), organisationId: input.organisationId });
});
