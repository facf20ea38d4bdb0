"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { changeParticipation, parseParticipationChange } from "@/lib/server/roster/changes";
import { problemFieldErrors } from "@/lib/server/roster/messages";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const field = text().max(20).optional();
const schema = z.object({ cooperativeId: recordId(), participationId: recordId(), status: field, weight: field, benefitType: field, landMu: field });

/** A manager changes a household's status, or its participation's weight, benefit type or land (audited). */
export const changeHouseholdAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const locale = await getLocale();
  const { cooperativeId, participationId, ...raw } = input;
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""]));
  const parsed = parseParticipationChange(raw);
  if (!parsed.ok) return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: problemFieldErrors(locale, parsed.problems), values };
  // Found only within the cooperative the chain checked: another cooperative's participation is a 404.
  const result = await changeParticipation(db, { cooperativeId, actorId: actor.id, participationId, change: parsed.change });
  if (!result.ok) return { ok: false, status: result.status, message: translateDynamic(locale, result.key), fieldErrors: problemFieldErrors(locale, result.problems ?? []), values };
  revalidatePath("/coop/households");
  return { ok: true, status: 200, message: t("roster.saved.changed") };
});
