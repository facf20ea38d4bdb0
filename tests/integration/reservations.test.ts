// Stock reservations on a real database: the expiry sweep releases an unpaid order's stock exactly once (run
// twice, or concurrently), a payment arriving after expiry takes the stock again or opens a refund, and a
// buyer's cancel gives the stock back once.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { RESERVATION_MS } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancelPendingOrder, markOrderPaid } from "@/lib/server/orders/lifecycle";
import type { PlaceOrderInput } from "@/lib/server/orders/place-order";
import { sweepExpiredReservations, sweepForCart } from "@/lib/server/orders/sweep";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerOfEveryOrder } from "../helpers/ledger";
import { placeTestOrder, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let slugs: Map<string, string>;

const MINUTE = 60_000;
// Orders are placed at T0 or later; the sweep is told the time, so nothing here waits for a clock.
const T0 = new Date(Date.now() + 60 * MINUTE);
const FAR_FUTURE = new Date(T0.getTime() + 365 * 24 * 60 * MINUTE);

beforeAll(async () => {
  t = await createTestDatabase("shop_reservations");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  slugs = new Map((await db.product.findMany({ select: { id: true, slug: true } })).map((p) => [p.slug, p.id]));
});

// Each test leaves no pending order behind, so the next test's sweep counts only its own orders.
afterEach(async () => {
  await sweepExpiredReservations(db, FAR_FUTURE);
});

afterAll(async () => {
  await t?.drop();
});

const id = (slug: string) => {
  const found = slugs.get(slug);
  if (!found) throw new Error(`no product ${slug}`);
  return found;
};

async function stock(slug: string): Promise<number> {
  return (await db.product.findUniqueOrThrow({ where: { id: id(slug) }, select: { stock: true } })).stock;
}

/** A buyer's order of the given products (by slug), placed at `now`. */
function order(method: PlaceOrderInput["method"], lines: [slug: string, quantity: number][], now = T0): Promise<PlacedTestOrder> {
  return placeTestOrder(db, method, lines.map(([slug, quantity]) => [id(slug), quantity]), "reservation", now);
}

async function state(orderId: string) {
  const o = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      status: true,
      cancelledAt: true,
      paidAt: true,
      reservations: { select: { status: true, quantity: true, closedAt: true } },
      payments: { select: { status: true } },
      shipments: { select: { status: true } },
      refunds: { select: { status: true, amountFen: true, paymentId: true } },
    },
  });
  return {
    ...o,
    reservationStatuses: [...new Set(o.reservations.map((r) => r.status))],
    paymentStatuses: o.payments.map((p) => p.status),
    shipmentStatuses: [...new Set(o.shipments.map((s) => s.status))],
  };
}

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("sweepForCart", () => {
  test("releases the expired orders holding what is in this buyer's cart, and no other", async () => {
    const walnutsBefore = await stock("taihang-thin-shell-walnuts");
    const inCart = await order("STRIPE", [["taihang-thin-shell-walnuts", 2]]);
    const elsewhere = await order("STRIPE", [["taihang-jujubes", 1]]);
    const buyer = await db.user.create({ data: { email: `sweep-cart-${Date.now()}@example.cn` }, select: { id: true } });
    const empty = await db.user.create({ data: { email: `sweep-empty-${Date.now()}@example.cn` }, select: { id: true } });
    await db.cart.create({ data: { userId: buyer.id, items: { create: [{ productId: id("taihang-thin-shell-walnuts"), quantity: 1 }] } } });
    await db.cart.create({ data: { userId: empty.id } });
    const expired = at(inCart.reservedUntil, 1);

    // Before expiry nothing; a buyer without lines releases nothing even after it.
    expect(await sweepForCart(db, buyer.id, at(T0, 1))).toBe(0);
    expect(await sweepForCart(db, empty.id, expired)).toBe(0);
    expect(await sweepForCart(db, "no-such-user", expired)).toBe(0);
    // After expiry: the order holding the walnuts in the cart, once; the jujubes' order stays for the timer.
    expect(await sweepForCart(db, buyer.id, expired)).toBe(1);
    expect(await sweepForCart(db, buyer.id, expired)).toBe(0);
    expect((await state(inCart.orderId)).status).toBe("CANCELLED");
    expect((await state(elsewhere.orderId)).status).toBe("PENDING_PAYMENT");
    expect(await stock("taihang-thin-shell-walnuts")).toBe(walnutsBefore);
  });
});

