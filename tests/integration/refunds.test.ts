// Refund requests and decisions on a real database, with Stripe's API played by a local HTTP server and Stripe's
// events signed by the real SDK: requests sent at once open one refund, decisions made at once decide once, a
// decision never pays back more than the order has left, money refunded in Stripe's Dashboard is never credited
// to someone else's request, a refund Stripe fails closes the request, and the payment's status follows the
// money on every path. After every story the ledger reconciles.
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { decideRefund, REFUNDED_IN_STRIPE, requestRefund } from "@/lib/server/orders/refunds";
import { listRecentlyDecidedRefunds } from "@/lib/server/queries/orders";
import { handleStripeWebhook } from "@/lib/server/orders/stripe-webhook";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startFakeStripe, stripeFor, type FakeStripe } from "../helpers/fake-stripe";
import { expectLedgerReconciled } from "../helpers/ledger";
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
  // Many orders in this file (the random stories place one each): enough stock for all of them.
  await db.product.updateMany({ where: { id: { in: lines.map(([id]) => id) } }, data: { stock: 100_000 } });
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

/** A Stripe order paid through the signed webhook; the fake Stripe knows its charge, so refunds stop at it. */
async function paidStripeOrder(): Promise<PlacedTestOrder & { intent: string }> {
  const o = await placeTestOrder(db, "STRIPE", lines, "refunds");
  const ref = sessionRef({ orderId: o.orderId, orderNumber: o.number, amountFen: o.totalFen });
  await deliver(sessionCompleted(ref, "paid"));
  fake.charges.set(ref.paymentIntentId, o.totalFen);
  return { ...o, intent: ref.paymentIntentId };
}

/** Stripe's refund.created or refund.updated; the shop's own refunds carry its refund id in their metadata. */
function refundEvent(type: "refund.created" | "refund.updated", r: { id: string; amountFen: number; intent: string; status: string; refundId?: string }, opts?: { created?: number }): StripeEventPayload {
  return event(
    type,
    { id: r.id, object: "refund", amount: r.amountFen, currency: "cny", payment_intent: r.intent, status: r.status, metadata: r.refundId ? { refundId: r.refundId } : {} },
    opts,
  );
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

const expectReconciled = () => expectLedgerReconciled(db);

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

describe("the admins' list of decided refunds", () => {
  test("newest decision first, each row its own order's, still-open requests left out, and no buyer's data", async () => {
    const [paidBack, rejected, open] = [await paidBankOrder(), await paidBankOrder(), await paidBankOrder()];
    for (const o of [paidBack, rejected, open]) expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: `退款 ${o.number}` })).toBe("ok");
    const requestOf = async (o: PlacedTestOrder) => (await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).id;
    // Decided after every other decision of this file, the rejection last.
    const later = Date.now() + 86_400_000;
    expect(await decideRefund(db, null, { refundId: await requestOf(paidBack), decision: "approve", actorId: admin }, new Date(later))).toMatchObject({ kind: "decided" });
    expect(await decideRefund(db, null, { refundId: await requestOf(rejected), decision: "reject", actorId: admin }, new Date(later + 60_000))).toMatchObject({ kind: "decided" });

    const rows = await listRecentlyDecidedRefunds(db, { limit: 2 });
    expect(rows).toEqual([
      { id: await requestOf(rejected), orderNumber: rejected.number, paymentMethod: "BANK_TRANSFER", amountFen: rejected.totalFen, status: "REJECTED", decidedAt: new Date(later + 60_000), decidedBy: "refund-admin@example.test" },
      { id: await requestOf(paidBack), orderNumber: paidBack.number, paymentMethod: "BANK_TRANSFER", amountFen: paidBack.totalFen, status: "SUCCEEDED", decidedAt: new Date(later), decidedBy: "refund-admin@example.test" },
    ]);
    const all = await listRecentlyDecidedRefunds(db, { limit: 1000 });
    expect(all.map((r) => r.orderNumber)).not.toContain(open.number);
    expect(all.every((r, i) => i === 0 || r.decidedAt! <= all[i - 1]!.decidedAt!)).toBe(true);
    // Nothing of a buyer: no email, phone, address or the reason they gave.
    const buyers = await db.user.findMany({ where: { id: { in: [paidBack.buyerId, rejected.buyerId, open.buyerId] } }, select: { email: true } });
    const text = JSON.stringify(all);
    for (const leak of [...buyers.map((b) => b.email), "13722223333", "孙会计", "朝阳门外大街", "退款 "]) expect(text).not.toContain(leak);
  });
});

