"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { confirmReceipt } from "@/lib/server/orders/delivery";
import { confirmReceiptSchema } from "@/lib/validation/after-sales";
import { userAction } from "../chain";

/** The buyer confirms a shipped parcel arrived (确认收货). Someone else's parcel is not found; nothing is written. */
export const confirmReceiptAction = userAction(confirmReceiptSchema, async ({ shipmentId }, { actor, t }) => {
  const outcome = await confirmReceipt(db, { buyerId: actor.id, organisationId: actor.organisation?.id, shipmentId });
  if (outcome === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (outcome === "notShipped") return { ok: false, status: 409, message: t("orders.parcel.notShipped") };
  revalidatePath("/account/orders", "layout");
  return { ok: true, status: 200, message: t("orders.parcel.received") };
});
