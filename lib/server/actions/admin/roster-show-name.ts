"use server";
import { z } from "zod";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { showHouseholdName } from "@/lib/server/roster/changes";
import { recordId } from "@/lib/validation/text";
import { roleAction } from "../chain";

const schema = z.object({ cooperativeId: recordId(), participationId: recordId() });

/** An admin reads one household's full name and ID-card number from a cooperative's roster (audited). */
export const adminShowHouseholdNameAction = roleAction(["ADMIN"], schema, async (input, { actor }) => {
  const result = await showHouseholdName(db, { cooperativeId: input.cooperativeId, actorId: actor.id, participationId: input.participationId });
  if (!result.ok) return { ok: false, status: result.status, message: translateDynamic(await getLocale(), result.key) };
  return { ok: true, status: 200, values: { headName: result.headName, idCardNumber: result.idCardNumber ?? "" } };
});
