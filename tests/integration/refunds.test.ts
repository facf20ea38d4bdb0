// Refund requests and decisions on a real database, with Stripe's API played by a local HTTP server and Stripe's
// events signed by the real SDK: requests sent at once open one refund, decisions made at once decide once, a
// decision never pays back more than the order has left, money refunded in Stripe's Dashboard is never credited
// to someone else's request, a refund Stripe fails closes the request, and the payment's status follows the
// money on every path. After every story the ledger reconciles.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/server/ledger/check";
import { markOrderPaid, REFUNDED_IN_STRIPE } from "@/lib/server/orders/lifecycle";
import { decideRefund, requestRefund } from "@/lib/server/orders/refunds";
import { handleStripeWebhook } from "@/lib/server/orders/stripe-webhook";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startFakeStripe, stripeFor, type FakeStripe } from "../helpers/fake-stripe";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";
import { chargeRefunded, event, sessionCompleted, sessionRef, signedDelivery, type StripeEventPayload } from "../helpers/stripe-events";

const SECRET = "whsec_refunds_integration_secret";
const verifier = new Stripe("sk_test_never_used");

let t: TestDatabase;
let db: Db;
let fake: FakeStripe;
let stripe: Stripe;
let admin: string;
let lines: [string, number][];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  t = await createTestDatabase("shop_refunds");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  fake = await startFakeStripe();
  stripe = stripeFor(fake);
  admin = (await db.user.create({ data: { email: "refund-admin@example.test", role: "ADMIN" }, select: { id: true } })).id;
  lines = [
    [await productIdOf(db, "nanhongcheng-sweet-red"), 1],
    [await productIdOf(db, "hongnancheng-hawthorn-canned"), 2],
  ];
});

afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

