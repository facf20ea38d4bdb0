// Placing orders on a real database (PostgreSQL from TEST_DATABASE_URL, else embedded PGlite): 200 buyers race
// for the last 50 units and exactly 50 win, stock ends at 0 and never below, and every unit taken is one
// ACTIVE reservation of one order. Also the refusals, each of which writes nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { placeOrder, type PlaceOrderResult } from "@/lib/server/orders/place-order";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { cartLinesOf, checkoutInput, type CartLine } from "../helpers/orders";
import { expectLedgerOfEveryOrder } from "../helpers/ledger";

let t: TestDatabase;
let db: Db;
const BUYERS = 200;
const STOCK = 50;

beforeAll(async () => {
  t = await createTestDatabase("shop_checkout_race");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
});

afterAll(async () => {
  await t?.drop();
});

const sellable = { certificationStatus: "CERTIFIED", cooperative: { status: "CERTIFIED" } } as const;

async function productBySlug(slug: string) {
  return db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, stock: true, nameZh: true, nameEn: true, cooperativeId: true } });
}

async function stockOf(productId: string): Promise<number> {
  return (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;
}

let buyerSeq = 0;
/** A buyer whose cart holds `lines` (written as rows, as the cart actions would). */
async function buyerWithCart(lines: CartLine[]): Promise<string> {
  const n = ++buyerSeq;
  const user = await db.user.create({ data: { email: `refusal-${n}@example.test`, name: `Buyer ${n}` }, select: { id: true } });
  if (lines.length > 0) await db.cart.create({ data: { userId: user.id, items: { create: lines } } });
  return user.id;
}

async function rowCounts() {
  return {
    orders: await db.order.count(),
    items: await db.orderItem.count(),
    reservations: await db.stockReservation.count(),
    payments: await db.payment.count(),
    shipments: await db.shipment.count(),
  };
}

describe("200 buyers race for the last 50 units", () => {
  test(
    "exactly 50 orders win, 150 are sold out, stock ends at 0 and every unit is one ACTIVE reservation",
    async () => {
      const product = await db.product.findFirstOrThrow({ where: { ...sellable, slug: "hongnancheng-yellow-peach-canned" }, select: { id: true } });
      await db.product.update({ where: { id: product.id }, data: { stock: STOCK } });
      const before = await rowCounts();

      const users = await db.user.createManyAndReturn({
        data: Array.from({ length: BUYERS }, (_, i) => ({ email: `racer-${String(i).padStart(3, "0")}@example.test`, name: `Racer ${i}` })),
        select: { id: true },
      });
      const carts = await db.cart.createManyAndReturn({ data: users.map((u) => ({ userId: u.id })), select: { id: true, userId: true } });
      await db.cartItem.createMany({ data: carts.map((c) => ({ cartId: c.id, productId: product.id, quantity: 1 })) });
      const lines = [{ productId: product.id, quantity: 1 }];

      // Watch the stock while the race runs: it is never seen below zero.
      let racing = true;
      const seen: number[] = [];
      const watcher = (async () => {
        while (racing) {
          seen.push(await stockOf(product.id));
          await new Promise((r) => setTimeout(r, 5));
        }
      })();

      const started = performance.now();
      let results: PlaceOrderResult[];
      try {
        results = await Promise.all(users.map((u) => placeOrder(db, checkoutInput(u.id, lines))));
      } finally {
        racing = false;
        await watcher;
      }
      const ms = Math.round(performance.now() - started);
      console.info(`checkout race on ${t.target.kind}: ${BUYERS} concurrent placeOrder calls in ${ms} ms`);

      const won = results.flatMap((r, i) => (r.ok ? [{ ...r, userId: users[i]!.id }] : []));
      const lost = results.flatMap((r, i) => (r.ok ? [] : [{ ...r, userId: users[i]!.id }]));
      expect(won).toHaveLength(STOCK);
      expect(lost).toHaveLength(BUYERS - STOCK);
      for (const r of lost) expect(r.code).toBe("soldOut");
      expect(new Set(won.map((r) => r.orderId)).size).toBe(STOCK);
      expect(new Set(won.map((r) => r.number)).size).toBe(STOCK);

      expect(await stockOf(product.id)).toBe(0);
      expect(seen.length).toBeGreaterThan(0);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);

      const orders = await db.order.findMany({
        where: { buyerId: { in: users.map((u) => u.id) } },
        select: { id: true, buyerId: true, status: true, totalFen: true, reservations: { select: { quantity: true, status: true } } },
      });
      expect(orders).toHaveLength(STOCK);
      expect(new Set(orders.map((o) => o.id))).toEqual(new Set(won.map((r) => r.orderId)));
      expect(new Set(orders.map((o) => o.buyerId))).toEqual(new Set(won.map((r) => r.userId)));
      for (const o of orders) {
        expect(o.status).toBe("PENDING_PAYMENT");
        // No order without its reservation.
        expect(o.reservations).toEqual([{ quantity: 1, status: "ACTIVE" }]);
      }

      const reservations = await db.stockReservation.findMany({ where: { productId: product.id }, select: { orderId: true, quantity: true, status: true } });
      expect(reservations).toHaveLength(STOCK);
      expect(reservations.every((r) => r.status === "ACTIVE")).toBe(true);
      expect(reservations.reduce((s, r) => s + r.quantity, 0)).toBe(STOCK);
      // No orphans: every reservation is one of the winning orders', one each.
      const orderIds = new Set(orders.map((o) => o.id));
      expect(reservations.every((r) => orderIds.has(r.orderId))).toBe(true);
      expect(new Set(reservations.map((r) => r.orderId)).size).toBe(STOCK);

      // Nothing else was written: one item, one shipment, one payment per winning order.
      expect(await rowCounts()).toEqual({
        orders: before.orders + STOCK,
        items: before.items + STOCK,
        reservations: before.reservations + STOCK,
        payments: before.payments + STOCK,
        shipments: before.shipments + STOCK,
      });

      // Winners' carts are emptied; losers' carts are as they were.
      for (const r of won) expect(await cartLinesOf(db, r.userId)).toEqual([]);
      for (const r of lost) expect(await cartLinesOf(db, r.userId)).toEqual(lines);
    },
    120_000,
  );
});

