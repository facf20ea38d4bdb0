"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { packShipment } from "@/lib/server/fulfilment/ship";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";
import { fulfilmentReply } from "@/lib/server/fulfilment/reply";

const schema = z.object({ cooperativeId: recordId(), shipmentId: recordId() });

/** A manager marks one of the cooperative's shipments packed. Another cooperative's shipment: 404, nothing written. */
export const packShipmentAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const outcome = await packShipment(db, { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, shipmentId: input.shipmentId, actorId: actor.id });
  if (outcome.kind === "done") revalidatePath("/coop/orders", "layout");
  return fulfilmentReply(t, outcome, "packed", { shipmentId: input.shipmentId });
});
