"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { transitionState } from "@/lib/server/settlements/messages";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { paySettlementSchema } from "@/lib/validation/settlement";
import { roleAction } from "../chain";

/** An admin records the bank transfer (its day and reference) of a confirmed statement: it becomes PAID, for good. */
export const paySettlementAction = roleAction(["ADMIN"], paySettlementSchema, async ({ settlementId, paidOn, reference }, { actor, t }) => {
  const outcome = await moveSettlement(db, settlementId, { kind: "pay", paidOn, reference }, { actorId: actor.id, scope: "admin" });
  if (outcome.ok) revalidatePath("/admin/settlements");
  return transitionState(outcome, t, t("settlements.pay.done"), { settlementId, paidOn, reference });
});
