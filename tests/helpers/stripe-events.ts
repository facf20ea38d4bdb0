// Stripe webhook payloads as Stripe sends them (an `event` envelope around a Checkout Session or a Charge),
// and their deliveries signed by the real SDK, for tests of the webhook handler. Only the fields Stripe
// always sends, plus those the shop reads; everything in integer fen (CNY's minor unit).
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

/** The API version the installed SDK speaks; Stripe stamps it on every event. */
export const API_VERSION = "2026-10-28.endive";

export interface StripeEventPayload {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** What a Checkout Session opened for an order carries (see lib/server/orders/stripe-checkout.ts). */
export interface SessionRef {
  orderId: string;
  orderNumber?: string;
  /** The session's amount_total, in fen. */
  amountFen: number;
  sessionId?: string;
  paymentIntentId?: string;
  currency?: string;
}

export interface EventOptions {
  /** Defaults to a random evt_ id. */
  id?: string;
  /** Unix seconds; defaults to now. */
  created?: number;
}

const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function event(type: string, object: Record<string, unknown>, opts: EventOptions = {}, previous?: Record<string, unknown>): StripeEventPayload {
  return {
    id: opts.id ?? randomId("evt_test"),
    object: "event",
    api_version: API_VERSION,
    created: opts.created ?? nowSeconds(),
    data: { object, ...(previous ? { previous_attributes: previous } : {}) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

/** Fills a ref's ids once, so every event of one payment names the same session and PaymentIntent. */
export function sessionRef(ref: SessionRef): Required<SessionRef> {
  return {
    orderId: ref.orderId,
    amountFen: ref.amountFen,
    orderNumber: ref.orderNumber ?? "",
    sessionId: ref.sessionId ?? randomId("cs_test"),
    paymentIntentId: ref.paymentIntentId ?? randomId("pi_test"),
    currency: ref.currency ?? "cny",
  };
}

type SessionState = { status: "open" | "complete" | "expired"; payment_status: "paid" | "unpaid" | "no_payment_required"; withIntent: boolean };

function checkoutSession(ref: SessionRef, state: SessionState): Record<string, unknown> {
  const r = sessionRef(ref);
  const created = nowSeconds() - 60;
  return {
    id: r.sessionId,
    object: "checkout.session",
    amount_subtotal: r.amountFen,
    amount_total: r.amountFen,
    cancel_url: `http://127.0.0.1:3000/account/orders/${r.orderId}`,
    client_reference_id: r.orderId,
    created,
    currency: r.currency,
    customer: null,
    customer_details: state.status === "complete" ? { email: "buyer@example.test", name: null, phone: null, tax_exempt: "none" } : null,
    customer_email: "buyer@example.test",
    expires_at: created + 35 * 60,
    livemode: false,
    locale: "zh",
    metadata: { orderId: r.orderId, ...(r.orderNumber ? { orderNumber: r.orderNumber } : {}) },
    mode: "payment",
    payment_intent: state.withIntent ? r.paymentIntentId : null,
    payment_method_types: ["card", "wechat_pay"],
    payment_status: state.payment_status,
    status: state.status,
    success_url: `http://127.0.0.1:3000/account/orders/${r.orderId}?paid=1`,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    url: null,
  };
}

/** checkout.session.completed: `paid` for cards and wallets; `unpaid` for a delayed method still processing. */
export function sessionCompleted(ref: SessionRef, paymentStatus: "paid" | "unpaid", opts?: EventOptions): StripeEventPayload {
  return event("checkout.session.completed", checkoutSession(ref, { status: "complete", payment_status: paymentStatus, withIntent: true }), opts);
}

export function sessionAsyncPaymentSucceeded(ref: SessionRef, opts?: EventOptions): StripeEventPayload {
  return event("checkout.session.async_payment_succeeded", checkoutSession(ref, { status: "complete", payment_status: "paid", withIntent: true }), opts);
}

export function sessionAsyncPaymentFailed(ref: SessionRef, opts?: EventOptions): StripeEventPayload {
  return event("checkout.session.async_payment_failed", checkoutSession(ref, { status: "complete", payment_status: "unpaid", withIntent: true }), opts);
}

export function sessionExpired(ref: SessionRef, opts?: EventOptions): StripeEventPayload {
  return event("checkout.session.expired", checkoutSession(ref, { status: "expired", payment_status: "unpaid", withIntent: false }), opts);
}

export interface ChargeRefundedInput {
  paymentIntentId: string;
  /** The charge's amount, in fen. */
  amountFen: number;
  /** The charge's running total of refunds, in fen (Stripe sends the total, not this refund's amount). */
  amountRefundedFen: number;
  chargeId?: string;
  /** Charges do not inherit the PaymentIntent's metadata; empty unless given. */
  metadata?: Record<string, string>;
  /**
   * The refunds to list on the charge. Since API version 2022-11-15 Stripe no longer expands `refunds` on a
   * charge, so by default the field is absent, as in a real event.
   */
  refunds?: { id: string; amountFen: number; status?: "succeeded" | "pending" | "failed" }[];
}

/** charge.refunded, sent for each refund (partial or full) of a charge. */
export function chargeRefunded(input: ChargeRefundedInput, opts?: EventOptions): StripeEventPayload {
  const chargeId = input.chargeId ?? `ch_${input.paymentIntentId.replace(/^pi_/, "")}`;
  const charge: Record<string, unknown> = {
    id: chargeId,
    object: "charge",
    amount: input.amountFen,
    amount_captured: input.amountFen,
    amount_refunded: input.amountRefundedFen,
    captured: true,
    created: nowSeconds() - 120,
    currency: "cny",
    disputed: false,
    livemode: false,
    metadata: input.metadata ?? {},
    paid: true,
    payment_intent: input.paymentIntentId,
    refunded: input.amountRefundedFen >= input.amountFen,
    status: "succeeded",
  };
  if (input.refunds) {
    charge["refunds"] = {
      object: "list",
      data: input.refunds.map((r) => ({
        id: r.id,
        object: "refund",
        amount: r.amountFen,
        charge: chargeId,
        currency: "cny",
        payment_intent: input.paymentIntentId,
        status: r.status ?? "succeeded",
      })),
      has_more: false,
      total_count: input.refunds.length,
      url: `/v1/charges/${chargeId}/refunds`,
    };
  }
  return event("charge.refunded", charge, opts, { amount_refunded: 0, refunded: false });
}

export interface SignedDelivery {
  /** The raw body, exactly as signed. */
  rawBody: string;
  /** The Stripe-Signature header. */
  signature: string;
}

const signer = new Stripe("sk_test_unused_for_signing");

/** A delivery as Stripe makes it: the JSON body and its `t=…,v1=…` signature, made by the real SDK. */
export function signedDelivery(payload: StripeEventPayload | string, secret: string, timestamp?: number): SignedDelivery {
  const rawBody = typeof payload === "string" ? payload : JSON.stringify(payload, null, 2);
  const signature = signer.webhooks.generateTestHeaderString({ payload: rawBody, secret, ...(timestamp !== undefined ? { timestamp } : {}) });
  return { rawBody, signature };
}
