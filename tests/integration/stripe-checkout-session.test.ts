// Opening a Stripe Checkout Session for a placed order, with the real Stripe SDK talking to a local stand-in
// for Stripe's API host: what is sent (amounts in fen, CNY, shipping per cooperative, the configured methods,
// the order id, the session ending with the reservation) and that a retry sends the same idempotency key.
import { createServer } from "node:http";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { cartFingerprint } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import { cancelUnopenedStripeOrder, placeOrder } from "@/lib/server/orders/place-order";
import { cancelPendingOrder } from "@/lib/server/orders/lifecycle";
import { createCheckoutSession, expireCheckoutSessions } from "@/lib/server/orders/stripe-checkout";
import { log } from "@/lib/server/log";
import type { StripeConfig } from "@/lib/server/stripe";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase, onOwnConnection, untilSomeoneWaitsForALock } from "../helpers/db";
import { startFakeStripe, stripeFor, type FakeStripe, type RecordedRequest } from "../helpers/fake-stripe";

let t: TestDatabase;
let db: Db;
let fake: FakeStripe;

const config: StripeConfig = { secretKey: "sk_test_fake", webhookSecret: "whsec_unused", methods: ["card", "wechat_pay"] };
const urls = { success: "http://127.0.0.1:3000/account/orders/x?paid=1", cancel: "http://127.0.0.1:3000/account/orders/x" };

beforeAll(async () => {
  [t, fake] = await Promise.all([createTestDatabase("shop_checkout_session"), startFakeStripe()]);
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
});

afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

let buyers = 0;
/** Places a Stripe order from the user's cart (holding exactly `items`) to a fixed Beijing address. */
async function placeStripeOrder(userId: string, items: { productId: string; quantity: number }[]): Promise<string> {
  const placed = await placeOrder(db, {
    userId,
    method: "STRIPE",
    address: { recipient: "陈静", phone: "13700003333", district: "xicheng", street: "西城区金融大街 9 号" },
    note: "",
    institution: null,
    fingerprint: cartFingerprint(items),
  });
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
  return placed.orderId;
}

/** A Stripe order for the given products and quantities, placed from a real cart. */
async function stripeOrder(lines: [slug: string, quantity: number][]) {
  const n = ++buyers;
  const user = await db.user.create({ data: { email: `session-${n}@example.test` }, select: { id: true, email: true } });
  const products = await db.product.findMany({ where: { slug: { in: lines.map(([s]) => s) } }, select: { id: true, slug: true } });
  const items = lines.map(([slug, quantity]) => ({ productId: products.find((p) => p.slug === slug)!.id, quantity }));
  await db.cart.create({ data: { userId: user.id, items: { create: items } } });
  const orderId = await placeStripeOrder(user.id, items);
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      totalFen: true,
      shippingFen: true,
      reservedUntil: true,
      items: { select: { nameZh: true, nameEn: true, unitPriceFen: true, quantity: true } },
      shipments: { select: { shippingFen: true, cooperative: { select: { nameZh: true, nameEn: true } } } },
    },
  });
  return { ...order, email: user.email };
}

const sessionRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");

/** The line items of a recorded request, rebuilt from its bracket keys. */
function lineItems(req: RecordedRequest) {
  const out: { name: string; unitAmount: number; quantity: number; currency: string }[] = [];
  for (let i = 0; req.body[`line_items[${i}][quantity]`] !== undefined; i++) {
    out.push({
      name: req.body[`line_items[${i}][price_data][product_data][name]`] ?? "",
      unitAmount: Number(req.body[`line_items[${i}][price_data][unit_amount]`]),
      quantity: Number(req.body[`line_items[${i}][quantity]`]),
      currency: req.body[`line_items[${i}][price_data][currency]`] ?? "",
    });
  }
  return out;
}

const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

