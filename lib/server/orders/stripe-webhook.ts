import "server-only";
// Stripe's webhook contract: at least once, in any order, signed. The signature is checked on the raw body;
// each event id is stored under a unique key in the same transaction as its effect, so a replay changes
// nothing; and each handler is written so that any order of arrival ends in the same state.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import type { StripeRefundEvent } from "@/lib/domain/order-state";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/server/log";
import { cancelPendingOrder, markOrderPaid } from "./lifecycle";
import { recordRefund } from "./refunds";

export interface WebhookAnswer {
  status: number;
  body: { received: boolean; duplicate?: boolean; ignored?: string; error?: string };
}

/** Thrown when an event cannot be applied yet (e.g. a refund for a payment not seen yet): Stripe retries. */
class RetryLater extends Error {}

/** Thrown when the event id is already stored: a replay. */
class Duplicate extends Error {}

const orderIdOf = (session: Stripe.Checkout.Session) => session.metadata?.orderId ?? session.client_reference_id ?? null;

/**
 * What a Stripe refund's status says of it in the shop's terms: pending (money promised: counted), succeeded, or
 * failed (failed and canceled are final); null for any other status, which changes nothing. A refund listed
 * with no status is pending.
 */
function stripeRefundEvent(status: string | null | undefined): StripeRefundEvent | null {
  switch (status ?? "pending") {
    case "pending":
    case "requires_action":
      return "stripePending";
    case "succeeded":
      return "stripeSucceeded";
    case "failed":
    case "canceled":
      return "stripeFailed";
    default:
      return null;
  }
}

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
        log.error({ eventId: event.id, sessionId: session.id, orderId, currency: session.currency }, "stripe: session paid in a currency other than cny");
        return "wrong currency";
      }
      const outcome = await markOrderPaid(tx, {
        orderId,
        method: "STRIPE",
        amountFen: session.amount_total ?? -1,
        stripeCheckoutSessionId: session.id,
        stripePaymentIntentId: typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null),
      });
      if (outcome === "amountMismatch") log.error({ eventId: event.id, sessionId: session.id, orderId, amountFen: session.amount_total }, "stripe: session amount does not match the order");
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
      const at = new Date(event.created * 1000);
      // When the charge lists its refunds (older API versions, or an expanded object), each is a fact of its own.
      for (const r of charge.refunds?.data ?? []) {
        await recordRefund(tx, { orderId: payment.orderId, stripeRefund: { id: r.id, amountFen: r.amount, event: stripeRefundEvent(r.status), refundId: r.metadata?.refundId ?? null, paymentId: payment.id, at } });
      }
      // amount_refunded is the charge's running total: what no refund explains yet is counted, and an older
      // event arriving after a newer one changes nothing.
      const grew = await recordRefund(tx, { orderId: payment.orderId, chargeRefundedFen: Math.min(charge.amount_refunded, payment.amountFen), paymentId: payment.id, asOf: at });
      return grew ? null : "refunded total unchanged";
    }
    case "refund.created":
    case "refund.updated": {
      // One refund and its fate (pending, succeeded, failed, canceled), whoever made it: the shop's request
      // (metadata.refundId) or the operator in Stripe's Dashboard.
      const refund = event.data.object;
      const intent = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id;
      const payment = intent ? await tx.payment.findUnique({ where: { stripePaymentIntentId: intent }, select: { id: true, orderId: true } }) : null;
      if (!payment) {
        if (refund.metadata?.orderId || intent) throw new RetryLater(`refund ${refund.id} arrived before its payment`);
        return "unknown payment";
      }
      const changed = await recordRefund(tx, {
        orderId: payment.orderId,
        stripeRefund: { id: refund.id, amountFen: refund.amount, event: stripeRefundEvent(refund.status), refundId: refund.metadata?.refundId ?? null, paymentId: payment.id, at: new Date(event.created * 1000) },
      });
      return changed ? null : `refund ${refund.status}: refunded total unchanged`;
    }
    default:
      return `unhandled event type ${event.type}`;
  }
}

export async function processStripeEvent(db: Db, event: Stripe.Event): Promise<WebhookAnswer> {
  try {
    const ignored = await db.$transaction(async (tx) => {
      // The event id's unique key: a second delivery fails here and rolls back, changing nothing.
      try {
        await tx.webhookEvent.create({ data: { id: event.id, type: event.type, processedAt: new Date() } });
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new Duplicate();
        throw error;
      }
      return apply(tx, event);
    });
    if (ignored) log.info({ eventId: event.id, eventType: event.type, ignored }, "stripe webhook: event ignored");
    return { status: 200, body: { received: true, ...(ignored ? { ignored } : {}) } };
  } catch (error) {
    // Any other unique-key failure (say, two writers of one ledger entry) is an error: Stripe delivers again.
    if (error instanceof Duplicate) return { status: 200, body: { received: true, duplicate: true } };
    if (error instanceof RetryLater) return { status: 409, body: { received: false, error: error.message } };
    throw error;
  }
}

/** Stripe's default tolerance, applied both ways: constructEvent only refuses signatures dated in the past. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The signature header's timestamp (`t=`), read as Stripe's own parser does (the last `t` wins); null if none. */
function signedAt(signature: string): number | null {
  let t: number | null = null;
  for (const part of signature.split(",")) {
    const [key, value] = part.split("=");
    if (key?.trim() === "t" && value !== undefined) t = /^\d{1,12}$/.test(value.trim()) ? Number(value.trim()) : null;
  }
  return t;
}

/** A signed body is still only bytes: an event is a JSON object with a string id and type and a data object. */
function isEventShaped(value: unknown): value is Stripe.Event {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as { id?: unknown; type?: unknown; data?: unknown; created?: unknown };
  const data = v.data as { object?: unknown } | null | undefined;
  return (
    typeof v.id === "string" && v.id.length > 0 && v.id.length <= 255 && !v.id.includes("\u0000") &&
    typeof v.type === "string" && typeof v.created === "number" &&
    typeof data === "object" && data !== null && typeof data.object === "object" && data.object !== null
  );
}

/**
 * Verifies the signature on the raw body and its date (at most WEBHOOK_TOLERANCE_SECONDS old or ahead); 400 when
 * either fails or when the signed body is not an event (`[]`, `null`): Stripe would retry a 500 forever.
 */
export async function handleStripeWebhook(
  db: Db,
  stripe: Stripe,
  rawBody: string,
  signature: string | null,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<WebhookAnswer> {
  let event: unknown;
  try {
    if (!signature) throw new Error("missing Stripe-Signature header");
    event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret, WEBHOOK_TOLERANCE_SECONDS);
    const t = signedAt(signature);
    if (t === null || t - nowSeconds > WEBHOOK_TOLERANCE_SECONDS) throw new Error("signature timestamp is in the future");
  } catch (error) {
    return { status: 400, body: { received: false, error: error instanceof Error ? error.message : "bad signature" } };
  }
  if (!isEventShaped(event)) return { status: 400, body: { received: false, error: "the body is not a Stripe event" } };
  return processStripeEvent(db, event);
}
