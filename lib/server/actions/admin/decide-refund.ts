"use server";
import { revalidatePath } from "next/cache";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { recordRefund } from "@/lib/server/orders/lifecycle";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { decideRefundSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/**
 * An admin approves or rejects a refund request. Each decision is a conditional update from REQUESTED, so two
 * admins clicking at once decide once. A Stripe payment is refunded through Stripe's API (one idempotency key
 * per refund, so a retried click refunds once); the request is APPROVED before Stripe is asked, so the
 * charge.refunded webhook, which may arrive before Stripe's answer does, finds it. A bank-transfer payment is
 * refunded by the operator's bank and recorded here, through the same recordRefund as Stripe's.
 */
export const decideRefundAction = roleAction(["ADMIN"], decideRefundSchema, async ({ refundId, decision }, { actor, t }) => {
  const refund = await db.refund.findFirst({
    where: { id: refundId, status: "REQUESTED" },
    select: { id: true, orderId: true, amountFen: true, payment: { select: { method: true, stripePaymentIntentId: true } } },
  });
  if (!refund) return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  const decided = { decidedById: actor.id, decidedAt: new Date() };
  const config = stripeConfig();
  const viaStripe = refund.payment?.method === "STRIPE" && refund.payment.stripePaymentIntentId && config ? refund.payment.stripePaymentIntentId : null;
  const next = decision === "reject" ? ("REJECTED" as const) : viaStripe ? ("APPROVED" as const) : ("SUCCEEDED" as const);

  const won = await db.$transaction(async (tx) => {
    const moved = await tx.refund.updateMany({ where: { id: refund.id, status: "REQUESTED" }, data: { status: next, ...decided, ...(next === "SUCCEEDED" ? { succeededAt: new Date() } : {}) } });
    if (moved.count !== 1) return false;
    if (next === "SUCCEEDED") await recordRefund(tx, { orderId: refund.orderId, addFen: refund.amountFen, refundId: refund.id });
    await audit(tx, { action: decision === "reject" ? "refund.rejected" : "refund.approved", actorId: actor.id, entityType: "Refund", entityId: refund.id });
    return true;
  });
  if (!won) return { ok: false, status: 409, message: t("admin.refundDecided") };

  if (viaStripe && config) {
    try {
      const created = await stripeClient(config).refunds.create(
        { payment_intent: viaStripe, amount: refund.amountFen, metadata: { orderId: refund.orderId, refundId: refund.id } },
        { idempotencyKey: `refund-${refund.id}` },
      );
      await db.refund.update({ where: { id: refund.id }, data: { stripeRefundId: created.id } });
    } catch (error) {
      // Stripe refused or could not be reached: the request goes back to the admin's list, to try again.
      console.error("stripe refund failed:", error);
      await db.refund.updateMany({ where: { id: refund.id, status: "APPROVED", stripeRefundId: null }, data: { status: "REQUESTED", decidedById: null, decidedAt: null } });
      return { ok: false, status: 502, message: t("admin.refundFailed", { error: error instanceof Error ? error.message : "?" }) };
    }
  }
  revalidatePath("/admin/refunds");
  return { ok: true, status: 200, message: t(decision === "reject" ? "admin.refundRejected" : "admin.refundApproved") };
});
