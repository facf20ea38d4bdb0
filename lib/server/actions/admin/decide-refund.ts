"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { decideRefundSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/**
 * An admin approves or rejects a refund request. A Stripe payment is refunded through Stripe's API (one
 * idempotency key per refund, so a retried click refunds once); the charge.refunded webhook then records it.
 * A bank-transfer payment is refunded by the operator's bank and recorded here.
 */
export const decideRefundAction = roleAction(["ADMIN"], decideRefundSchema, async ({ refundId, decision }, { actor, t }) => {
  const refund = await db.refund.findFirst({
    where: { id: refundId, status: "REQUESTED" },
    select: { id: true, orderId: true, amountFen: true, payment: { select: { method: true, stripePaymentIntentId: true } }, order: { select: { totalFen: true, refundedFen: true } } },
  });
  if (!refund) return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (decision === "reject") {
    await db.$transaction(async (tx) => {
      await tx.refund.update({ where: { id: refund.id }, data: { status: "REJECTED", decidedById: actor.id, decidedAt: new Date() } });
      await audit(tx, { action: "refund.rejected", actorId: actor.id, entityType: "Refund", entityId: refund.id });
    });
    revalidatePath("/admin/refunds");
    return { ok: true, status: 200, message: t("admin.refundRejected") };
  }
  const config = stripeConfig();
  if (refund.payment?.method === "STRIPE" && refund.payment.stripePaymentIntentId && config) {
    try {
      const created = await stripeClient(config).refunds.create(
        { payment_intent: refund.payment.stripePaymentIntentId, amount: refund.amountFen, metadata: { orderId: refund.orderId, refundId: refund.id } },
        { idempotencyKey: `refund-${refund.id}` },
      );
      await db.$transaction(async (tx) => {
        await tx.refund.update({ where: { id: refund.id }, data: { status: "APPROVED", stripeRefundId: created.id, decidedById: actor.id, decidedAt: new Date() } });
        await audit(tx, { action: "refund.approved", actorId: actor.id, entityType: "Refund", entityId: refund.id, metadata: { stripeRefundId: created.id } });
      });
    } catch (error) {
      console.error("stripe refund failed:", error);
      return { ok: false, status: 502, message: t("admin.refundFailed", { error: error instanceof Error ? error.message : "?" }) };
    }
  } else {
    await db.$transaction(async (tx) => {
      const refundedFen = Math.min(refund.order.totalFen, refund.order.refundedFen + refund.amountFen);
      await tx.refund.update({ where: { id: refund.id }, data: { status: "SUCCEEDED", decidedById: actor.id, decidedAt: new Date(), succeededAt: new Date() } });
      await tx.order.update({ where: { id: refund.orderId }, data: { refundedFen, ...(refundedFen >= refund.order.totalFen ? { status: "REFUNDED" as const } : {}) } });
      await audit(tx, { action: "refund.approved", actorId: actor.id, entityType: "Refund", entityId: refund.id });
    });
  }
  revalidatePath("/admin/refunds");
  return { ok: true, status: 200, message: t("admin.refundApproved") };
});
