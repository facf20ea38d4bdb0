"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { transitionState } from "@/lib/server/settlements/messages";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { disputeSettlementSchema } from "@/lib/validation/settlement";
import { cooperativeAction } from "../chain";

/** A manager disputes their cooperative's open statement, saying what is wrong; the admin answers or regenerates. */
export const disputeSettlementAction = cooperativeAction(disputeSettlementSchema, async ({ cooperativeId, settlementId, note }, { actor, t }) => {
  const outcome = await moveSettlement(db, settlementId, { kind: "dispute", note }, { actorId: actor.id, scope: { cooperativeIds: [cooperativeId] } });
  if (outcome.ok) revalidatePath(`/coop/statements/${outcome.month}`);
  return transitionState(outcome, t, t("settlements.dispute.done"), { cooperativeId, settlementId, note });
});