/** An admin's approval of the buyer's full request, sent to the fake Stripe; returns the request and its Stripe id. */
async function approvedStripeRefund(o: PlacedTestOrder & { intent: string }) {
  expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "不想要了" })).toBe("ok");
  const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
  expect(await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen });
  const stripeRefundId = (await db.refund.findUniqueOrThrow({ where: { id: request.id } })).stripeRefundId!;
  expect(stripeRefundId).toMatch(/^re_/);
  return { requestId: request.id, stripeRefundId };
}

/** A refund the operator makes in Stripe's Dashboard: no metadata, Stripe's own id. */
async function dashboardRefund(o: { intent: string }, amountFen: number): Promise<string> {
  return (await stripe.refunds.create({ payment_intent: o.intent, amount: amountFen })).id;
}

const secondsAgo = (n: number) => ({ created: Math.floor(Date.now() / 1000) - n });

/** What a refund story leaves, with ids replaced by their role, so that two orders can be compared. */
async function refundOutcome(orderId: string, roles: Record<string, string>) {
  const s = await state(orderId);
  return {
    status: s.status,
    refundedFen: s.refundedFen,
    payments: s.payments.map((p) => p.status),
    shipments: s.shipments.map((x) => x.status).sort(),
    // A row for money charge.refunded counted before any refund event explained it may stay behind, empty.
    refunds: s.refunds
      .filter((r) => !(r.stripeRefundId === null && r.reason === REFUNDED_IN_STRIPE && r.amountFen === 0))
      .map((r) => ({ role: roles[r.stripeRefundId ?? ""] ?? roles[r.id] ?? (r.reason === REFUNDED_IN_STRIPE ? "outside" : r.id), status: r.status, amountFen: r.amountFen, recorded: r.recorded }))
      .sort((a, b) => (a.role < b.role ? -1 : 1)),
  };
}

