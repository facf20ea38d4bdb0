"use server";
import { db } from "@/lib/server/db";
import { decideFlag } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { decideSchema } from "@/lib/server/monitoring/schemas";
import { roleAction } from "../chain";

/** An admin keeps a 防返贫 flag under watch or resolves it (a resolved flag is final). Audited. */
export const monitoringDecideAction = roleAction(["ADMIN"], decideSchema, async (input, { actor, t }) => {
  const outcome = await decideFlag(db, actor.id, { kind: "all" }, { flagId: input.flagId, decision: input.decision, note: input.note });
  return flagState(outcome, t, () => t(`monitoring.done.${input.decision}`));
});
