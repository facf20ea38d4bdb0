"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { translateDynamic } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { endParticipation } from "@/lib/server/roster/changes";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({ cooperativeId: recordId(), participationId: recordId() });

/**
 * A manager ends a household's participation: never deleted, the ledger keeps what it was paid; the household
 * leaves the cooperative's products' beneficiaries for orders placed from now on (see endParticipation).
 */
export const endHouseholdAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const result = await endParticipation(db, { cooperativeId: input.cooperativeId, actorId: actor.id, participationId: input.participationId });
  if (!result.ok) return { ok: false, status: result.status, message: translateDynamic(await getLocale(), result.key) };
  // The product pages show how many households a product supports.
  if (result.productIds.length > 0) productsChanged(result.productIds);
  revalidatePath("/coop/households");
  return { ok: true, status: 200, message: t("roster.saved.ended") };
});
