"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parseUnits, STOCK_REASONS } from "@/lib/domain/stock";
import { db } from "@/lib/server/db";
import { adjustStock, stockRefusalMessage } from "@/lib/server/listings/stock";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({
  cooperativeId: recordId(),
  productId: recordId(),
  reason: z.enum(STOCK_REASONS, "stock.errors.reason"),
  units: text().max(20, "stock.units.notWholeNumber"),
  note: text({ multiline: true }).trim().max(200, "stock.errors.noteTooLong").default(""),
});

/**
 * A manager records stock received (入库), written off (损耗) or counted (盘点) for a product of their cooperative.
 * Refused, with nothing written, for a product of another cooperative (404), an archived product, a count below
 * what unpaid orders hold, or a write-off above the stock on sale.
 */
export const adjustStockAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const values = { reason: input.reason, units: input.units, note: input.note };
  const units = parseUnits(input.units);
  if (!units.ok) return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { units: t(`stock.units.${units.reason}`) }, values };
  const result = await adjustStock(db, {
    scope: { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId },
    productId: input.productId,
    reason: input.reason,
    units: units.value,
    note: input.note,
    actorId: actor.id,
  });
  if (!result.ok) {
    if (result.code !== "refused") {
      return result.code === "notFound" ? { ok: false, status: 404, message: t("errors.notFoundTitle") } : { ok: false, status: 409, message: t("stock.errors.archived") };
    }
    const message = stockRefusalMessage(t, result);
    return { ok: false, status: 409, message, fieldErrors: { units: message }, values };
  }
  productsChanged([input.productId]);
  revalidatePath(`/coop/products/${input.productId}/stock`);
  return { ok: true, status: 200, message: t("stock.saved", { stock: result.stockAfter }) };
});
