"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { MAX_LOW_STOCK_THRESHOLD, parseUnits } from "@/lib/domain/stock";
import { db } from "@/lib/server/db";
import { setLowStockThreshold } from "@/lib/server/listings/stock";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({ cooperativeId: recordId(), productId: recordId(), threshold: text().max(20, "stock.threshold.invalid") });

/**
 * A manager sets the level at or below which a product of their cooperative is on the low-stock list. Only the
 * manager's pages show it, so the storefront's cache is left alone.
 */
export const setLowStockAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const parsed = parseUnits(input.threshold, MAX_LOW_STOCK_THRESHOLD);
  if (!parsed.ok) {
    return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { threshold: t("stock.threshold.invalid", { max: MAX_LOW_STOCK_THRESHOLD }) }, values: { threshold: input.threshold } };
  }
  const result = await setLowStockThreshold(db, {
    scope: { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId },
    productId: input.productId,
    threshold: parsed.value,
    actorId: actor.id,
  });
  if (!result.ok) {
    if (result.code === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
    if (result.code === "archived") return { ok: false, status: 409, message: t("stock.errors.archived") };
    return { ok: false, status: 400, message: t("stock.threshold.invalid", { max: MAX_LOW_STOCK_THRESHOLD }), values: { threshold: input.threshold } };
  }
  revalidatePath(`/coop/products/${input.productId}/stock`);
  revalidatePath("/coop/stock");
  return { ok: true, status: 200, message: t("stock.threshold.saved", { threshold: result.threshold }) };
});