describe("sweepExpiredReservations", () => {
  test("releases nothing before expiry, then each order's stock exactly once when its reservation ends", async () => {
    const before = { walnuts: await stock("taihang-thin-shell-walnuts"), jujubes: await stock("taihang-jujubes"), millet: await stock("tangxian-yellow-millet") };
    const transfer = await order("BANK_TRANSFER", [
      ["taihang-thin-shell-walnuts", 4],
      ["tangxian-yellow-millet", 2],
    ]);
    const card = await order("STRIPE", [
      ["taihang-thin-shell-walnuts", 1],
      ["taihang-jujubes", 3],
    ]);
    expect(transfer.reservedUntil).toEqual(at(T0, RESERVATION_MS.BANK_TRANSFER));
    expect(card.reservedUntil).toEqual(at(T0, RESERVATION_MS.STRIPE));
    const taken = { walnuts: before.walnuts - 5, jujubes: before.jujubes - 3, millet: before.millet - 2 };
    const current = async () => ({ walnuts: await stock("taihang-thin-shell-walnuts"), jujubes: await stock("taihang-jujubes"), millet: await stock("tangxian-yellow-millet") });
    expect(await current()).toEqual(taken);

    // Before either reservation ends, and at the very instant the Stripe one ends: nothing.
    expect(await sweepExpiredReservations(db, at(T0, 1))).toBe(0);
    expect(await sweepExpiredReservations(db, card.reservedUntil)).toBe(0);
    expect(await current()).toEqual(taken);
    expect((await state(card.orderId)).status).toBe("PENDING_PAYMENT");

    // Just past the Stripe order's 35 minutes: that order only.
    const afterCard = at(card.reservedUntil, 1);
    expect(await sweepExpiredReservations(db, afterCard)).toBe(1);
    expect(await current()).toEqual({ walnuts: taken.walnuts + 1, jujubes: before.jujubes, millet: taken.millet });
    const c = await state(card.orderId);
    expect(c.status).toBe("CANCELLED");
    expect(c.cancelledAt).toEqual(afterCard);
    expect(c.reservationStatuses).toEqual(["EXPIRED"]);
    expect(c.reservations.every((r) => r.closedAt?.getTime() === afterCard.getTime())).toBe(true);
    expect(c.paymentStatuses).toEqual(["EXPIRED"]);
    expect(c.shipmentStatuses).toEqual(["CANCELLED"]);
    expect((await state(transfer.orderId)).status).toBe("PENDING_PAYMENT");

    // Past the transfer's three days: the transfer order too; then nothing is left to release.
    const afterTransfer = at(transfer.reservedUntil, 1);
    expect(await sweepExpiredReservations(db, afterTransfer)).toBe(1);
    expect(await sweepExpiredReservations(db, afterTransfer)).toBe(0);
    expect(await current()).toEqual(before);
    const b = await state(transfer.orderId);
    expect(b.status).toBe("CANCELLED");
    expect(b.reservationStatuses).toEqual(["EXPIRED"]);
    expect(b.paymentStatuses).toEqual(["EXPIRED"]);
  });

  test("sweeps run concurrently restore each order's stock once", async () => {
    const before = await stock("hongnancheng-ya-pear-canned");
    const orders = [];
    for (let i = 0; i < 6; i++) orders.push(await order(i % 2 ? "STRIPE" : "BANK_TRANSFER", [["hongnancheng-ya-pear-canned", i + 1]]));
    expect(await stock("hongnancheng-ya-pear-canned")).toBe(before - 21);

    const later = at(T0, RESERVATION_MS.BANK_TRANSFER + MINUTE);
    const released = await Promise.all(Array.from({ length: 5 }, () => sweepExpiredReservations(db, later)));
    expect(released.reduce((s, n) => s + n, 0)).toBe(6);
    expect(await sweepExpiredReservations(db, later)).toBe(0);
    expect(await stock("hongnancheng-ya-pear-canned")).toBe(before);
    for (const o of orders) {
      const s = await state(o.orderId);
      expect(s.status).toBe("CANCELLED");
      expect(s.reservationStatuses).toEqual(["EXPIRED"]);
    }
  });
});

