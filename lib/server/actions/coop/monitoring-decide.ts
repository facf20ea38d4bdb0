"use server";
import { db } from "@/lib/server/db";
import { decideFlag } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { coopDecideSchema } from "@/lib/server/monitoring/schemas";
import { cooperativeAction } from "../chain";

/** A manager, for a household taking part in the cooperative named (any other flag: 404, nothing written), keeps a 防返贫 flag under watch or resolves it (a resolved flag is final). Audited. */
export const coopMonitoringDecideAction = cooperativeAction(coopDecideSchema, async (input, { actor, t }) => {
  const outcome = await decideFlag(db, actor.id, { kind: "cooperative", cooperativeId: input.cooperativeId }, { flagId: input.flagId, decision: input.decision, note: input.note });
  return flagState(outcome, t, () => t(`monitoring.done.${input.decision}`));
});
