"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { transitionState } from "@/lib/server/settlements/messages";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { reopenSettlementSchema } from "@/lib/validation/settlement";
import { roleAction } from "../chain";

/** An admin answers a dispute without recomputing (the figures were right): DISPUTED → OPEN for the manager. */
export const reopenSettlementAction = roleAction(["ADMIN"], reopenSettlementSchema, async ({ settlementId }, { actor, t }) => {
  const outcome = await moveSettlement(db, settlementId, { kind: "reopen" }, { actorId: actor.id, scope: "admin" });
  if (outcome.ok) revalidatePath("/admin/settlements");
  return transitionState(outcome, t, t("settlements.reopen.done"), { settlementId });
});
