"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { addHousehold } from "@/lib/server/roster/changes";
import { problemFieldErrors } from "@/lib/server/roster/messages";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const field = text().max(100).optional();
const schema = z.object({
  cooperativeId: recordId(),
  code: field,
  village: field,
  headName: field,
  memberCount: field,
  status: field,
  benefitType: field,
  landMu: field,
  weight: field,
  idCardNumber: field,
});

/**
 * A manager adds a household to the cooperative's roster (a new household, or a participation for a household
 * of the county already registered): checked by lib/domain/roster.ts, written with its audit row. The ID-card
 * number is never sent back to the form.
 */
export const addHouseholdAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const { cooperativeId, ...raw } = input;
  const result = await addHousehold(db, { cooperativeId, actorId: actor.id, raw });
  if (!result.ok) {
    const locale = await getLocale();
    const { idCardNumber: _id, ...values } = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""]));
    return { ok: false, status: result.status, message: translateDynamic(locale, result.key), fieldErrors: problemFieldErrors(locale, result.problems ?? []), values };
  }
  revalidatePath("/coop/households");
  return { ok: true, status: 200, message: t("roster.saved.added") };
});