describe("refusals write nothing", () => {
  test("cartChanged: the cart differs from the one the buyer reviewed", async () => {
    const p = await productBySlug("taihang-thin-shell-walnuts");
    const lines = [{ productId: p.id, quantity: 2 }];
    const userId = await buyerWithCart(lines);
    const before = await rowCounts();
    // The buyer reviewed 1 unit; another tab changed it to 2.
    const reviewed = checkoutInput(userId, [{ productId: p.id, quantity: 1 }]);
    expect(await placeOrder(db, reviewed)).toEqual({ ok: false, code: "cartChanged" });
    // A product added in another tab changes the fingerprint too.
    const other = await productBySlug("taihang-jujubes");
    expect(await placeOrder(db, checkoutInput(userId, [...lines, { productId: other.id, quantity: 1 }]))).toEqual({ ok: false, code: "cartChanged" });
    expect(await rowCounts()).toEqual(before);
    expect(await stockOf(p.id)).toBe(p.stock);
    expect(await cartLinesOf(db, userId)).toEqual(lines);
    // The fingerprint of the cart as it is now goes through.
    const placed = await placeOrder(db, checkoutInput(userId, lines));
    expect(placed.ok).toBe(true);
    expect(await stockOf(p.id)).toBe(p.stock - 2);
  });

  test("emptyCart: no cart at all, or a cart with no lines", async () => {
    const before = await rowCounts();
    const noCart = await buyerWithCart([]);
    expect(await placeOrder(db, checkoutInput(noCart, []))).toEqual({ ok: false, code: "emptyCart" });
    const emptied = await buyerWithCart([]);
    await db.cart.create({ data: { userId: emptied } });
    expect(await placeOrder(db, checkoutInput(emptied, []))).toEqual({ ok: false, code: "emptyCart" });
    expect(await rowCounts()).toEqual(before);
  });

  test("unavailable: an uncertified product, or a product of an uncertified cooperative, in the cart", async () => {
    const good = await productBySlug("taihang-black-dates");
    const uncertified = await db.product.findFirstOrThrow({
      where: { certificationStatus: { not: "CERTIFIED" }, cooperative: { status: "CERTIFIED" } },
      select: { id: true, stock: true, nameZh: true, nameEn: true },
    });
    const pendingCoop = await db.product.findFirstOrThrow({
      where: { certificationStatus: "CERTIFIED", cooperative: { status: { not: "CERTIFIED" } } },
      select: { id: true, stock: true, nameZh: true, nameEn: true },
    }).catch(async () => {
      // The sample data may certify no product of an uncertified cooperative: make one.
      const p = await db.product.findFirstOrThrow({ where: { cooperative: { status: { not: "CERTIFIED" } } }, select: { id: true } });
      return db.product.update({ where: { id: p.id }, data: { certificationStatus: "CERTIFIED", stock: 20 }, select: { id: true, stock: true, nameZh: true, nameEn: true } });
    });
    const before = await rowCounts();
    for (const bad of [uncertified, pendingCoop]) {
      const lines = [
        { productId: good.id, quantity: 1 },
        { productId: bad.id, quantity: 1 },
      ];
      const userId = await buyerWithCart(lines);
      expect(await placeOrder(db, checkoutInput(userId, lines))).toEqual({ ok: false, code: "unavailable", productName: { zh: bad.nameZh, en: bad.nameEn } });
      expect(await stockOf(bad.id)).toBe(bad.stock);
      expect(await cartLinesOf(db, userId)).toEqual([...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1)));
    }
    expect(await stockOf(good.id)).toBe(good.stock);
    expect(await rowCounts()).toEqual(before);
  });

  test("soldOut on the second product rolls back the first product's decrement", async () => {
    // Stock is taken in product-id order, so the product with the larger id is decremented second.
    const [first, second] = (
      await Promise.all(["tangxian-dried-persimmons", "tangxian-roasted-peanuts"].map(productBySlug))
    ).sort((a, b) => (a.id < b.id ? -1 : 1)) as [Awaited<ReturnType<typeof productBySlug>>, Awaited<ReturnType<typeof productBySlug>>];
    await db.product.update({ where: { id: second.id }, data: { stock: 2 } });
    const lines = [
      { productId: first.id, quantity: 3 },
      { productId: second.id, quantity: 3 },
    ];
    const userId = await buyerWithCart(lines);
    const before = await rowCounts();
    expect(await placeOrder(db, checkoutInput(userId, lines, "BANK_TRANSFER"))).toEqual({
      ok: false,
      code: "soldOut",
      productName: { zh: second.nameZh, en: second.nameEn },
    });
    expect(await stockOf(first.id)).toBe(first.stock);
    expect(await stockOf(second.id)).toBe(2);
    expect(await rowCounts()).toEqual(before);
    expect(await db.order.count({ where: { buyerId: userId } })).toBe(0);
    expect(await cartLinesOf(db, userId)).toEqual(lines);
  });
});

