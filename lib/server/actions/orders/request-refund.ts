"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { requestRefund } from "@/lib/server/orders/refunds";
import { refundRequestSchema } from "@/lib/validation/checkout";
import { userAction } from "../chain";

/** The buyer asks for a refund of what is left of a paid order; an admin decides. */
export const requestRefundAction = userAction(refundRequestSchema, async ({ orderId, reason }, { actor, t }) => {
  const outcome = await requestRefund(db, { orderId, buyerId: actor.id, reason });
  if (outcome === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (outcome === "notPaid") return { ok: false, status: 409, message: t("orders.notPaid") };
  if (outcome === "open") return { ok: false, status: 409, message: t("orders.refundOpen") };
  revalidatePath(`/account/orders/${orderId}`);
  return { ok: true, status: 200, message: t("orders.refundRequested") };
});