async function deliver(payload: StripeEventPayload): Promise<void> {
  const { rawBody, signature } = signedDelivery(payload, SECRET);
  const answer = await handleStripeWebhook(db, verifier, rawBody, signature, SECRET);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

async function paidBankOrder(): Promise<PlacedTestOrder> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "refunds");
  const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TXRF-${o.number}` }));
  expect(outcome).toBe("paid");
  return o;
}

async function paidStripeOrder(): Promise<PlacedTestOrder & { intent: string }> {
  const o = await placeTestOrder(db, "STRIPE", lines, "refunds");
  const ref = sessionRef({ orderId: o.orderId, orderNumber: o.number, amountFen: o.totalFen });
  await deliver(sessionCompleted(ref, "paid"));
  return { ...o, intent: ref.paymentIntentId };
}

/** Stripe's refund.updated (or .created) for a refund made through the API with the shop's metadata. */
function refundEvent(type: "refund.created" | "refund.updated", r: { id: string; amountFen: number; intent: string; status: string; orderId: string; refundId: string }): StripeEventPayload {
  return event(type, {
    id: r.id,
    object: "refund",
    amount: r.amountFen,
    currency: "cny",
    payment_intent: r.intent,
    status: r.status,
    metadata: { orderId: r.orderId, refundId: r.refundId },
  });
}

async function state(orderId: string) {
  return db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      refundedFen: true,
      payments: { select: { status: true } },
      shipments: { select: { status: true } },
      refunds: { select: { id: true, status: true, amountFen: true, recorded: true, reason: true, stripeRefundId: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

async function expectReconciled() {
  const result = await checkLedger(db);
  expect(result.differences).toEqual([]);
}

describe("a buyer's refund request", () => {
  test("ten requests sent at once open exactly one refund, for what is left of the order", async () => {
    const o = await paidBankOrder();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "包装破损" })));
    expect(outcomes.filter((x) => x === "ok")).toHaveLength(1);
    expect(outcomes.filter((x) => x === "open")).toHaveLength(9);
    const s = await state(o.orderId);
    expect(s.refunds).toEqual([expect.objectContaining({ status: "REQUESTED", amountFen: o.totalFen, recorded: false })]);
  });

  test("another buyer's order is not found, an unpaid one cannot be refunded, and neither writes anything", async () => {
    const paid = await paidBankOrder();
    const unpaid = await placeTestOrder(db, "BANK_TRANSFER", lines, "refunds");
    expect(await requestRefund(db, { orderId: paid.orderId, buyerId: unpaid.buyerId, reason: "不是我的订单" })).toBe("notFound");
    expect(await requestRefund(db, { orderId: unpaid.orderId, buyerId: unpaid.buyerId, reason: "还没付款" })).toBe("notPaid");
    expect(await db.refund.count({ where: { orderId: { in: [paid.orderId, unpaid.orderId] } } })).toBe(0);
  });
});

describe("an admin's decision on a bank-transfer refund", () => {
  test("five approvals at once refund once; the order and its payment are REFUNDED; nothing is left to ask for", async () => {
    const o = await paidBankOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "单位采购取消" })).toBe("ok");
    const refundId = (await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).id;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => decideRefund(db, stripe, { refundId, decision: "approve", actorId: admin })));
    expect(outcomes.filter((x) => x.kind === "decided")).toEqual([{ kind: "decided", amountFen: o.totalFen }]);
    expect(outcomes.filter((x) => x.kind === "taken")).toHaveLength(4);
    const s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    // Nothing was packed yet: neither cooperative is to send anything now.
    expect(s.shipments.map((x) => x.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(s.refunds).toEqual([expect.objectContaining({ status: "SUCCEEDED", amountFen: o.totalFen, recorded: true })]);
    expect(await db.auditLog.count({ where: { action: "refund.approved", entityId: refundId } })).toBe(1);
    // A bank transfer's refund goes through the operator's bank: Stripe is never asked.
    expect(fake.requests.filter((r) => r.body["metadata[refundId]"] === refundId)).toEqual([]);
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "再退一次" })).toBe("notPaid");
    await expectReconciled();
  });

  test("a partial refund leaves the order PAID and the payment PARTIALLY_REFUNDED; the rest makes both REFUNDED", async () => {
    const o = await paidBankOrder();
    const part = Math.floor(o.totalFen / 4);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: o.orderId }, select: { id: true } });
    // A partial request (an admin entering part of an order, as a later item-level refund will).
    const first = await db.refund.create({ data: { orderId: o.orderId, paymentId: payment.id, amountFen: part, items: [], reason: "少发一件", requestedById: o.buyerId } });
    expect(await decideRefund(db, null, { refundId: first.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: part });
    expect(await state(o.orderId)).toMatchObject({ status: "PAID", refundedFen: part, payments: [{ status: "PARTIALLY_REFUNDED" }], shipments: [{ status: "PENDING" }, { status: "PENDING" }] });

    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "其余也退" })).toBe("ok");
    const rest = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    expect(rest.amountFen).toBe(o.totalFen - part);
    expect(await decideRefund(db, null, { refundId: rest.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen - part });
    expect(await state(o.orderId)).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    await expectReconciled();
  });

  test("an unknown refund is not found; a decided one is answered as taken", async () => {
    expect(await decideRefund(db, null, { refundId: "no-such-refund", decision: "approve", actorId: admin })).toEqual({ kind: "notFound" });
    const o = await paidBankOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "想退" })).toBe("ok");
    const refundId = (await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).id;
    expect(await decideRefund(db, null, { refundId, decision: "reject", actorId: admin })).toMatchObject({ kind: "decided" });
    expect(await decideRefund(db, null, { refundId, decision: "approve", actorId: admin })).toEqual({ kind: "taken" });
  });

  test("a rejection changes no money and lets the buyer ask again", async () => {
    const o = await paidBankOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "想退" })).toBe("ok");
    const refundId = (await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).id;
    expect(await decideRefund(db, null, { refundId, decision: "reject", actorId: admin })).toMatchObject({ kind: "decided" });
    expect(await state(o.orderId)).toMatchObject({ status: "PAID", refundedFen: 0, payments: [{ status: "SUCCEEDED" }], refunds: [{ status: "REJECTED", recorded: false }] });
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "再申请一次" })).toBe("ok");
  });
});

describe("an admin's decision on a Stripe refund", () => {
  test("capped at what is left after a refund made in Stripe's Dashboard meanwhile; each refund row holds its own money", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "收到的酒有破损" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    expect(request.amountFen).toBe(o.totalFen);

    // Before the admin decides, the operator refunds part of the order in Stripe's Dashboard.
    const dashboard = 1234;
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: dashboard }));
    let s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: dashboard, payments: [{ status: "PARTIALLY_REFUNDED" }] });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "REQUESTED", recorded: false });
    expect(s.refunds.find((r) => r.reason === REFUNDED_IN_STRIPE)).toMatchObject({ status: "SUCCEEDED", amountFen: dashboard, recorded: true });

    const outcome = await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin });
    expect(outcome).toEqual({ kind: "decided", amountFen: o.totalFen - dashboard });
    const asked = fake.requests.filter((r) => r.path === "/v1/refunds" && r.body["metadata[refundId]"] === request.id);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ idempotencyKey: `refund-${request.id}`, body: { payment_intent: o.intent, amount: String(o.totalFen - dashboard) } });
    const stripeRefundId = (await db.refund.findUniqueOrThrow({ where: { id: request.id } })).stripeRefundId!;
    expect(stripeRefundId).toMatch(/^re_/);

    // Stripe's events for it, the running total first, the refund's own status after.
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }));
    await deliver(refundEvent("refund.updated", { id: stripeRefundId, amountFen: o.totalFen - dashboard, intent: o.intent, status: "succeeded", orderId: o.orderId, refundId: request.id }));
    s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "SUCCEEDED", amountFen: o.totalFen - dashboard, recorded: true });
    expect(s.refunds.find((r) => r.reason === REFUNDED_IN_STRIPE)).toMatchObject({ amountFen: dashboard });
    await expectReconciled();
  });

  test("a Dashboard refund arriving while an approved request waits for Stripe is not credited to that request", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "不想要了" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    expect(await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen });
    const stripeRefundId = (await db.refund.findUniqueOrThrow({ where: { id: request.id } })).stripeRefundId!;

    const dashboard = 500;
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: dashboard }));
    let s = await state(o.orderId);
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "APPROVED", recorded: false });
    expect(s.refunds.find((r) => r.reason === REFUNDED_IN_STRIPE)).toMatchObject({ amountFen: dashboard, recorded: true });
    await expectReconciled();

    // Stripe then fails the approved refund (the charge no longer has that much): the request closes as FAILED,
    // no money moves, and the buyer may ask again for what is really left.
    await deliver(refundEvent("refund.updated", { id: stripeRefundId, amountFen: o.totalFen, intent: o.intent, status: "failed", orderId: o.orderId, refundId: request.id }));
    s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: dashboard });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "FAILED", recorded: false });
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "再申请" })).toBe("ok");
    expect(await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } })).toMatchObject({ amountFen: o.totalFen - dashboard });
    await expectReconciled();
  });

  test("when Stripe refuses the refund, the request goes back to the admin's list and no money moves", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "重复下单" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    // The refund's idempotency key already used with other parameters: Stripe answers 400 idempotency_error.
    await expect(stripe.refunds.create({ payment_intent: o.intent, amount: 1 }, { idempotencyKey: `refund-${request.id}` })).resolves.toBeDefined();
    const outcome = await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin });
    expect(outcome).toMatchObject({ kind: "stripeFailed" });
    const s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: 0, payments: [{ status: "SUCCEEDED" }] });
    expect(s.refunds).toEqual([expect.objectContaining({ id: request.id, status: "REQUESTED", recorded: false, stripeRefundId: null })]);
    await expectReconciled();
  });
});