describe("an admin's decision on a Stripe refund", () => {
  test("capped at what is left after a refund made in Stripe's Dashboard meanwhile; each refund row holds its own money", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "收到的酒有破损" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    expect(request.amountFen).toBe(o.totalFen);

    // Before the admin decides, the operator refunds part of the order in Stripe's Dashboard.
    const dashboard = 1234;
    const dashboardId = await dashboardRefund(o, dashboard);
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: dashboard }));
    await deliver(refundEvent("refund.created", { id: dashboardId, amountFen: dashboard, intent: o.intent, status: "succeeded" }));
    let s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: dashboard, payments: [{ status: "PARTIALLY_REFUNDED" }] });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "REQUESTED", recorded: false });
    expect(s.refunds.find((r) => r.stripeRefundId === dashboardId)).toMatchObject({ reason: REFUNDED_IN_STRIPE, status: "SUCCEEDED", amountFen: dashboard, recorded: true });

    const outcome = await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin });
    expect(outcome).toEqual({ kind: "decided", amountFen: o.totalFen - dashboard });
    const asked = fake.requests.filter((r) => r.path === "/v1/refunds" && r.body["metadata[refundId]"] === request.id);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ status: 200, idempotencyKey: `refund-${request.id}`, body: { payment_intent: o.intent, amount: String(o.totalFen - dashboard) } });
    const stripeRefundId = (await db.refund.findUniqueOrThrow({ where: { id: request.id } })).stripeRefundId!;

    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }));
    await deliver(refundEvent("refund.updated", { id: stripeRefundId, amountFen: o.totalFen - dashboard, intent: o.intent, status: "succeeded", refundId: request.id }));
    s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "SUCCEEDED", amountFen: o.totalFen - dashboard, recorded: true });
    expect(s.refunds.filter((r) => r.recorded).reduce((sum, r) => sum + r.amountFen, 0)).toBe(o.totalFen);
    await expectReconciled();
  });

  test("a counted refund that Stripe then fails is taken back: the order is paid again, the buyer may ask again", async () => {
    const o = await paidStripeOrder();
    const { requestId, stripeRefundId } = await approvedStripeRefund(o);
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, secondsAgo(60)));
    let s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    expect(s.shipments.map((x) => x.status)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(s.refunds).toEqual([expect.objectContaining({ id: requestId, status: "APPROVED", recorded: true })]);

    // The buyer's card was closed: Stripe fails the refund, and the money stays with the shop.
    await deliver(refundEvent("refund.updated", { id: stripeRefundId, amountFen: o.totalFen, intent: o.intent, status: "failed", refundId: requestId }));
    s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: 0, payments: [{ status: "SUCCEEDED" }] });
    expect(s.shipments.map((x) => x.status)).toEqual(["PENDING", "PENDING"]);
    expect(s.refunds).toEqual([expect.objectContaining({ id: requestId, status: "FAILED", recorded: false })]);
    await expectReconciled();
    // Stripe's older events arriving late change nothing: the charge's total then still held the failed refund.
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, secondsAgo(50)));
    await deliver(refundEvent("refund.created", { id: stripeRefundId, amountFen: o.totalFen, intent: o.intent, status: "pending", refundId: requestId }, secondsAgo(60)));
    expect(await state(o.orderId)).toMatchObject({ status: "PAID", refundedFen: 0 });

    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "换一张卡退款" })).toBe("ok");
    expect(await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } })).toMatchObject({ amountFen: o.totalFen });
    await expectReconciled();
  });

  test("while Stripe works on an approved refund the buyer cannot ask again, and no second approval can be made", async () => {
    const o = await paidStripeOrder();
    const { stripeRefundId, requestId } = await approvedStripeRefund(o);
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "再来一次" })).toBe("open");
    // Stripe's refund.created (succeeded) before charge.refunded: counted at once, the order is refunded.
    await deliver(refundEvent("refund.created", { id: stripeRefundId, amountFen: o.totalFen, intent: o.intent, status: "succeeded", refundId: requestId }));
    expect(await state(o.orderId)).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, refunds: [{ status: "SUCCEEDED", recorded: true }] });
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "再来一次" })).toBe("notPaid");
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }));
    expect((await state(o.orderId)).refunds).toHaveLength(1);
    await expectReconciled();
  });

  test("the shop's refund and a Dashboard refund end the same whatever order Stripe's six events arrive in", async () => {
    const outcomes = new Set<string>();
    const permutations = [
      [0, 1, 2, 3, 4, 5],
      [5, 4, 3, 2, 1, 0],
      [1, 0, 3, 2, 5, 4],
      [3, 1, 5, 0, 2, 4],
      [4, 2, 0, 5, 3, 1],
      [2, 5, 1, 4, 0, 3],
    ];
    for (const order of permutations) {
      const o = await paidStripeOrder();
      const dashboard = 300;
      const dashboardId = await dashboardRefund(o, dashboard);
      // The shop's own refund is for the rest (a partial request, as an admin entering part of an order makes).
      const payment = await db.payment.findFirstOrThrow({ where: { orderId: o.orderId }, select: { id: true } });
      const requestId = (await db.refund.create({ data: { orderId: o.orderId, paymentId: payment.id, amountFen: o.totalFen - dashboard, items: [], reason: "其余退款", requestedById: o.buyerId } })).id;
      expect(await decideRefund(db, stripe, { refundId: requestId, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen - dashboard });
      const stripeRefundId = (await db.refund.findUniqueOrThrow({ where: { id: requestId } })).stripeRefundId!;
      const events = [
        chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: dashboard }, secondsAgo(40)),
        refundEvent("refund.created", { id: dashboardId, amountFen: dashboard, intent: o.intent, status: "succeeded" }, secondsAgo(40)),
        chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, secondsAgo(20)),
        refundEvent("refund.created", { id: stripeRefundId, amountFen: o.totalFen - dashboard, intent: o.intent, status: "pending", refundId: requestId }, secondsAgo(20)),
        refundEvent("refund.updated", { id: stripeRefundId, amountFen: o.totalFen - dashboard, intent: o.intent, status: "succeeded", refundId: requestId }, secondsAgo(10)),
        // A replay of the first.
        chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: dashboard }, secondsAgo(40)),
      ];
      for (const i of order) await deliver(events[i]!);
      const outcome = await refundOutcome(o.orderId, { [dashboardId]: "dashboard", [requestId]: "shop" });
      expect(outcome, `events in order ${order.join(",")}`).toEqual({
        status: "REFUNDED",
        refundedFen: o.totalFen,
        payments: ["REFUNDED"],
        shipments: ["CANCELLED", "CANCELLED"],
        refunds: [
          { role: "dashboard", status: "SUCCEEDED", amountFen: dashboard, recorded: true },
          { role: "shop", status: "SUCCEEDED", amountFen: o.totalFen - dashboard, recorded: true },
        ],
      });
      outcomes.add(JSON.stringify({ ...outcome, refundedFen: "total", refunds: outcome.refunds.map((r) => ({ ...r, amountFen: r.role })) }));
    }
    expect(outcomes.size).toBe(1);
    await expectReconciled();
  });

  test("when Stripe cannot be reached, the request goes back to the admin's list; the retry goes through once", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "重复下单" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    await approveWhileStripeIsUnreachable(request.id);
    let s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: 0, payments: [{ status: "SUCCEEDED" }] });
    expect(s.refunds).toEqual([expect.objectContaining({ id: request.id, status: "REQUESTED", recorded: false, stripeRefundId: null })]);

    expect(await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen });
    expect(fake.requests.filter((r) => r.path === "/v1/refunds" && r.body["metadata[refundId]"] === request.id)).toHaveLength(1);
    s = await state(o.orderId);
    expect(s.refunds).toEqual([expect.objectContaining({ id: request.id, status: "APPROVED", stripeRefundId: expect.stringMatching(/^re_/) })]);
    await expectReconciled();
  });

  test("when Stripe made the refund but its answer was lost, Stripe's event settles the request the admin saw fail", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "发错货" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    // Stripe received the request and made the refund; the shop never heard back.
    const made = await answerLost(o, request.id, o.totalFen);
    expect(await state(o.orderId)).toMatchObject({ refunds: [{ status: "REQUESTED" }] });

    await deliver(refundEvent("refund.created", { id: made.id, amountFen: o.totalFen, intent: o.intent, status: "succeeded", refundId: request.id }));
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }));
    const s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: [{ status: "REFUNDED" }] });
    expect(s.refunds).toEqual([expect.objectContaining({ id: request.id, status: "SUCCEEDED", recorded: true, stripeRefundId: made.id, amountFen: o.totalFen })]);
    // Nothing is left for the admin to decide twice.
    expect(await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin })).toEqual({ kind: "taken" });
    await expectReconciled();
  });
});

