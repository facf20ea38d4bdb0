"use server";
import { z } from "zod";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { showHouseholdName } from "@/lib/server/roster/changes";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({ cooperativeId: recordId(), participationId: recordId() });

/**
 * A manager reads one household's full name and ID-card number (audited, one row per read). They travel back
 * in the action's reply only, to the manager who asked; no page renders them.
 */
export const showHouseholdNameAction = cooperativeAction(schema, async (input, { actor }) => {
  const result = await showHouseholdName(db, { cooperativeId: input.cooperativeId, actorId: actor.id, participationId: input.participationId });
  if (!result.ok) return { ok: false, status: result.status, message: translateDynamic(await getLocale(), result.key) };
  return { ok: true, status: 200, values: { headName: result.headName, idCardNumber: result.idCardNumber ?? "" } };
});