describe("markOrderPaid after the reservation expired", () => {
  test("takes the stock again when it is still there: the order is paid", async () => {
    const before = { a: await stock("taihang-walnut-kernels"), b: await stock("hongnancheng-hawthorn-canned") };
    const placed = await order("BANK_TRANSFER", [
      ["taihang-walnut-kernels", 2],
      ["hongnancheng-hawthorn-canned", 5],
    ]);
    expect(await sweepExpiredReservations(db, at(placed.reservedUntil, MINUTE))).toBe(1);
    expect({ a: await stock("taihang-walnut-kernels"), b: await stock("hongnancheng-hawthorn-canned") }).toEqual(before);

    const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen, bankReference: "TXZZ-LATE-0001" }));
    expect(outcome).toBe("paid");
    expect({ a: await stock("taihang-walnut-kernels"), b: await stock("hongnancheng-hawthorn-canned") }).toEqual({ a: before.a - 2, b: before.b - 5 });
    const s = await state(placed.orderId);
    expect(s.status).toBe("PAID");
    expect(s.paidAt).not.toBeNull();
    expect(s.cancelledAt).toBeNull();
    expect(s.reservationStatuses).toEqual(["CONVERTED"]);
    expect(s.paymentStatuses).toEqual(["SUCCEEDED"]);
    expect(s.shipmentStatuses).toEqual(["PENDING"]);
    expect(s.refunds).toEqual([]);

    // The same confirmation again changes nothing.
    expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen }))).toBe("alreadyPaid");
    expect({ a: await stock("taihang-walnut-kernels"), b: await stock("hongnancheng-hawthorn-canned") }).toEqual({ a: before.a - 2, b: before.b - 5 });
  });

  test("opens a refund when the stock is gone: the order stays cancelled and no stock moves", async () => {
    // Two products; the one taken second (by id) is the one that is gone, so the first one's decrement must be undone.
    const [first, second] = ["tangxian-dried-persimmons", "taihang-black-dates"].sort((x, y) => (id(x) < id(y) ? -1 : 1)) as [string, string];
    const placed = await order("STRIPE", [
      [first, 1],
      [second, 2],
    ]);
    expect(await sweepExpiredReservations(db, at(placed.reservedUntil, MINUTE))).toBe(1);
    // Meanwhile other buyers took the second product down to one unit.
    await db.product.update({ where: { id: id(second) }, data: { stock: 1 } });
    const firstStock = await stock(first);

    const outcome = await db.$transaction((tx) =>
      markOrderPaid(tx, { orderId: placed.orderId, method: "STRIPE", amountFen: placed.totalFen, stripeCheckoutSessionId: `cs_test_late_${placed.orderId}`, stripePaymentIntentId: `pi_late_${placed.orderId}` }),
    );
    expect(outcome).toBe("paidAfterCancel");
    expect(await stock(first)).toBe(firstStock);
    expect(await stock(second)).toBe(1);
    const s = await state(placed.orderId);
    expect(s.status).toBe("CANCELLED");
    expect(s.paidAt).toBeNull();
    expect(s.reservationStatuses).toEqual(["EXPIRED"]);
    expect(s.shipmentStatuses).toEqual(["CANCELLED"]);
    // The money was received: the payment says so, and a refund waits for an admin.
    expect(s.paymentStatuses).toEqual(["SUCCEEDED"]);
    const payment = await db.payment.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { id: true, stripePaymentIntentId: true } });
    expect(payment.stripePaymentIntentId).toBe(`pi_late_${placed.orderId}`);
    expect(s.refunds).toEqual([{ status: "REQUESTED", amountFen: placed.totalFen, paymentId: payment.id }]);
  });

  test("opens a refund when a product's certificate was revoked meanwhile, though its stock is there", async () => {
    const placed = await order("STRIPE", [["nanhongcheng-rose", 1]]);
    expect(await sweepExpiredReservations(db, at(placed.reservedUntil, MINUTE))).toBe(1);
    const before = await stock("nanhongcheng-rose");
    await db.product.update({ where: { id: id("nanhongcheng-rose") }, data: { certificationStatus: "REVOKED" } });
    try {
      const outcome = await db.$transaction((tx) =>
        markOrderPaid(tx, { orderId: placed.orderId, method: "STRIPE", amountFen: placed.totalFen, stripeCheckoutSessionId: `cs_test_revoked_${placed.orderId}`, stripePaymentIntentId: `pi_revoked_${placed.orderId}` }),
      );
      expect(outcome).toBe("paidAfterCancel");
      expect(await stock("nanhongcheng-rose")).toBe(before);
      const s = await state(placed.orderId);
      expect(s.status).toBe("CANCELLED");
      expect(s.refunds).toEqual([expect.objectContaining({ status: "REQUESTED", amountFen: placed.totalFen })]);
    } finally {
      await db.product.update({ where: { id: id("nanhongcheng-rose") }, data: { certificationStatus: "CERTIFIED" } });
    }
  });

  test("the same late confirmation made twice opens one refund, not two", async () => {
    const placed = await order("BANK_TRANSFER", [["nanhongcheng-rose", 2]]);
    expect(await sweepExpiredReservations(db, at(placed.reservedUntil, MINUTE))).toBe(1);
    await db.product.update({ where: { id: id("nanhongcheng-rose") }, data: { stock: 0 } });
    const confirm = () => db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen, bankReference: "TXZZ-TWICE-0001" }));
    expect(await confirm()).toBe("paidAfterCancel");
    // An admin's second click (or two admins at once) on a transfer that has been recorded already.
    await confirm();
    const refunds = await db.refund.findMany({ where: { orderId: placed.orderId }, select: { amountFen: true, status: true } });
    expect(refunds).toEqual([{ amountFen: placed.totalFen, status: "REQUESTED" }]);
  });
});