describe("createCheckoutSession", () => {
  test("an order from two cooperatives: fen amounts, CNY, one shipping line per charging cooperative, the configured methods", async () => {
    // Below both cooperatives' free-shipping thresholds, so each charges its shipping fee.
    const order = await stripeOrder([
      ["nanhongcheng-sweet-red", 2],
      ["hongnancheng-hawthorn-canned", 1],
      ["hongnancheng-mixed-fruit-canned", 1],
    ]);
    expect(order.shipments).toHaveLength(2);
    expect(order.shipments.every((s) => s.shippingFen > 0)).toBe(true);
    const sent = fake.requests.length;

    const session = await createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "zh-CN");

    expect(fake.requests).toHaveLength(sent + 1);
    const req = fake.requests.at(-1)!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe("/v1/checkout/sessions");
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(req.headers["authorization"]).toBe("Bearer sk_test_fake");
    expect(req.idempotencyKey).toBe(`order-${order.id}-checkout-session`);
    expect(req.headers["idempotency-key"]).toBe(`order-${order.id}-checkout-session`);

    const body = req.body;
    expect(body["mode"]).toBe("payment");
    expect(body["currency"]).toBe("cny");
    expect(body["allowed_payment_method_types[0]"]).toBe("card");
    expect(body["allowed_payment_method_types[1]"]).toBe("wechat_pay");
    expect(body["allowed_payment_method_types[2]"]).toBeUndefined();
    expect(body["payment_method_options[wechat_pay][client]"]).toBe("web");
    expect(body["metadata[orderId]"]).toBe(order.id);
    expect(body["metadata[orderNumber]"]).toBe(order.number);
    expect(body["payment_intent_data[metadata][orderId]"]).toBe(order.id);
    expect(body["client_reference_id"]).toBe(order.id);
    expect(body["customer_email"]).toBe(order.email);
    expect(body["locale"]).toBe("zh");
    expect(body["success_url"]).toBe(urls.success);
    expect(body["cancel_url"]).toBe(urls.cancel);
    // The session ends with the stock reservation, to the second.
    expect(Number(body["expires_at"])).toBe(Math.floor(order.reservedUntil!.getTime() / 1000));

    // Products at their order-item prices in fen, then one shipping line per cooperative, all in CNY.
    const lines = lineItems(req);
    expect(lines.every((l) => l.currency === "cny")).toBe(true);
    expect(lines.every((l) => Number.isInteger(l.unitAmount))).toBe(true);
    expect(byName(lines.slice(0, order.items.length))).toEqual(
      byName(order.items.map((i) => ({ name: i.nameZh, unitAmount: i.unitPriceFen, quantity: i.quantity, currency: "cny" }))),
    );
    expect(byName(lines.slice(order.items.length))).toEqual(
      byName(order.shipments.map((s) => ({ name: `运费 · ${s.cooperative.nameZh}`, unitAmount: s.shippingFen, quantity: 1, currency: "cny" }))),
    );
    // Stripe's total is the order's total, to the fen.
    expect(lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0)).toBe(order.totalFen);

    const created = fake.sessions.get(session.id)!;
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/pay/${session.id}`);
    expect(created["amount_total"]).toBe(order.totalFen);
    expect(created["currency"]).toBe("cny");
    expect(created["metadata"]).toEqual({ orderId: order.id, orderNumber: order.number });

    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id }, select: { method: true, status: true, amountFen: true, stripeCheckoutSessionId: true } });
    expect(payment).toEqual({ method: "STRIPE", status: "PENDING", amountFen: order.totalFen, stripeCheckoutSessionId: session.id });
  });

  test("a second call for the same order sends the same key and gets the same session", async () => {
    const order = await stripeOrder([["taihang-jujubes", 1]]);
    const first = await createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "zh-CN");
    const second = await createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "zh-CN");
    expect(second).toEqual(first);

    const mine = sessionRequests().filter((r) => r.body["metadata[orderId]"] === order.id);
    expect(mine).toHaveLength(2);
    expect(mine.map((r) => r.idempotencyKey)).toEqual([`order-${order.id}-checkout-session`, `order-${order.id}-checkout-session`]);
    expect(mine[1]!.rawBody).toBe(mine[0]!.rawBody);
    expect(mine.map((r) => r.replayed)).toEqual([false, true]);
    expect([...fake.sessions.values()].filter((s) => (s["metadata"] as Record<string, string>)["orderId"] === order.id)).toHaveLength(1);

    const payments = await db.payment.findMany({ where: { orderId: order.id }, select: { stripeCheckoutSessionId: true } });
    expect(payments).toEqual([{ stripeCheckoutSessionId: first.id }]);
  });

  test("English, card only, free shipping: no shipping line and no WeChat Pay options", async () => {
    // 2 × 128.00 yuan of wine is over the winery's free-shipping threshold.
    const order = await stripeOrder([["nanhongcheng-cabernet-sauvignon", 2]]);
    expect(order.shippingFen).toBe(0);
    await createCheckoutSession(db, stripeFor(fake), { ...config, methods: ["card"] }, order.id, urls, "en");
    const req = fake.requests.at(-1)!;
    expect(req.body["metadata[orderId]"]).toBe(order.id);
    expect(req.body["allowed_payment_method_types[0]"]).toBe("card");
    expect(req.body["allowed_payment_method_types[1]"]).toBeUndefined();
    expect(Object.keys(req.body).some((k) => k.startsWith("payment_method_options"))).toBe(false);
    expect(req.body["locale"]).toBe("en");
    expect(lineItems(req)).toEqual(order.items.map((i) => ({ name: i.nameEn, unitAmount: i.unitPriceFen, quantity: i.quantity, currency: "cny" })));
    expect(fake.sessions.get((await db.payment.findFirstOrThrow({ where: { orderId: order.id } })).stripeCheckoutSessionId!)?.["amount_total"]).toBe(order.totalFen);
  });

  test("a Stripe error is thrown and the payment keeps no session id", async () => {
    const order = await stripeOrder([["taihang-black-dates", 1]]);
    // The same idempotency key with other parameters: Stripe answers 400.
    await createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "zh-CN");
    await db.payment.updateMany({ where: { orderId: order.id }, data: { stripeCheckoutSessionId: null } });
    await expect(createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "en")).rejects.toThrow(/idempotent requests/);
    expect(fake.requests.at(-1)!.status).toBe(400);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: order.id }, select: { stripeCheckoutSessionId: true, status: true } });
    expect(payment).toEqual({ stripeCheckoutSessionId: null, status: "PENDING" });
  });

  test("a buyer's cancellation closes the order's Checkout Session; a session already closed is left as it is", async () => {
    const order = await stripeOrder([["taihang-black-dates", 1]]);
    const session = await createCheckoutSession(db, stripeFor(fake), config, order.id, urls, "zh-CN");
    // Nothing to expire while the order is still pending.
    expect(await expireCheckoutSessions(db, stripeFor(fake), order.id)).toBe(0);
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, order.id, "buyer"))).toBe(true);
    expect(await expireCheckoutSessions(db, stripeFor(fake), order.id)).toBe(1);
    expect(fake.sessions.get(session.id)?.["status"]).toBe("expired");
    expect(fake.requests.filter((r) => r.path === `/v1/checkout/sessions/${session.id}/expire`).map((r) => r.status)).toEqual([200]);
    // A second try (Stripe says only open sessions can be expired) is logged and changes nothing.
    const warn = vi.spyOn(log, "warn");
    expect(await expireCheckoutSessions(db, stripeFor(fake), order.id)).toBe(0);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});

// Issue 10, point 6: Stripe unreachable while a buyer places a Stripe order. The order is cancelled and its
// stock given back, and the buyer's cart is as it was, so that choosing bank transfer is one click.
describe("a Stripe outage keeps the buyer's cart", () => {
  /** A port nothing listens on: a server is opened on a free port and closed again. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    return port;
  }
  const cartOf = async (userId: string) =>
    (await db.cartItem.findMany({ where: { cart: { userId } }, orderBy: { addedAt: "asc" }, select: { productId: true, quantity: true } }));
  const stockOf = async (ids: string[]) =>
    Object.fromEntries((await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, stock: true } })).map((p) => [p.id, p.stock]));

  test("the order is cancelled, the stock returned and the cart back with the same lines and quantities; bank transfer then goes through", async () => {
    const user = await db.user.create({ data: { email: "outage@example.test" }, select: { id: true } });
    const products = await db.product.findMany({ where: { slug: { in: ["taihang-black-dates", "nanhongcheng-merlot"] } }, select: { id: true, slug: true } });
    expect(products).toHaveLength(2);
    // Added in this order, a second apart: the cart reads by addedAt, and must read the same afterwards.
    const lines = [
      { productId: products.find((p) => p.slug === "nanhongcheng-merlot")!.id, quantity: 2, addedAt: new Date(Date.now() - 2000) },
      { productId: products.find((p) => p.slug === "taihang-black-dates")!.id, quantity: 3, addedAt: new Date(Date.now() - 1000) },
    ];
    await db.cart.create({ data: { userId: user.id, items: { create: lines } } });
    const cartBefore = await cartOf(user.id);
    const ids = lines.map((l) => l.productId);
    const stockBefore = await stockOf(ids);
    const order = {
      userId: user.id,
      address: { recipient: "陈静", phone: "13700003333", district: "xicheng", street: "西城区金融大街 9 号" },
      note: "",
      institution: null,
      fingerprint: cartFingerprint(lines),
    };

    const placed = await placeOrder(db, { ...order, method: "STRIPE" });
    if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
    expect(await cartOf(user.id)).toEqual([]);
    const unreachable = stripeFor({ port: await closedPort() });
    await expect(createCheckoutSession(db, unreachable, config, placed.orderId, urls, "zh-CN")).rejects.toThrow();

    expect(await cancelUnopenedStripeOrder(db, placed.orderId)).toBe(true);
    expect(await cartOf(user.id)).toEqual(cartBefore);
    expect(await stockOf(ids)).toEqual(stockBefore);
    const cancelled = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { status: true, payments: { select: { status: true, stripeCheckoutSessionId: true } } } });
    expect(cancelled).toEqual({ status: "CANCELLED", payments: [{ status: "FAILED", stripeCheckoutSessionId: null }] });
    // No "order placed" then "cancelled" mail seconds apart: to the buyer only the checkout page spoke.
    expect(await db.mailMessage.count({ where: { dedupeKey: { in: [`orderPlaced:${placed.orderId}`, `orderCancelled:${placed.orderId}`] } } })).toBe(0);
    // A second call (a retry, a double click) changes nothing: the cart is not doubled.
    expect(await cancelUnopenedStripeOrder(db, placed.orderId)).toBe(false);
    expect(await cartOf(user.id)).toEqual(cartBefore);

    // The checkout page's fingerprint still matches, so "bank transfer" is the one click that places the order.
    const again = await placeOrder(db, { ...order, method: "BANK_TRANSFER" });
    expect(again).toMatchObject({ ok: true });
  });

  test("a line added again in another tab meanwhile adds up with the order's line", async () => {
    const user = await db.user.create({ data: { email: "outage-2@example.test" }, select: { id: true } });
    const product = await db.product.findFirstOrThrow({ where: { slug: "taihang-black-dates" }, select: { id: true } });
    const lines = [{ productId: product.id, quantity: 2 }];
    await db.cart.create({ data: { userId: user.id, items: { create: lines } } });
    const orderId = await placeStripeOrder(user.id, lines);
    await db.cartItem.create({ data: { cart: { connect: { userId: user.id } }, product: { connect: { id: product.id } }, quantity: 1 } });
    expect(await cancelUnopenedStripeOrder(db, orderId)).toBe(true);
    expect(await cartOf(user.id)).toEqual([{ productId: product.id, quantity: 3 }]);
  });

  test.skipIf(!process.env.TEST_DATABASE_URL)("beside a checkout from another tab, holding the cart and taking the same product: no deadlock", async () => {
    const user = await db.user.create({ data: { email: "outage-3@example.test" }, select: { id: true } });
    const product = await db.product.findFirstOrThrow({ where: { slug: "taihang-black-dates" }, select: { id: true } });
    const lines = [{ productId: product.id, quantity: 1 }];
    await db.cart.create({ data: { userId: user.id, items: { create: lines } } });
    const orderId = await placeStripeOrder(user.id, lines);
    const stockOf = async () => (await db.product.findUniqueOrThrow({ where: { id: product.id }, select: { stock: true } })).stock;
    const held = await stockOf();
    const cart = await db.cart.findUniqueOrThrow({ where: { userId: user.id }, select: { id: true } });
    // The other tab's checkout, on a connection of its own: the cart locked first, as placeOrder locks it...
    await onOwnConnection(t.url!, async (tab) => {
      await tab.query("BEGIN");
      await tab.query(`SELECT "id" FROM "Cart" WHERE "id" = $1 FOR UPDATE`, [cart.id]);
      const cancelling = cancelUnopenedStripeOrder(db, orderId);
      await untilSomeoneWaitsForALock(db, "the cancellation");
      // ...then the product's stock. Had the cancellation locked the product before the cart, each would now wait for
      // the other.
      await tab.query(`UPDATE "Product" SET "stock" = "stock" - 1 WHERE "id" = $1`, [product.id]);
      await tab.query("COMMIT");
      expect(await cancelling).toBe(true);
    });
    // The order's unit given back, the other tab's taken.
    expect(await stockOf()).toBe(held + 1 - 1);
    expect(await cartOf(user.id)).toEqual(lines);
  }, 60_000);
});
