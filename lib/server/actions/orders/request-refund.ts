"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { refundRequestSchema } from "@/lib/validation/checkout";
import { userAction } from "../chain";

/** The buyer asks for a refund of what is left of a paid order; an admin decides. */
export const requestRefundAction = userAction(refundRequestSchema, async ({ orderId, reason }, { actor, t }) => {
  const outcome = await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({
      where: { id: orderId, buyerId: actor.id },
      select: { id: true, status: true, totalFen: true, refundedFen: true, payments: { where: { status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } }, select: { id: true }, take: 1 } },
    });
    if (!order) return "notFound" as const;
    if (!["PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED"].includes(order.status) || order.totalFen - order.refundedFen <= 0) return "notPaid" as const;
    if (await tx.refund.count({ where: { orderId, status: { in: ["REQUESTED", "APPROVED"] } } })) return "open" as const;
    await tx.refund.create({
      data: { orderId, paymentId: order.payments[0]?.id ?? null, amountFen: order.totalFen - order.refundedFen, items: [], reason, requestedById: actor.id },
    });
    return "ok" as const;
  });
  if (outcome === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (outcome === "notPaid") return { ok: false, status: 409, message: t("orders.notPaid") };
  if (outcome === "open") return { ok: false, status: 409, message: t("orders.refundOpen") };
  revalidatePath(`/account/orders/${orderId}`);
  return { ok: true, status: 200, message: t("orders.refundRequested") };
});
