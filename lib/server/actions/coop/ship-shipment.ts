"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { carrierLabel, carrierOf, isCarrierCode, validateTracking } from "@/lib/domain/carriers";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { shipShipment } from "@/lib/server/fulfilment/ship";
import { fulfilmentReply } from "@/lib/server/fulfilment/reply";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";

const schema = z.object({
  cooperativeId: recordId(),
  shipmentId: recordId(),
  carrier: text().trim().max(20),
  carrierName: text().max(100).optional(),
  trackingNumber: text().max(100),
});

/**
 * A manager ships one of the cooperative's shipments with a carrier from the list and a tracking number in that
 * carrier's format. Refused (nothing written) for another cooperative's shipment (404), an order refunded,
 * cancelled or with an open refund request (409); the same carrier and number again changes nothing.
 */
export const shipShipmentAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const values = { shipmentId: input.shipmentId, carrier: input.carrier, carrierName: input.carrierName ?? "", trackingNumber: input.trackingNumber };
  if (!isCarrierCode(input.carrier)) {
    return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { carrier: t("fulfilment.tracking.unknownCarrier") }, values };
  }
  const tracking = validateTracking(input.carrier, input.trackingNumber, input.carrierName);
  if (!tracking.ok) {
    const locale = await getLocale();
    const message = t(`fulfilment.tracking.${tracking.error}`, { carrier: carrierLabel(input.carrier, locale), example: carrierOf(input.carrier).example });
    return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { [tracking.field]: message }, values };
  }
  const outcome = await shipShipment(db, {
    cooperativeIds: actor.cooperativeIds,
    cooperativeId: input.cooperativeId,
    shipmentId: input.shipmentId,
    actorId: actor.id,
    carrier: tracking.carrier,
    carrierName: tracking.carrierName,
    trackingNumber: tracking.trackingNumber,
  });
  if (outcome.kind === "done") revalidatePath("/coop/orders", "layout");
  return fulfilmentReply(t, outcome, "shipped", values);
});