describe("Stripe's refunds that fail, are rejected here, or are retried", () => {
  test("a Dashboard refund counted from charge.refunded and then failed is taken back, whatever came late", async () => {
    const o = await paidStripeOrder();
    const d = await dashboardRefund(o, o.totalFen);
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, secondsAgo(60)));
    expect(await state(o.orderId)).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen });
    await deliver(refundEvent("refund.updated", { id: d, amountFen: o.totalFen, intent: o.intent, status: "failed" }, secondsAgo(30)));
    await deliver(refundEvent("refund.created", { id: d, amountFen: o.totalFen, intent: o.intent, status: "pending" }, secondsAgo(60)));
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: 0 }, secondsAgo(10)));
    const s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: 0, payments: [{ status: "SUCCEEDED" }] });
    expect(s.shipments.map((x) => x.status)).toEqual(["PENDING", "PENDING"]);
    expect(s.refunds.find((r) => r.stripeRefundId === d)).toMatchObject({ status: "FAILED", recorded: false });
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "店里退吧" })).toBe("ok");
    await expectReconciled();
  });

  test("a refund that failed, and the full refund made after it, end refunded in either order of their events", async () => {
    const ends: unknown[] = [];
    for (const failureLast of [true, false]) {
      const o = await paidStripeOrder();
      const { requestId, stripeRefundId: a } = await approvedStripeRefund(o);
      await deliver(refundEvent("refund.created", { id: a, amountFen: o.totalFen, intent: o.intent, status: "pending", refundId: requestId }, secondsAgo(60)));
      // Stripe fails A (its event is on its way); the operator refunds the whole order again in the Dashboard.
      fake.refunds.get(a)!["status"] = "failed";
      const b = await dashboardRefund(o, o.totalFen);
      const failure = refundEvent("refund.updated", { id: a, amountFen: o.totalFen, intent: o.intent, status: "failed", refundId: requestId }, secondsAgo(40));
      const rest = [
        refundEvent("refund.created", { id: b, amountFen: o.totalFen, intent: o.intent, status: "succeeded" }, secondsAgo(20)),
        chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, secondsAgo(20)),
      ];
      for (const e of failureLast ? [...rest, failure] : [failure, ...rest]) await deliver(e);
      const end = await refundOutcome(o.orderId, { [a]: "a", [b]: "b" });
      expect(end).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen, payments: ["REFUNDED"], shipments: ["CANCELLED", "CANCELLED"] });
      ends.push({ ...end, refundedFen: "total", refunds: end.refunds.map((r) => ({ ...r, amountFen: r.amountFen === o.totalFen ? "total" : r.amountFen })) });
    }
    expect(ends[0]).toEqual(ends[1]);
    expect(ends[0]).toMatchObject({ refunds: [{ role: "a", status: "FAILED", recorded: false }, { role: "b", status: "SUCCEEDED", recorded: true }] });
    await expectReconciled();
  });

  test("a request rejected after Stripe's answer was lost follows Stripe when its refund's event arrives", async () => {
    const o = await paidStripeOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "发错货" })).toBe("ok");
    const request = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" } });
    const made = await answerLost(o, request.id, o.totalFen);
    expect(await decideRefund(db, stripe, { refundId: request.id, decision: "reject", actorId: admin })).toMatchObject({ kind: "decided" });

    await deliver(refundEvent("refund.created", { id: made.id, amountFen: o.totalFen, intent: o.intent, status: "succeeded", refundId: request.id }));
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: o.totalFen }));
    let s = await state(o.orderId);
    expect(s).toMatchObject({ status: "REFUNDED", refundedFen: o.totalFen });
    expect(s.refunds).toEqual([expect.objectContaining({ id: request.id, status: "SUCCEEDED", recorded: true, stripeRefundId: made.id })]);
    // And should Stripe then fail it, the money is the shop's again and nothing stays counted.
    await deliver(refundEvent("refund.updated", { id: made.id, amountFen: o.totalFen, intent: o.intent, status: "failed", refundId: request.id }));
    s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: 0 });
    expect(s.refunds.filter((r) => r.recorded && r.amountFen > 0)).toEqual([]);
    await expectReconciled();
  });

  test("a retry after a lost answer never makes a second Stripe refund, even when the amount left has changed", async () => {
    const o = await paidStripeOrder();
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: o.orderId }, select: { id: true } });
    const part = Math.floor(o.totalFen * 0.4);
    const request = await db.refund.create({ data: { orderId: o.orderId, paymentId: payment.id, amountFen: part, items: [], reason: "少发一箱", requestedById: o.buyerId } });
    // The first try reached Stripe, whose answer was lost.
    const first = await answerLost(o, request.id, part);
    // Meanwhile most of the rest is refunded in the Dashboard; Stripe's events count it and (not yet knowing
    // whose) the first try's money too.
    const other = o.totalFen - part - 100;
    const d = await dashboardRefund(o, other);
    await deliver(refundEvent("refund.created", { id: d, amountFen: other, intent: o.intent, status: "succeeded" }));
    await deliver(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: part + other }));
    expect(await state(o.orderId)).toMatchObject({ refundedFen: part + other });
    // The admin tries again: 100 fen are left, less than the request, so this try differs from the first, and
    // Stripe refuses it under the same key instead of refunding again.
    expect(await decideRefund(db, stripe, { refundId: request.id, decision: "approve", actorId: admin })).toMatchObject({ kind: "stripeFailed" });
    const made = [...fake.refunds.values()].filter((r) => (r["metadata"] as Record<string, string>)["refundId"] === request.id);
    expect(made.map((r) => r["id"])).toEqual([first.id]);
    // The first try's own event settles the request.
    await deliver(refundEvent("refund.created", { id: first.id, amountFen: part, intent: o.intent, status: "succeeded", refundId: request.id }));
    const s = await state(o.orderId);
    expect(s).toMatchObject({ status: "PAID", refundedFen: part + other });
    expect(s.refunds.find((r) => r.id === request.id)).toMatchObject({ status: "SUCCEEDED", recorded: true, amountFen: part, stripeRefundId: first.id });
    await expectReconciled();
  });
});

