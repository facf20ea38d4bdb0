"use server";
import { db } from "@/lib/server/db";
import { recordFollowUp } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { followUpSchema } from "@/lib/server/monitoring/schemas";
import { roleAction } from "../chain";

/** An admin records a follow-up on a 防返贫 flag: visited, action taken, or a note. Audited. */
export const monitoringFollowUpAction = roleAction(["ADMIN"], followUpSchema, async (input, { actor, t }) => {
  const outcome = await recordFollowUp(db, actor.id, { kind: "all" }, { flagId: input.flagId, kind: input.kind, note: input.note });
  return flagState(outcome, t, () => t("monitoring.done.followUp"), outcome.kind === "ok" ? undefined : { flagId: input.flagId, kind: input.kind, note: input.note });
});
