// Stripe's webhook contract on a real database: deliveries are signed (checked by the real SDK), at least once
// and in any order. For each payment story, one clean in-order delivery gives an end state; every event
// delivered twice, shuffled, with the non-2xx answers re-delivered as Stripe does, must give the same one.
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { cartFingerprint } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import { handleStripeWebhook, type WebhookAnswer } from "@/lib/server/orders/stripe-webhook";
import { log } from "@/lib/server/log";
import { placeOrder } from "@/lib/server/orders/place-order";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerOfEveryOrder } from "../helpers/ledger";
import {
  chargeRefunded,
  sessionAsyncPaymentFailed,
  sessionAsyncPaymentSucceeded,
  sessionCompleted,
  sessionExpired,
  sessionRef,
  signedDelivery,
  type StripeEventPayload,
} from "../helpers/stripe-events";

const SECRET = "whsec_integration_test_secret";
// Signature checks need no API access: this client never makes a request.
const stripe = new Stripe("sk_test_never_used");

let t: TestDatabase;
let db: Db;
let products: { id: string; slug: string }[];

beforeAll(async () => {
  // The handler logs each event it ignores; the tests assert the answers instead.
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_webhook");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  // Two cooperatives, so the order has two shipments.
  products = await Promise.all(
    ["nanhongcheng-sweet-red", "hongnancheng-hawthorn-canned"].map((slug) => db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } })),
  );
});

afterAll(async () => {
  await t?.drop();
});

/** A seeded PRNG (mulberry32), so a failing shuffle can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

let buyers = 0;
interface PlacedOrder {
  orderId: string;
  number: string;
  totalFen: number;
  /** Stock of each product just before the order took it. */
  stockBefore: Map<string, number>;
}

/** A buyer with a cart of both products, and their Stripe order. */
async function placeStripeOrder(): Promise<PlacedOrder> {
  const n = ++buyers;
  const user = await db.user.create({ data: { email: `webhook-${n}@example.test` }, select: { id: true } });
  const lines = [
    { productId: products[0]!.id, quantity: 2 },
    { productId: products[1]!.id, quantity: 1 },
  ];
  await db.cart.create({ data: { userId: user.id, items: { create: lines } } });
  const stockBefore = await stocks();
  const placed = await placeOrder(db, {
    userId: user.id,
    method: "STRIPE",
    address: { recipient: "李华", phone: "13900002222", district: "haidian", street: "海淀区中关村大街 27 号" },
    note: "",
    institution: null,
    fingerprint: cartFingerprint(lines),
  });
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
  return { orderId: placed.orderId, number: placed.number, totalFen: placed.totalFen, stockBefore };
}

async function stocks(): Promise<Map<string, number>> {
  const rows = await db.product.findMany({ where: { id: { in: products.map((p) => p.id) } }, select: { id: true, stock: true } });
  return new Map(rows.map((r) => [r.id, r.stock]));
}

/** Everything a payment story can change, with ids left out so two orders can be compared. */
async function endState(order: PlacedOrder) {
  const o = await db.order.findUniqueOrThrow({
    where: { id: order.orderId },
    select: {
      status: true,
      refundedFen: true,
      paidAt: true,
      cancelledAt: true,
      payments: { select: { status: true, amountFen: true, stripePaymentIntentId: true, succeededAt: true } },
      reservations: { select: { productId: true, quantity: true, status: true } },
      shipments: { select: { cooperativeId: true, status: true } },
      refunds: { select: { status: true, amountFen: true } },
    },
  });
  const now = await stocks();
  return {
    status: o.status,
    refundedFen: o.refundedFen,
    paid: o.paidAt !== null,
    cancelled: o.cancelledAt !== null,
    payments: o.payments.map((p) => ({ status: p.status, amountFen: p.amountFen, intent: p.stripePaymentIntentId !== null, succeeded: p.succeededAt !== null })),
    reservations: o.reservations.map((r) => ({ productId: r.productId, quantity: r.quantity, status: r.status })).sort((a, b) => (a.productId < b.productId ? -1 : 1)),
    shipments: o.shipments.map((s) => ({ cooperativeId: s.cooperativeId, status: s.status })).sort((a, b) => (a.cooperativeId < b.cooperativeId ? -1 : 1)),
    refunds: o.refunds,
    stockChange: products.map((p) => (now.get(p.id) ?? 0) - (order.stockBefore.get(p.id) ?? 0)),
  };
}

async function deliver(payload: StripeEventPayload | string, secret = SECRET): Promise<WebhookAnswer> {
  const { rawBody, signature } = signedDelivery(payload, secret);
  return handleStripeWebhook(db, stripe, rawBody, signature, secret);
}

