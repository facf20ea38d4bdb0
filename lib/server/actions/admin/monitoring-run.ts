"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { evaluateMonitoring } from "@/lib/server/monitoring/evaluate";
import { runSchema } from "@/lib/server/monitoring/schemas";
import { roleAction } from "../chain";

/** An admin runs the 防返贫 rules now (they add flags only; existing ones, resolved or not, stay as they are). */
export const monitoringRunAction = roleAction(["ADMIN"], runSchema, async (_input, { actor, t }) => {
  const summary = await evaluateMonitoring(db, { now: new Date(), actorId: actor.id });
  revalidatePath("/admin/monitoring");
  revalidatePath("/coop/monitoring");
  return { ok: true, status: 200, message: t("monitoring.done.run", { households: summary.households, created: summary.created }) };
});
