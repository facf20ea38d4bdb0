"use server";
import { db } from "@/lib/server/db";
import { markHouseholdMonitored } from "@/lib/server/monitoring/flags";
import { flagState } from "@/lib/server/monitoring/outcome";
import { markSchema } from "@/lib/server/monitoring/schemas";
import { roleAction } from "../chain";

/** An admin moves a flagged household to 防返贫监测 (MONITORED) status. Audited. */
export const monitoringMarkHouseholdAction = roleAction(["ADMIN"], markSchema, async (input, { actor, t }) => {
  const outcome = await markHouseholdMonitored(db, actor.id, { kind: "all" }, { flagId: input.flagId });
  return flagState(outcome, t, () => t("monitoring.done.monitored"));
});
