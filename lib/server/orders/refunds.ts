import "server-only";
// A buyer's refund request and an admin's decision on it. Both take the order's row lock first, as every
// money path does (lifecycle.ts), so two requests sent at once open one refund, and a decision never pays back
// more than the order has left. The server actions are thin wrappers that turn these outcomes into messages.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { REFUNDABLE_STATUSES } from "@/lib/domain/checkout";
import { lockOrder, recordRefund } from "./lifecycle";

export type RequestRefundOutcome = "ok" | "notFound" | "notPaid" | "open";

/** The buyer asks for what is left of their paid order. One open request per order. */
export async function requestRefund(db: Db, input: { orderId: string; buyerId: string; reason: string }): Promise<RequestRefundOutcome> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx, input.orderId);
    const order = await tx.order.findFirst({
      where: { id: input.orderId, buyerId: input.buyerId },
      select: { id: true, status: true, totalFen: true, refundedFen: true, payments: { where: { status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED"] } }, select: { id: true }, take: 1 } },
    });
    if (!order) return "notFound";
    if (!(REFUNDABLE_STATUSES as readonly string[]).includes(order.status) || order.totalFen - order.refundedFen <= 0) return "notPaid";
    if (await tx.refund.count({ where: { orderId: order.id, status: { in: ["REQUESTED", "APPROVED"] } } })) return "open";
    await tx.refund.create({
      data: { orderId: order.id, paymentId: order.payments[0]?.id ?? null, amountFen: order.totalFen - order.refundedFen, items: [], reason: input.reason, requestedById: input.buyerId },
    });
    return "ok";
  });
}

export type DecideRefundOutcome =
  | { kind: "decided"; amountFen: number }
  | { kind: "notFound" }
  /** Another admin decided first. */
  | { kind: "taken" }
  /** The order has been refunded in full meanwhile (e.g. in Stripe's Dashboard). */
  | { kind: "nothingLeft" }
  /** Stripe refused or could not be reached: the request is back in the admin's list. */
  | { kind: "stripeFailed"; error: string };

/**
 * An admin approves or rejects a refund request. The decision is a conditional update from REQUESTED under the
 * order's lock, so two admins clicking at once decide once, and the amount is capped at what the order still
 * has. A Stripe payment (when Stripe is configured) is refunded through Stripe's refund API with one idempotency
 * key per refund; the request is APPROVED before Stripe is asked, so the charge.refunded webhook, which may
 * arrive before Stripe's answer does, finds it. Any other payment (a bank transfer) is refunded by the
 * operator's bank and recorded here, through the same recordRefund as Stripe's.
 */
export async function decideRefund(
  db: Db,
  stripe: Stripe | null,
  input: { refundId: string; decision: "approve" | "reject"; actorId: string },
  now = new Date(),
): Promise<DecideRefundOutcome> {
  const refund = await db.refund.findUnique({
    where: { id: input.refundId },
    select: { id: true, orderId: true, status: true, payment: { select: { method: true, stripePaymentIntentId: true } } },
  });
  if (!refund) return { kind: "notFound" };
  if (refund.status !== "REQUESTED") return { kind: "taken" };
  const intent = stripe && refund.payment?.method === "STRIPE" ? refund.payment.stripePaymentIntentId : null;
  const next = input.decision === "reject" ? ("REJECTED" as const) : intent ? ("APPROVED" as const) : ("SUCCEEDED" as const);

  const outcome = await db.$transaction(async (tx): Promise<DecideRefundOutcome> => {
    await lockOrder(tx, refund.orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: refund.orderId }, select: { totalFen: true, refundedFen: true } });
    const current = await tx.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { amountFen: true, status: true } });
    if (current.status !== "REQUESTED") return { kind: "taken" };
    // Refunds Stripe is still working on are not in refundedFen yet, but their money is spoken for.
    const inFlight = await tx.refund.aggregate({ where: { orderId: refund.orderId, id: { not: refund.id }, status: "APPROVED", recorded: false }, _sum: { amountFen: true } });
    const amountFen = Math.min(current.amountFen, order.totalFen - order.refundedFen - (inFlight._sum.amountFen ?? 0));
    if (next !== "REJECTED" && amountFen <= 0) return { kind: "nothingLeft" };
    const moved = await tx.refund.updateMany({
      where: { id: refund.id, status: "REQUESTED" },
      data: { status: next, decidedById: input.actorId, decidedAt: now, ...(next === "REJECTED" ? {} : { amountFen }), ...(next === "SUCCEEDED" ? { succeededAt: now } : {}) },
    });
    if (moved.count !== 1) return { kind: "taken" };
    if (next === "SUCCEEDED" && !(await recordRefund(tx, { orderId: refund.orderId, refundId: refund.id }, now))) {
      // Cannot happen under the lock with the capped amount; if it does, nothing of this decision is kept.
      throw new Error(`refund ${refund.id}: the order's refunded total did not grow`);
    }
    await audit(tx, { action: next === "REJECTED" ? "refund.rejected" : "refund.approved", actorId: input.actorId, entityType: "Refund", entityId: refund.id, metadata: { amountFen } });
    return { kind: "decided", amountFen };
  });
  if (outcome.kind !== "decided" || next !== "APPROVED" || !intent || !stripe) return outcome;

  try {
    const created = await stripe.refunds.create(
      { payment_intent: intent, amount: outcome.amountFen, metadata: { orderId: refund.orderId, refundId: refund.id } },
      // One key per refund request, whatever its amount: if an earlier try reached Stripe (its answer lost) and
      // the amount has changed since, Stripe refuses the new one rather than refunding twice, and the earlier
      // refund's own event settles the request.
      { idempotencyKey: `refund-${refund.id}` },
    );
    // Stripe's refund.created event may have arrived first and set it already.
    await db.refund.updateMany({ where: { id: refund.id, stripeRefundId: null }, data: { stripeRefundId: created.id } });
    return outcome;
  } catch (error) {
    // Back to the admin's list, unless Stripe's own event has meanwhile shown that the refund exists after all
    // (an answer lost on the way back): then the event has given the row its Stripe id, and it stays.
    console.error("stripe refund failed:", error);
    await db.refund.updateMany({ where: { id: refund.id, status: "APPROVED", stripeRefundId: null, recorded: false }, data: { status: "REQUESTED", decidedById: null, decidedAt: null } });
    return { kind: "stripeFailed", error: error instanceof Error ? error.message : "?" };
  }
}
