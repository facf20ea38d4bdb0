"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { transitionState } from "@/lib/server/settlements/messages";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { confirmSettlementSchema } from "@/lib/validation/settlement";
import { cooperativeAction } from "../chain";

/** A manager confirms their cooperative's statement; a statement of another cooperative is 404. */
export const confirmSettlementAction = cooperativeAction(confirmSettlementSchema, async ({ cooperativeId, settlementId }, { actor, t }) => {
  // Scoped to the one cooperative named (and checked) by the chain: an id of another cooperative's statement is 404.
  const outcome = await moveSettlement(db, settlementId, { kind: "confirm" }, { actorId: actor.id, scope: { cooperativeIds: [cooperativeId] } });
  if (outcome.ok) revalidatePath(`/coop/statements/${outcome.month}`);
  return transitionState(outcome, t, t("settlements.confirm.done"), { cooperativeId, settlementId });
});