describe("cancelPendingOrder by the buyer", () => {
  test("releases the stock; a second cancel does nothing", async () => {
    const before = { a: await stock("nanhongcheng-merlot"), b: await stock("hongnancheng-mixed-fruit-canned") };
    const placed = await order("STRIPE", [
      ["nanhongcheng-merlot", 3],
      ["hongnancheng-mixed-fruit-canned", 2],
    ]);
    const current = async () => ({ a: await stock("nanhongcheng-merlot"), b: await stock("hongnancheng-mixed-fruit-canned") });
    expect(await current()).toEqual({ a: before.a - 3, b: before.b - 2 });

    const when = at(T0, 5 * MINUTE);
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "buyer", when))).toBe(true);
    expect(await current()).toEqual(before);
    const s = await state(placed.orderId);
    expect(s.status).toBe("CANCELLED");
    expect(s.cancelledAt).toEqual(when);
    expect(s.reservationStatuses).toEqual(["RELEASED"]);
    expect(s.shipmentStatuses).toEqual(["CANCELLED"]);

    expect(await db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "buyer"))).toBe(false);
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "expired"))).toBe(false);
    expect(await current()).toEqual(before);
    expect(await state(placed.orderId)).toEqual(s);
    // Nor does the sweep touch it later.
    expect(await sweepExpiredReservations(db, FAR_FUTURE)).toBe(0);
    expect(await current()).toEqual(before);
  });

  test("two cancels at once release the stock once", async () => {
    const before = await stock("nanhongcheng-chardonnay");
    const placed = await order("BANK_TRANSFER", [["nanhongcheng-chardonnay", 4]]);
    const results = await Promise.all([
      db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "buyer")),
      db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "buyer")),
      sweepExpiredReservations(db, FAR_FUTURE).then((n) => n === 1),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await stock("nanhongcheng-chardonnay")).toBe(before);
  });

  test("a paid order cannot be cancelled", async () => {
    const before = await stock("nanhongcheng-cabernet-sauvignon");
    const placed = await order("STRIPE", [["nanhongcheng-cabernet-sauvignon", 1]]);
    expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "STRIPE", amountFen: placed.totalFen }))).toBe("paid");
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, placed.orderId, "buyer"))).toBe(false);
    expect(await sweepExpiredReservations(db, FAR_FUTURE)).toBe(0);
    expect(await stock("nanhongcheng-cabernet-sauvignon")).toBe(before - 1);
    expect((await state(placed.orderId)).status).toBe("PAID");
  });
});

/**
 * The transaction client with a pause just before markOrderPaid looks up the order's payment, that is after it
 * has locked the order and read its status: a test starts another transaction there, on another connection.
 */