describe("one cart submitted twice at once (a double click, two tabs)", () => {
  test("places one order and takes the stock once", async () => {
    const p = await productBySlug("tangxian-yellow-millet");
    const lines = [{ productId: p.id, quantity: 2 }];
    const pairs = 10;
    const userIds: string[] = [];
    for (let i = 0; i < pairs; i++) userIds.push(await buyerWithCart(lines));
    const results = await Promise.all(userIds.flatMap((u) => [placeOrder(db, checkoutInput(u, lines)), placeOrder(db, checkoutInput(u, lines))]));
    const accepted = userIds.map((_, i) => results.slice(2 * i, 2 * i + 2).filter((r) => r.ok).length);
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.code]));
    const ordersPerBuyer = await Promise.all(userIds.map((u) => db.order.count({ where: { buyerId: u } })));
    // Each buyer: one submission accepted, the other refused because the cart it was made from is gone.
    expect.soft(accepted, "submissions accepted per buyer").toEqual(userIds.map(() => 1));
    expect.soft(ordersPerBuyer, "orders per buyer").toEqual(userIds.map(() => 1));
    for (const code of refusals) expect.soft(["emptyCart", "cartChanged"]).toContain(code);
    expect(await stockOf(p.id), "stock taken once per buyer").toBe(p.stock - 2 * pairs);
  });
});

describe("the benefit ledger after the race", () => {
  // This suite places orders but pays none; paying them all at once (same products, same rollup rows) is what
  // puts the ledger and its rollups under concurrency.
  test("paying every order placed above, all at once, leaves a ledger and rollups that reconcile", async () => {
    const pending = await db.order.findMany({ where: { status: "PENDING_PAYMENT" }, select: { id: true, totalFen: true, paymentMethod: true } });
    expect(pending.length).toBeGreaterThanOrEqual(STOCK);
    const outcomes = await Promise.all(
      pending.map((o) => db.$transaction((tx) => markOrderPaid(tx, { orderId: o.id, method: o.paymentMethod, amountFen: o.totalFen }), { maxWait: 60_000, timeout: 60_000 })),
    );
    expect(outcomes.filter((x) => x !== "paid")).toEqual([]);
    const { paid } = await expectLedgerOfEveryOrder(db);
    expect(paid).toBe(pending.length);
    // Each order counted once in the TOTAL rollup, whichever day its payment fell on.
    const total = await db.salesDailyRollup.aggregate({ where: { dimension: "TOTAL" }, _sum: { orders: true, revenueFen: true } });
    const items = await db.order.aggregate({ where: { status: "PAID" }, _sum: { itemsFen: true } });
    expect({ orders: total._sum.orders, revenueFen: Number(total._sum.revenueFen) }).toEqual({ orders: pending.length, revenueFen: items._sum.itemsFen });
  }, 120_000);
});
