"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import { createOrganisation } from "@/lib/server/orgs/organisations";
import { orgReply } from "@/lib/server/orgs/scope";
import { organisationFormValues, organisationSchema } from "@/lib/validation/org";
import { roleAction } from "../chain";

/** A county admin registers an organisation (its credit code checked to the check digit), then invites its first admin. */
export const createOrganisationAction = roleAction(["ADMIN"], organisationSchema, async (input, { actor, t }) => {
  const outcome = await createOrganisation(db, actor.id, input);
  if (!outcome.ok) return orgReply(t, outcome, "", organisationFormValues(input));
  redirect(`/admin/organizations/${outcome.organisationId}?created=1`);
});