describe("random refund stories, every event delivered in a random order, some twice", () => {
  // A story: refunds made in Stripe one after another (100 s apart), each for part of what is still refundable;
  // each is created pending or succeeded, may succeed 20 s later or fail 50 s later. Stripe sends refund.created,
  // refund.updated for each change, and charge.refunded (the live running total) when each refund is made.
  const story = fc.record({
    refunds: fc.array(
      fc.record({ percent: fc.integer({ min: 1, max: 100 }), pending: fc.boolean(), fate: fc.constantFrom("succeeds", "fails", "stays"), byShop: fc.boolean() }),
      { minLength: 1, maxLength: 4 },
    ),
    order: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    replays: fc.array(fc.nat({ max: 39 }), { maxLength: 4 }),
  });

  test("the refunded total is what Stripe refunded in the end, capped at the order's total; the ledger reconciles", async () => {
    await fc.assert(
      fc.asyncProperty(story, async ({ refunds, order: keys, replays }) => {
        const o = await paidStripeOrder();
        const payment = await db.payment.findFirstOrThrow({ where: { orderId: o.orderId }, select: { id: true } });
        const t0 = Math.floor(Date.now() / 1000) - 1000;
        const live: { amount: number; failed: boolean }[] = [];
        const events: StripeEventPayload[] = [];
        const expected: { id: string; amount: number; status: string; recorded: boolean }[] = [];
        for (const [i, r] of refunds.entries()) {
          const at = t0 + 100 * i;
          const left = o.totalFen - live.filter((l) => !l.failed).reduce((sum, l) => sum + l.amount, 0);
          if (left <= 0) continue;
          let amount = Math.max(1, Math.floor((left * r.percent) / 100));
          let id = `re_story_${i}_${o.orderId}`;
          let refundId: string | undefined;
          if (r.byShop) {
            // The shop's own partial refund, approved by an admin and sent to the fake Stripe (which knows the
            // charge and the refunds that failed, so it never refunds more than is left).
            refundId = (await db.refund.create({ data: { orderId: o.orderId, paymentId: payment.id, amountFen: amount, items: [], reason: "部分退款", requestedById: o.buyerId } })).id;
            const decided = await decideRefund(db, stripe, { refundId, decision: "approve", actorId: admin });
            // Refused by Stripe (Dashboard refunds the shop has not heard of yet took what was left): the request
            // waits in the admin's list, and no money moves for it.
            if (decided.kind !== "decided") continue;
            amount = decided.amountFen;
            id = (await db.refund.findUniqueOrThrow({ where: { id: refundId } })).stripeRefundId!;
          } else {
            fake.refunds.set(id, { id, amount, payment_intent: o.intent, status: "succeeded" });
          }
          if (r.fate === "fails") fake.refunds.get(id)!["status"] = "failed";
          const entry = { amount, failed: r.fate === "fails" };
          live.push(entry);
          const base = { id, amountFen: amount, intent: o.intent, ...(refundId ? { refundId } : {}) };
          events.push(refundEvent("refund.created", { ...base, status: r.pending ? "pending" : "succeeded" }, { created: at }));
          // The charge's total as Stripe sends it with the refund: every refund not failed by then.
          const total = live.filter((l) => l === entry || !l.failed).reduce((sum, l) => sum + l.amount, 0);
          events.push(chargeRefunded({ paymentIntentId: o.intent, amountFen: o.totalFen, amountRefundedFen: total }, { created: at }));
          if (r.fate === "succeeds" && r.pending) events.push(refundEvent("refund.updated", { ...base, status: "succeeded" }, { created: at + 20 }));
          if (r.fate === "fails") events.push(refundEvent("refund.updated", { ...base, status: "failed" }, { created: at + 50 }));
          const finalStatus = r.fate === "fails" ? "FAILED" : r.fate === "succeeds" || !r.pending ? "SUCCEEDED" : "APPROVED";
          expected.push({ id, amount, status: finalStatus, recorded: r.fate !== "fails" });
        }
        const shuffled = events.map((e, i) => ({ e, k: keys[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.e);
        for (const e of [...shuffled, ...replays.filter((r) => r < events.length).map((r) => events[r]!)]) await deliver(e);

        const s = await state(o.orderId);
        const refunded = Math.min(o.totalFen, expected.filter((x) => x.recorded).reduce((sum, x) => sum + x.amount, 0));
        expect(s.refundedFen).toBe(refunded);
        expect(s.status).toBe(refunded >= o.totalFen ? "REFUNDED" : "PAID");
        expect(s.payments.map((p) => p.status)).toEqual([refunded <= 0 ? "SUCCEEDED" : refunded >= o.totalFen ? "REFUNDED" : "PARTIALLY_REFUNDED"]);
        expect(s.shipments.map((x) => x.status)).toEqual(refunded >= o.totalFen ? ["CANCELLED", "CANCELLED"] : ["PENDING", "PENDING"]);
        for (const x of expected) {
          expect(s.refunds.find((r) => r.stripeRefundId === x.id), x.id).toMatchObject({ amountFen: x.amount, status: x.status, recorded: x.recorded });
        }
        // Everything Stripe's total said is explained by a refund of its own in the end.
        expect(s.refunds.filter((r) => r.reason === REFUNDED_IN_STRIPE && r.stripeRefundId === null && r.amountFen !== 0)).toEqual([]);
        await expectReconciled();
      }),
      { numRuns: 25, seed: 20261129 },
    );
  }, 120_000);
});

/** An admin approves while Stripe's API cannot be reached: Stripe failed, and the request is back in the list. */
async function approveWhileStripeIsUnreachable(refundId: string): Promise<void> {
  const unreachable = new Stripe("sk_test_fake", { host: "127.0.0.1", port: await closedPort(), protocol: "http", maxNetworkRetries: 0 });
  expect(await decideRefund(db, unreachable, { refundId, decision: "approve", actorId: admin })).toMatchObject({ kind: "stripeFailed" });
}

/** Stripe makes the refund the admin approved, under the shop's key, but its answer never reaches the shop. */
async function answerLost(o: { orderId: string; intent: string }, refundId: string, amountFen: number): Promise<Stripe.Refund> {
  const made = await stripe.refunds.create({ payment_intent: o.intent, amount: amountFen, metadata: { orderId: o.orderId, refundId } }, { idempotencyKey: `refund-${refundId}` });
  await approveWhileStripeIsUnreachable(refundId);
  return made;
}

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
