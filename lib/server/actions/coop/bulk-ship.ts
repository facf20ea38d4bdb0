"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { isCarrierCode } from "@/lib/domain/carriers";
import type { BulkShipState } from "@/lib/domain/fulfilment-report";
import { SHIPPING_CSV_LIMITS } from "@/lib/domain/shipping-csv";
import { db } from "@/lib/server/db";
import { bulkShip } from "@/lib/server/fulfilment/bulk-ship";
import { bulkReport } from "@/lib/server/fulfilment/reply";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({
  cooperativeId: recordId(),
  // A form with no file chosen still sends an empty one.
  file: z.instanceof(File, { message: "fulfilment.bulk.file.noFile" }).refine((f) => f.size > 0, "fulfilment.bulk.file.noFile"),
  defaultCarrier: text().trim().max(20).optional(),
});

/**
 * "Mark shipped" from a courier's pickup list (CSV: order number, carrier, tracking number). The file is read on
 * the server; a file too large, too long or without its columns is refused as a whole. Otherwise every row is
 * reported: shipped, unchanged, invalid (why) or refused (why), each valid row shipped in its own transaction.
 */
export const bulkShipAction = cooperativeAction(schema, async (input, { actor, t }): Promise<ActionState & BulkShipState> => {
  // Refused before the bytes are read (the request body itself is capped in next.config.js).
  if (input.file.size > SHIPPING_CSV_LIMITS.maxBytes) return { ok: false, status: 413, message: t("fulfilment.bulk.file.tooLarge") };
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const fallback = input.defaultCarrier && isCarrierCode(input.defaultCarrier) ? input.defaultCarrier : null;
  const result = await bulkShip(db, { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, actorId: actor.id }, bytes, fallback);
  const state = bulkReport(t, result);
  if (result.ok && result.rows.some((r) => r.outcome === "shipped")) revalidatePath("/coop/orders", "layout");
  return state;
});
