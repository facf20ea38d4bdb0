import "server-only";
// Stripe's webhook contract: at least once, in any order, signed. The signature is checked on the raw body;
// each event id is stored under a unique key in the same transaction as its effect, so a replay changes
// nothing; and each handler is written so that any order of arrival ends in the same state.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { cancelPendingOrder, lockOrder, markOrderPaid, recordRefund } from "./lifecycle";

export interface WebhookAnswer {
  status: number;
  body: { received: boolean; duplicate?: boolean; ignored?: string; error?: string };
}

/** Thrown when an event cannot be applied yet (e.g. a refund for a payment not seen yet): Stripe retries. */
class RetryLater extends Error {}

const orderIdOf = (session: Stripe.Checkout.Session) => session.metadata?.orderId ?? session.client_reference_id ?? null;

async function apply(tx: Prisma.TransactionClient, event: Stripe.Event): Promise<string | null> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const orderId = orderIdOf(session);
      if (!orderId || !(await tx.order.findUnique({ where: { id: orderId }, select: { id: true } }))) return "unknown order";
      // A completed session whose payment is still processing (e.g. a delayed method) is paid by the
      // async_payment_succeeded event later.
      if (session.payment_status !== "paid") return "awaiting asynchronous payment";
      if (session.currency !== "cny") {
        console.error(`stripe: session ${session.id} was paid in ${session.currency}, not cny`);
        return "wrong currency";
      }
      const outcome = await markOrderPaid(tx, {
        orderId,
        method: "STRIPE",
        amountFen: session.amount_total ?? -1,
        stripeCheckoutSessionId: session.id,
        stripePaymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
      });
      if (outcome === "amountMismatch") console.error(`stripe: amount of session ${session.id} does not match order ${orderId}`);
      return outcome === "paid" ? null : outcome;
    }
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const orderId = orderIdOf(event.data.object);
      if (!orderId) return "unknown order";
      const cancelled = await cancelPendingOrder(tx, orderId, event.type === "checkout.session.expired" ? "expired" : "paymentFailed");
      return cancelled ? null : "order not pending";
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const intent = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
      const payment = intent ? await tx.payment.findUnique({ where: { stripePaymentIntentId: intent }, select: { id: true, orderId: true, amountFen: true } }) : null;
      if (!payment) {
        if (charge.metadata?.orderId || intent) throw new RetryLater(`refund for payment intent ${intent} arrived before its payment`);
        return "unknown payment";
      }
      // amount_refunded is the charge's running total, so applying it is the same whatever the order of events.
      const refundedFen = Math.min(charge.amount_refunded, payment.amountFen);
      // The order's lock before any refund row, in the same order as an admin's decision takes them.
      await lockOrder(tx, payment.orderId);
      for (const r of charge.refunds?.data ?? []) {
        if (r.status === "succeeded") await tx.refund.updateMany({ where: { stripeRefundId: r.id, status: "APPROVED" }, data: { status: "SUCCEEDED", succeededAt: new Date() } });
      }
      // The order's refunded total and the ledger's reversal follow the charge's running total: an older event
      // arriving after a newer one changes nothing.
      const grew = await recordRefund(tx, { orderId: payment.orderId, refundedTotalFen: refundedFen, paymentId: payment.id });
      return grew ? null : "refunded total unchanged";
    }
    case "refund.created":
    case "refund.updated": {
      // The refund's own status, for a refund an admin approved here (charge.refunded moves the money).
      const refund = event.data.object;
      const appId = refund.metadata?.refundId;
      const ours = { OR: [{ stripeRefundId: refund.id }, ...(appId ? [{ id: appId }] : [])] };
      const row = await tx.refund.findFirst({ where: ours, select: { orderId: true } });
      if (!row) return "not a refund of this shop's";
      // Under the order's lock, like every other change to its refunds: charge.refunded crediting this refund
      // and this event closing it cannot interleave.
      await lockOrder(tx, row.orderId);
      if (refund.status === "failed" || refund.status === "canceled") {
        // The money never left (or came back): the request is closed as failed, the buyer may ask again.
        // A refund whose money was already counted is left alone: Stripe does not fail a refund it paid out.
        const failed = await tx.refund.updateMany({ where: { ...ours, status: { in: ["APPROVED", "SUCCEEDED"] }, recorded: false }, data: { status: "FAILED", stripeRefundId: refund.id } });
        return failed.count > 0 ? null : `no open refund to fail (${refund.status})`;
      }
      if (refund.status !== "succeeded") return `refund ${refund.status}`;
      const updated = await tx.refund.updateMany({ where: { ...ours, status: "APPROVED" }, data: { status: "SUCCEEDED", succeededAt: new Date(), stripeRefundId: refund.id } });
      return updated.count > 0 ? null : "no approved refund to update";
    }
    default:
      return `unhandled event type ${event.type}`;
  }
}

export async function processStripeEvent(db: Db, event: Stripe.Event): Promise<WebhookAnswer> {
  try {
    const ignored = await db.$transaction(async (tx) => {
      // The event id's unique key: a second delivery fails here and rolls back, changing nothing.
      await tx.webhookEvent.create({ data: { id: event.id, type: event.type, processedAt: new Date() } });
      return apply(tx, event);
    });
    if (ignored) console.info(`stripe webhook ${event.id} (${event.type}): ${ignored}`);
    return { status: 200, body: { received: true, ...(ignored ? { ignored } : {}) } };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: 200, body: { received: true, duplicate: true } };
    if (error instanceof RetryLater) return { status: 409, body: { received: false, error: error.message } };
    throw error;
  }
}

/** Verifies the signature on the raw body; 400 when it does not match. */
export async function handleStripeWebhook(db: Db, stripe: Stripe, rawBody: string, signature: string | null, secret: string): Promise<WebhookAnswer> {
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret);
  } catch (error) {
    return { status: 400, body: { received: false, error: error instanceof Error ? error.message : "bad signature" } };
  }
  return processStripeEvent(db, event);
}
