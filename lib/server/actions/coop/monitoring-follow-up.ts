"use server";
import { db } from "@/lib/server/db";
import { recordFollowUp } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { coopFollowUpSchema } from "@/lib/server/monitoring/schemas";
import { cooperativeAction } from "../chain";

/** A manager, for a household taking part in the cooperative named (any other flag: 404, nothing written), records a follow-up on a 防返贫 flag: visited, action taken, or a note. Audited. */
export const coopMonitoringFollowUpAction = cooperativeAction(coopFollowUpSchema, async (input, { actor, t }) => {
  const outcome = await recordFollowUp(db, actor.id, { kind: "cooperative", cooperativeId: input.cooperativeId }, { flagId: input.flagId, kind: input.kind, note: input.note });
  return flagState(outcome, t, () => t("monitoring.done.followUp"), outcome.kind === "ok" ? undefined : { flagId: input.flagId, kind: input.kind, note: input.note });
});
