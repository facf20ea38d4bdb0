"use server";
import { db } from "@/lib/server/db";
import { markHouseholdMonitored } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { coopMarkSchema } from "@/lib/server/monitoring/schemas";
import { cooperativeAction } from "../chain";

/** A manager, for a household taking part in the cooperative named (any other flag: 404, nothing written), moves a flagged household to 防返贫监测 (MONITORED) status. Audited. */
export const coopMonitoringMarkHouseholdAction = cooperativeAction(coopMarkSchema, async (input, { actor, t }) => {
  const outcome = await markHouseholdMonitored(db, actor.id, { kind: "cooperative", cooperativeId: input.cooperativeId }, { flagId: input.flagId });
  return flagState(outcome, t, () => t("monitoring.done.monitored"));
});
