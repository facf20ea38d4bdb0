"use server";
import { revalidatePath } from "next/cache";
import { parseMonth } from "@/lib/domain/reports";
import { db } from "@/lib/server/db";
import { generateSettlements } from "@/lib/server/settlements/generate";
import { generateSettlementsSchema } from "@/lib/validation/settlement";
import { roleAction } from "../chain";

/** An admin draws up (or recomputes) the month's statements; confirmed and paid ones are left alone. */
export const generateSettlementsAction = roleAction(["ADMIN"], generateSettlementsSchema, async ({ month: raw }, { actor, t }) => {
  const month = parseMonth(raw);
  if (!month) return { ok: false, status: 400, message: t("settlements.errors.badMonth"), values: { month: raw } };
  const result = await generateSettlements(db, month, actor.id);
  revalidatePath("/admin/settlements");
  return { ok: true, status: 200, message: t("settlements.generated", { ...result }), values: { month: raw } };
});