/** Delivers in order, once each; every answer must be 2xx. */
async function deliverInOrder(events: StripeEventPayload[]): Promise<void> {
  for (const e of events) {
    const answer = await deliver(e);
    expect(answer.status, `${e.type} ${e.id}: ${JSON.stringify(answer.body)}`).toBe(200);
  }
}

/** An event's name in messages: its type, and for a refund the charge's running total. */
function label(e: StripeEventPayload): string {
  const refunded = e.data.object["amount_refunded"];
  return typeof refunded === "number" ? `${e.type}(${refunded})` : e.type;
}

/**
 * Delivers every event twice in a shuffled order; a non-2xx answer puts the event back at the end of the
 * queue, as Stripe retries it later. Returns the order in which the events were first accepted.
 */
async function deliverShuffled(events: StripeEventPayload[], seed: number): Promise<StripeEventPayload[]> {
  const queue = shuffled([...events, ...events], seed);
  const limit = queue.length * 10;
  const accepted: StripeEventPayload[] = [];
  let deliveries = 0;
  while (queue.length > 0) {
    if (++deliveries > limit) throw new Error(`events still refused after ${limit} deliveries: ${queue.map(label).join(", ")}`);
    const e = queue.shift()!;
    const answer = await deliver(e);
    if (answer.status >= 200 && answer.status < 300) {
      if (!answer.body.duplicate) accepted.push(e);
    } else {
      // The only refusal the handler makes on a genuine event: "not yet" (a refund before its payment).
      expect(answer.status, JSON.stringify(answer.body)).toBe(409);
      queue.push(e);
    }
  }
  expect(accepted.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
  return accepted;
}

interface Story {
  name: string;
  events: (order: PlacedOrder) => StripeEventPayload[];
  /** What one clean delivery must leave, besides the comparison with the shuffled one. */
  expected: { status: string; refundedFen?: (o: PlacedOrder) => number; payment: string; stockTaken: boolean; reservations: string };
}

const ref = (o: PlacedOrder, tag: string) => sessionRef({ orderId: o.orderId, orderNumber: o.number, amountFen: o.totalFen, sessionId: `cs_test_${tag}_${o.orderId}`, paymentIntentId: `pi_${tag}_${o.orderId}` });
const evt = (o: PlacedOrder, tag: string, n: number) => ({ id: `evt_${tag}_${n}_${o.orderId}` });

const STORIES: Story[] = [
  {
    name: "(a) card: completed, paid",
    events: (o) => [sessionCompleted(ref(o, "a"), "paid", evt(o, "a", 1))],
    expected: { status: "PAID", payment: "SUCCEEDED", stockTaken: true, reservations: "CONVERTED" },
  },
  {
    name: "(b) delayed method: completed unpaid, then async_payment_succeeded",
    events: (o) => [sessionCompleted(ref(o, "b"), "unpaid", evt(o, "b", 1)), sessionAsyncPaymentSucceeded(ref(o, "b"), evt(o, "b", 2))],
    expected: { status: "PAID", payment: "SUCCEEDED", stockTaken: true, reservations: "CONVERTED" },
  },
  {
    name: "(c) delayed method fails: completed unpaid, then async_payment_failed",
    events: (o) => [sessionCompleted(ref(o, "c"), "unpaid", evt(o, "c", 1)), sessionAsyncPaymentFailed(ref(o, "c"), evt(o, "c", 2))],
    expected: { status: "CANCELLED", payment: "FAILED", stockTaken: false, reservations: "RELEASED" },
  },
  {
    name: "(d) the session expires unpaid",
    events: (o) => [sessionExpired(ref(o, "d"), evt(o, "d", 1))],
    expected: { status: "CANCELLED", payment: "EXPIRED", stockTaken: false, reservations: "EXPIRED" },
  },
  {
    name: "(e) paid, then a partial refund, then the rest refunded",
    events: (o) => {
      const r = ref(o, "e");
      const part = Math.floor(o.totalFen / 3);
      return [
        sessionCompleted(r, "paid", evt(o, "e", 1)),
        chargeRefunded({ paymentIntentId: r.paymentIntentId, amountFen: o.totalFen, amountRefundedFen: part }, evt(o, "e", 2)),
        chargeRefunded({ paymentIntentId: r.paymentIntentId, amountFen: o.totalFen, amountRefundedFen: o.totalFen }, evt(o, "e", 3)),
      ];
    },
    expected: { status: "REFUNDED", refundedFen: (o) => o.totalFen, payment: "REFUNDED", stockTaken: true, reservations: "CONVERTED" },
  },
  {
    name: "(f) paid, then the session's expiry arrives late",
    events: (o) => [sessionCompleted(ref(o, "f"), "paid", evt(o, "f", 1)), sessionExpired(ref(o, "f"), evt(o, "f", 2))],
    expected: { status: "PAID", payment: "SUCCEEDED", stockTaken: true, reservations: "CONVERTED" },
  },
];

// Several shuffles per story: with two or three events, one seed alone may happen to keep them in order.
const SEEDS = [1, 2, 3, 4, 5, 6];

describe("every event twice, in any order, ends as one clean delivery", () => {
  for (const story of STORIES) {
    test(story.name, async () => {
      const clean = await placeStripeOrder();
      await deliverInOrder(story.events(clean));
      const want = await endState(clean);

      expect(want.status).toBe(story.expected.status);
      expect(want.refundedFen).toBe(story.expected.refundedFen?.(clean) ?? 0);
      expect(want.payments.map((p) => p.status)).toEqual([story.expected.payment]);
      expect(want.reservations.map((r) => r.status)).toEqual([story.expected.reservations, story.expected.reservations]);
      expect(want.stockChange).toEqual(story.expected.stockTaken ? [-2, -1] : [0, 0]);

      let reordered = 0;
      for (const seed of SEEDS) {
        const order = await placeStripeOrder();
        const events = story.events(order);
        const accepted = await deliverShuffled(events, seed * 7919 + events.length);
        if (accepted.some((e, i) => e.id !== events[i]!.id)) reordered++;
        expect.soft(await endState(order), `seed ${seed}, applied as ${accepted.map(label).join(" → ")}`).toEqual(want);
      }
      // The shuffles did change the order of application (a story of one event has only one order).
      if (story.events(clean).length > 1) expect(reordered).toBeGreaterThan(0);
    });
  }

  test("(e') the full refund's event arrives before the partial one's: the payment stays REFUNDED", async () => {
    // The adversarial order of (e), spelled out rather than left to a shuffle.
    const order = await placeStripeOrder();
    const r = ref(order, "e2");
    const part = Math.floor(order.totalFen / 3);
    const paid = sessionCompleted(r, "paid", evt(order, "e2", 1));
    const partial = chargeRefunded({ paymentIntentId: r.paymentIntentId, amountFen: order.totalFen, amountRefundedFen: part }, evt(order, "e2", 2));
    const full = chargeRefunded({ paymentIntentId: r.paymentIntentId, amountFen: order.totalFen, amountRefundedFen: order.totalFen }, evt(order, "e2", 3));
    await deliverInOrder([paid, full, partial]);
    const state = await endState(order);
    expect(state.status).toBe("REFUNDED");
    expect(state.refundedFen).toBe(order.totalFen);
    expect(state.payments.map((p) => p.status)).toEqual(["REFUNDED"]);
  });
});

describe("deliveries that change nothing", () => {
  test("a bad signature is a 400 and records no event", async () => {
    const order = await placeStripeOrder();
    const payload = sessionCompleted(ref(order, "sig"), "paid", evt(order, "sig", 1));
    const { rawBody, signature } = signedDelivery(payload, SECRET);
    const before = await endState(order);
    const events = await db.webhookEvent.count();
    const tampered = rawBody.replace(`"amount_total": ${order.totalFen}`, `"amount_total": 1`);
    expect(tampered).not.toBe(rawBody);

    const answers = [
      // Signed with another endpoint's secret.
      await handleStripeWebhook(db, stripe, rawBody, signedDelivery(payload, "whsec_someone_else").signature, SECRET),
      // The body changed after signing.
      await handleStripeWebhook(db, stripe, tampered, signature, SECRET),
      // Forged, missing, and too old (Stripe's default tolerance is five minutes).
      await handleStripeWebhook(db, stripe, rawBody, "t=1,v1=forged", SECRET),
      await handleStripeWebhook(db, stripe, rawBody, null, SECRET),
      await handleStripeWebhook(db, stripe, rawBody, signedDelivery(payload, SECRET, Math.floor(Date.now() / 1000) - 3600).signature, SECRET),
    ];
    for (const a of answers) {
      expect(a.status).toBe(400);
      expect(a.body.received).toBe(false);
    }
    expect(await db.webhookEvent.findUnique({ where: { id: payload.id } })).toBeNull();
    expect(await db.webhookEvent.count()).toBe(events);
    expect(await endState(order)).toEqual(before);
    expect(before.status).toBe("PENDING_PAYMENT");
    // The genuine delivery of the same bytes still goes through.
    expect(await handleStripeWebhook(db, stripe, rawBody, signature, SECRET)).toEqual({ status: 200, body: { received: true } });
    expect((await endState(order)).status).toBe("PAID");
  });

  test("a signature dated more than five minutes ahead is a 400 and pays nothing; one a minute ahead is accepted", async () => {
    const order = await placeStripeOrder();
    const payload = sessionCompleted(ref(order, "future"), "paid", evt(order, "future", 1));
    const now = Math.floor(Date.now() / 1000);
    const ahead = signedDelivery(payload, SECRET, now + 600);
    expect(await handleStripeWebhook(db, stripe, ahead.rawBody, ahead.signature, SECRET)).toMatchObject({ status: 400, body: { received: false } });
    expect(await db.webhookEvent.findUnique({ where: { id: payload.id } })).toBeNull();
    expect((await endState(order)).status).toBe("PENDING_PAYMENT");
    // Clock skew within the tolerance is fine.
    const skewed = signedDelivery(payload, SECRET, now + 60);
    expect(await handleStripeWebhook(db, stripe, skewed.rawBody, skewed.signature, SECRET)).toEqual({ status: 200, body: { received: true } });
    expect((await endState(order)).status).toBe("PAID");
  });

  test("a correctly signed body that is not an event ([], null, a number, an object without id) is a 400", async () => {
    const events = await db.webhookEvent.count();
    for (const body of ["[]", "null", "42", '"text"', "{}", '{"id":"evt_x","type":"checkout.session.completed","created":1}']) {
      const { rawBody, signature } = signedDelivery(body, SECRET);
      expect(await handleStripeWebhook(db, stripe, rawBody, signature, SECRET), body).toMatchObject({ status: 400, body: { received: false } });
    }
    expect(await db.webhookEvent.count()).toBe(events);
  });

  test("a replay of a processed event is a 200 duplicate and changes nothing", async () => {
    const order = await placeStripeOrder();
    const paid = sessionCompleted(ref(order, "dup"), "paid", evt(order, "dup", 1));
    expect(await deliver(paid)).toEqual({ status: 200, body: { received: true } });
    const after = await endState(order);
    const events = await db.webhookEvent.count();
    const replay = await deliver(paid);
    expect(replay).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(await endState(order)).toEqual(after);
    expect(await db.webhookEvent.count()).toBe(events);
  });

  test("an event for an unknown order is a 200, ignored, and changes no order", async () => {
    const order = await placeStripeOrder();
    const before = await endState(order);
    const orders = await db.order.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } });
    const payments = await db.payment.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } });
    const ghost = { number: "TX20260101-GHOST0", totalFen: order.totalFen, stockBefore: order.stockBefore, orderId: "order_that_does_not_exist" };
    for (const e of [
      sessionCompleted(ref(ghost, "ghost"), "paid", evt(ghost, "ghost", 1)),
      sessionAsyncPaymentSucceeded(ref(ghost, "ghost"), evt(ghost, "ghost", 2)),
      sessionExpired(ref(ghost, "ghost"), evt(ghost, "ghost", 3)),
      sessionAsyncPaymentFailed(ref(ghost, "ghost"), evt(ghost, "ghost", 4)),
    ]) {
      const answer = await deliver(e);
      expect(answer.status, e.type).toBe(200);
      expect(answer.body.ignored, e.type).toBeTruthy();
    }
    expect(await db.order.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(orders);
    expect(await db.payment.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: "asc" } })).toEqual(payments);
    expect(await endState(order)).toEqual(before);
  });

  test("a paid session whose amount differs from the order's total does not pay the order", async () => {
    const order = await placeStripeOrder();
    const before = await endState(order);
    const logged = vi.spyOn(log, "error");
    for (const [n, amountFen] of [order.totalFen - 1, order.totalFen + 100, 0].entries()) {
      const r = sessionRef({ orderId: order.orderId, orderNumber: order.number, amountFen });
      const answer = await deliver(sessionCompleted(r, "paid", evt(order, "amount", n)));
      expect(answer.status).toBe(200);
      expect(answer.body.ignored).toBe("amountMismatch");
    }
    expect(logged).toHaveBeenCalledTimes(3);
    logged.mockRestore();
    expect(await endState(order)).toEqual(before);
    expect(before.status).toBe("PENDING_PAYMENT");
    expect(before.payments.map((p) => p.status)).toEqual(["PENDING"]);
  });
});

describe("the benefit ledger after every delivery above", () => {
  test("checkLedger finds no difference; every PAID order's entries sum to its items, every refunded one's net its refunds", async () => {
    const { paid } = await expectLedgerOfEveryOrder(db);
    expect(paid, "the stories paid orders").toBeGreaterThan(0);
    expect(await db.order.count({ where: { status: "REFUNDED" } }), "and refunded some").toBeGreaterThan(0);
  });
});
