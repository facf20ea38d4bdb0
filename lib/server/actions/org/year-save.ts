"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { saveOrganisationYear } from "@/lib/server/orgs/organisations";
import { orgReply } from "@/lib/server/orgs/scope";
import { reservedShareYearSchema } from "@/lib/validation/org";
import { userAction } from "../chain";

/** The year's canteen food budget and reserved percentage (an ORG_ADMIN, or a county admin); below 30% is saved with a warning. */
export const saveOrganisationYearAction = userAction(reservedShareYearSchema, async (input, { actor, t }) => {
  const outcome = await saveOrganisationYear(db, { id: actor.id, platformAdmin: actor.role === "ADMIN" }, input);
  if (!outcome.ok) return orgReply(t, outcome, "");
  revalidatePath("/[locale]/org", "layout");
  const warning = outcome.warnings.map((w) => t(`org.reservedShare.warnings.${w}`)).join(" ");
  return { ok: true, status: 200, message: [t("org.done.yearSaved", { year: input.year }), warning].filter(Boolean).join(" ") };
});
