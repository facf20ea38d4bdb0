"use server";
import { revalidatePath } from "next/cache";
import { parseLineYuan } from "@/lib/domain/monitoring";
import { db } from "@/lib/server/db";
import { evaluateMonitoring } from "@/lib/server/monitoring/evaluate";
import { setLine } from "@/lib/server/monitoring/flags";
import { lineSchema } from "@/lib/server/monitoring/schemas";
import { roleAction } from "../chain";

/** An admin sets the income line (yuan per member per year), then the rules run again with it. Audited. */
export const monitoringSetLineAction = roleAction(["ADMIN"], lineSchema, async (input, { actor, t }) => {
  const lineFen = parseLineYuan(input.lineYuan);
  if (lineFen === null) {
    const message = t("monitoring.errors.line");
    return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { lineYuan: message }, values: { lineYuan: input.lineYuan } };
  }
  await setLine(db, actor.id, lineFen);
  const summary = await evaluateMonitoring(db, { now: new Date(), actorId: actor.id });
  revalidatePath("/admin/monitoring");
  revalidatePath("/coop/monitoring");
  return { ok: true, status: 200, message: t("monitoring.done.line", { created: summary.created }) };
});
