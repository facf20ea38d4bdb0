"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isBatchQuantity, MAX_BATCH_NOTE, normalizeLotNumber, parseProductionDate } from "@/lib/domain/batch";
import { parseUnits } from "@/lib/domain/stock";
import { db } from "@/lib/server/db";
import { createBatch } from "@/lib/server/listings/batches";
import { stockRefusalMessage } from "@/lib/server/listings/stock";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({
  cooperativeId: recordId(),
  productId: recordId(),
  lotNumber: text().max(60, "batches.errors.lotInvalid"),
  productionDate: text().max(20, "batches.errors.dateInvalid"),
  quantity: text().max(20, "stock.units.notWholeNumber"),
  noteZh: text({ multiline: true }).trim().max(MAX_BATCH_NOTE, "batches.errors.noteTooLong").default(""),
  noteEn: text({ multiline: true }).trim().max(MAX_BATCH_NOTE, "batches.errors.noteTooLong").default(""),
  receive: z.literal("on").optional(),
});

/**
 * A manager records a production batch of a product of their cooperative; it gets a trace code for its public
 * origin page. With "received" ticked, its quantity is also booked as stock received, in the same transaction.
 * Refused with nothing written: another cooperative's product (404), an archived product, a lot number the
 * product already has, a production date in the future or decades ago, a quantity that is not a whole number.
 */
export const createBatchAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const values: Record<string, string> = {
    lotNumber: input.lotNumber,
    productionDate: input.productionDate,
    quantity: input.quantity,
    noteZh: input.noteZh,
    noteEn: input.noteEn,
    ...(input.receive ? { receive: "on" } : {}),
  };
  const fieldErrors: Record<string, string> = {};
  const lot = normalizeLotNumber(input.lotNumber);
  if (!lot.ok) fieldErrors.lotNumber = t(lot.reason === "required" ? "batches.errors.lotRequired" : "batches.errors.lotInvalid");
  const date = parseProductionDate(input.productionDate, new Date());
  if (!date.ok) fieldErrors.productionDate = t(`batches.errors.date.${date.reason}`);
  const quantity = parseUnits(input.quantity);
  if (!quantity.ok) fieldErrors.quantity = t(`stock.units.${quantity.reason}`);
  else if (!isBatchQuantity(quantity.value)) fieldErrors.quantity = t("stock.refusal.zeroUnits");
  if (!lot.ok || !date.ok || !quantity.ok || Object.keys(fieldErrors).length > 0) return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors, values };

  const result = await createBatch(db, {
    scope: { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId },
    productId: input.productId,
    lotNumber: lot.value,
    productionDay: date.day,
    quantity: quantity.value,
    noteZh: input.noteZh,
    noteEn: input.noteEn,
    receive: input.receive === "on",
    actorId: actor.id,
  });
  if (!result.ok) {
    switch (result.code) {
      case "notFound":
        return { ok: false, status: 404, message: t("errors.notFoundTitle") };
      case "archived":
        return { ok: false, status: 409, message: t("stock.errors.archived") };
      case "duplicateLot": {
        const message = t("batches.errors.lotTaken", { lot: lot.value });
        return { ok: false, status: 409, message, fieldErrors: { lotNumber: message }, values };
      }
      case "refused": {
        const message = stockRefusalMessage(t, result);
        return { ok: false, status: 409, message, fieldErrors: { quantity: message }, values };
      }
    }
  }
  if (result.stockAfter !== null) productsChanged([input.productId]);
  revalidatePath(`/coop/products/${input.productId}/batches`);
  revalidatePath(`/coop/products/${input.productId}/stock`);
  return { ok: true, status: 200, message: t("batches.created", { lot: lot.value, code: result.traceCode }) };
});