function pauseAfterStatusRead(tx: Prisma.TransactionClient, hook: () => Promise<void>): Prisma.TransactionClient {
  const payment = new Proxy(tx.payment, {
    get(target, prop) {
      if (prop !== "findFirst") return Reflect.get(target, prop) as unknown;
      return async (args: Parameters<typeof target.findFirst>[0]) => {
        await hook();
        return target.findFirst(args);
      };
    },
  });
  return new Proxy(tx, { get: (target, prop) => (prop === "payment" ? payment : (Reflect.get(target, prop) as unknown)) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// These interleavings need two connections: PGlite runs one transaction at a time, so they cannot happen there.
// markOrderPaid and cancelPendingOrder take the order's row lock first, so the other transaction, started in
// the middle of the first, must wait for it and then see what it committed.
describe.skipIf(!process.env.TEST_DATABASE_URL)("races between a payment and the rest (PostgreSQL, READ COMMITTED)", () => {
  test("a payment confirmed while the sweep expires the order is not lost", async () => {
    const slug = "taihang-jujubes";
    const before = await stock(slug);
    const placed = await order("STRIPE", [[slug, 2]]);
    let sweep: Promise<number> | undefined;
    // The webhook's transaction has read PENDING_PAYMENT; the sweep starts meanwhile and tries to cancel.
    const outcome = await db.$transaction((tx) =>
      markOrderPaid(
        pauseAfterStatusRead(tx, async () => {
          sweep ??= sweepExpiredReservations(db, at(placed.reservedUntil, 1));
          await sleep(300);
        }),
        { orderId: placed.orderId, method: "STRIPE", amountFen: placed.totalFen, stripeCheckoutSessionId: `cs_test_race_${placed.orderId}`, stripePaymentIntentId: `pi_race_${placed.orderId}` },
      ),
    );
    expect(await sweep, "the sweep found the order paid once it got the lock").toBe(0);
    const s = await state(placed.orderId);
    expect({ outcome, status: s.status, refunds: s.refunds.length }).toEqual({ outcome: "paid", status: "PAID", refunds: 0 });
    expect(await stock(slug), "stock taken for the paid order").toBe(before - 2);
    expect(s.paymentStatuses).toEqual(["SUCCEEDED"]);
  });

  test("two late confirmations at once take the stock again once", async () => {
    const slug = "hongnancheng-apple-canned";
    await db.product.update({ where: { id: id(slug) }, data: { stock: 8 } });
    const placed = await order("BANK_TRANSFER", [[slug, 3]]);
    expect(await sweepExpiredReservations(db, at(placed.reservedUntil, 1))).toBe(1);
    expect(await stock(slug)).toBe(8);

    const proof = { orderId: placed.orderId, method: "BANK_TRANSFER" as const, amountFen: placed.totalFen, bankReference: "TXZZ-RACE-0001" };
    let second: Promise<string> | undefined;
    // The first confirmation has read CANCELLED; the second starts meanwhile, waits for the lock, then finds
    // the order paid.
    const first = await db.$transaction((tx) =>
      markOrderPaid(
        pauseAfterStatusRead(tx, async () => {
          second ??= db.$transaction((tx2) => markOrderPaid(tx2, proof));
          await sleep(300);
        }),
        proof,
      ),
    );
    expect([first, await second]).toEqual(["paid", "alreadyPaid"]);
    expect((await state(placed.orderId)).status).toBe("PAID");
    expect(await stock(slug), "3 units taken once").toBe(5);
  });
});

describe("the benefit ledger after every test above", () => {
  test("checkLedger finds no difference; every PAID order's entries sum to its items; a payment after cancellation writes none", async () => {
    const { paid } = await expectLedgerOfEveryOrder(db);
    expect(paid, "orders paid above, late or not").toBeGreaterThan(0);
    // The payments that arrived after the stock was gone: money recorded, order cancelled, nothing in the ledger.
    const openRefunds = await db.refund.findMany({ where: { status: "REQUESTED" }, select: { order: { select: { status: true, paidAt: true, _count: { select: { ledgerEntries: true } } } } } });
    expect(openRefunds.length).toBeGreaterThan(0);
    for (const r of openRefunds) expect(r.order).toEqual({ status: "CANCELLED", paidAt: null, _count: { ledgerEntries: 0 } });
  });
});
