// Placing orders while others contend for the same product rows (issue 14, item 5: placeOrder takes the stock last,
// in one statement, just before the commit). On PostgreSQL from TEST_DATABASE_URL, else embedded PGlite:
//   - 20 buyers race for 7 units of a product that shares every cart with a plentiful one, the two lines in either
//     order: exactly 7 orders, each whole; the 13 others refused as sold out, with nothing of theirs written;
//   - a manager's stock adjustments on a product during a checkout rush on it: no deadlock, every call succeeds,
//     and the stock is the start plus what was received less what was sold;
//   - (PostgreSQL only: it needs a second connection to hold the row) a product taken off sale while an order
//     waits for its row lock: the order is refused as unavailable and writes nothing;
//   - (PostgreSQL only) an order chosen as a deadlock's victim is rolled back whole and placed on its next attempt;
//   - (PostgreSQL only) a rush on one product's stock while other buyers add it to their carts: no deadlock (the
//     stock take is not retried here), every unit accounted for;
//   - orders cancelled while others are placed on the same two products: no deadlock, whatever the order of the
//     cancelled orders' lines;
//   - (PostgreSQL only) a cooperative renamed while a checkout holds one of its products: no deadlock (the rename's
//     trigger takes the products' rows in id order, as checkout does);
//   - an order number or transfer reference drawn a second time: the order is placed with another, nothing doubled.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { searchQuery } from "@/lib/domain/search";
import { adjustStock } from "@/lib/server/listings/stock";
import { cancelPendingOrderAlone } from "@/lib/server/orders/lifecycle";
import { takeStock } from "@/lib/server/orders/order-rows";
import { placeOrder } from "@/lib/server/orders/place-order";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase, onOwnConnection, untilSomeoneWaitsForALock } from "../helpers/db";
import { cartLinesOf, checkoutInput, type CartLine } from "../helpers/orders";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_checkout_contention");
  db = t.db;
  await seedDatabase(db);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

async function product(slug: string) {
  return db.product.findUniqueOrThrow({ where: { slug }, select: { id: true, stock: true, nameZh: true, nameEn: true, cooperativeId: true } });
}

const stockOf = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;

let buyers = 0;
/** A new buyer whose cart holds `lines`, added in that order (a millisecond apart, as the cart keeps them). */
async function buyerWithCart(lines: CartLine[]): Promise<string> {
  const n = ++buyers;
  const user = await db.user.create({ data: { email: `contender-${n}@example.test` }, select: { id: true } });
  const at = Date.now();
  await db.cart.create({ data: { userId: user.id, items: { create: lines.map((l, i) => ({ ...l, addedAt: new Date(at + i) })) } } });
  return user.id;
}

const sorted = (lines: CartLine[]) => [...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));

async function writtenFor(buyerIds: string[]) {
  const orders = await db.order.findMany({ where: { buyerId: { in: buyerIds } }, select: { id: true } });
  const orderIds = orders.map((o) => o.id);
  return {
    orders: orders.length,
    items: await db.orderItem.count({ where: { orderId: { in: orderIds } } }),
    reservations: await db.stockReservation.count({ where: { orderId: { in: orderIds } } }),
    payments: await db.payment.count({ where: { orderId: { in: orderIds } } }),
    shipments: await db.shipment.count({ where: { orderId: { in: orderIds } } }),
    mails: await db.mailMessage.count({ where: { dedupeKey: { in: orderIds.map((id) => `orderPlaced:${id}`) } } }),
  };
}

describe("20 buyers race for 7 units", () => {
  test("exactly 7 orders, each whole; 13 sold out with nothing written; the other product loses only what the 7 took", async () => {
    const scarce = await product("taihang-black-dates");
    const plenty = await product("hongnancheng-apple-canned");
    expect(scarce.cooperativeId).not.toBe(plenty.cooperativeId);
    await db.product.update({ where: { id: scarce.id }, data: { stock: 7 } });
    await db.product.update({ where: { id: plenty.id }, data: { stock: 1000 } });

    // Half the carts hold the scarce product first, half second: the rows are still locked in one order.
    const carts = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const lines = i % 2 ? [{ productId: plenty.id, quantity: 2 }, { productId: scarce.id, quantity: 1 }] : [{ productId: scarce.id, quantity: 1 }, { productId: plenty.id, quantity: 2 }];
        return { userId: await buyerWithCart(lines), lines };
      }),
    );
    const results = await Promise.all(carts.map((c) => placeOrder(db, checkoutInput(c.userId, c.lines, "BANK_TRANSFER"))));

    const won = carts.filter((_, i) => results[i]!.ok);
    const lost = carts.filter((_, i) => !results[i]!.ok);
    expect(won).toHaveLength(7);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, code: "soldOut", productName: { zh: scarce.nameZh, en: scarce.nameEn } });
    expect(await stockOf(scarce.id)).toBe(0);
    expect(await stockOf(plenty.id)).toBe(1000 - 7 * 2);

    // Each winner: one order with both lines, a shipment per cooperative, both reservations, a payment, its mail.
    expect(await writtenFor(won.map((c) => c.userId))).toEqual({ orders: 7, items: 14, reservations: 14, payments: 7, shipments: 14, mails: 7 });
    for (const c of won) expect(await cartLinesOf(db, c.userId)).toEqual([]);
    // Each loser: nothing at all, and the cart as it was.
    expect(await writtenFor(lost.map((c) => c.userId))).toEqual({ orders: 0, items: 0, reservations: 0, payments: 0, shipments: 0, mails: 0 });
    for (const c of lost) expect(await cartLinesOf(db, c.userId)).toEqual(sorted(c.lines));
    const reserved = await db.stockReservation.aggregate({ where: { productId: scarce.id, status: "ACTIVE" }, _sum: { quantity: true } });
    expect(reserved._sum.quantity).toBe(7);
  }, 120_000);
});

describe("a manager's stock adjustments during a checkout rush", () => {
  test("no deadlock: every order and every adjustment goes through, and stock = start + received − sold", async () => {
    const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
    const coop = manager.cooperatives[0]!.cooperativeId;
    const hot = await db.product.findUniqueOrThrow({ where: { slug: "nanhongcheng-merlot" }, select: { id: true, cooperativeId: true } });
    const other = await product("taihang-jujubes");
    expect(hot.cooperativeId).toBe(coop);
    await db.product.update({ where: { id: hot.id }, data: { stock: 500 } });
    await db.product.update({ where: { id: other.id }, data: { stock: 500 } });

    const ROUNDS = 4;
    const carts: { userId: string; lines: CartLine[] }[] = [];
    for (let i = 0; i < 20 * ROUNDS; i++) {
      const lines = [{ productId: other.id, quantity: 1 }, { productId: hot.id, quantity: 1 + (i % 2) }];
      carts.push({ userId: await buyerWithCart(lines), lines });
    }
    const sold = carts.reduce((s, c) => s + c.lines[1]!.quantity, 0);
    let next = 0;
    const errors: unknown[] = [];
    const buyersDone = Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let c = carts[next++]; c; c = carts[next++]) {
          const r = await placeOrder(db, checkoutInput(c.userId, c.lines, "BANK_TRANSFER")).catch((e: unknown) => (errors.push(e), null));
          if (r && !r.ok) errors.push(r);
        }
      }),
    );
    let received = 0;
    let rushing = true;
    void buyersDone.finally(() => (rushing = false));
    // The manager receives a unit at a time for as long as the rush lasts (at least a few times).
    while (rushing || received < 5) {
      const r = await adjustStock(db, { scope: { cooperativeIds: [coop], cooperativeId: coop }, productId: hot.id, reason: "RECEIVED", units: 1, note: "", actorId: manager.id }).catch(
        (e: unknown) => (errors.push(e), null),
      );
      if (r?.ok) received++;
      else if (r) errors.push(r);
    }
    await buyersDone;

    expect(errors).toEqual([]);
    expect(await stockOf(hot.id)).toBe(500 + received - sold);
    expect(await stockOf(other.id)).toBe(500 - carts.length);
    expect((await writtenFor(carts.map((c) => c.userId))).orders).toBe(carts.length);
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a rush on one product while other buyers add it to their carts", () => {
  test("taking its stock never deadlocks, and every unit is accounted for", async () => {
    // A cart line's foreign key takes a key share lock on the product's row, which stays on the row versions the
    // rush replaces. A stock take that locked the rows in one CTE and updated them in another deadlocked on those
    // versions' tuple locks: 2–9 times in these 4 s (lib/server/orders/order-rows.ts stockTakeCtes). takeStock is
    // the raw take, without placeOrder's retry, so a deadlock fails the test.
    const hot = await product("nanhongcheng-rose");
    const other = await product("taihang-walnut-kernels");
    const START = 100_000;
    await db.product.updateMany({ where: { id: { in: [hot.id, other.id] } }, data: { stock: START } });
    const carts = await Promise.all(Array.from({ length: 6 }, async () => (await db.cart.findUniqueOrThrow({ where: { userId: await buyerWithCart([]) }, select: { id: true } })).id));
    const until = Date.now() + 4_000;
    const errors: unknown[] = [];
    let orders = 0;
    let added = 0;
    await Promise.all([
      ...Array.from({ length: 16 }, async (_, i) => {
        // Half name the two products one way round, half the other: the take locks them in one order either way.
        const wanted = i % 2 ? [{ productId: hot.id, quantity: 1 }, { productId: other.id, quantity: 2 }] : [{ productId: other.id, quantity: 2 }, { productId: hot.id, quantity: 1 }];
        while (Date.now() < until) {
          try {
            const taken = await db.$transaction((tx) => takeStock(tx, wanted, new Date()), { maxWait: 30_000, timeout: 30_000 });
            expect(taken.map((t) => t.id).sort()).toEqual([hot.id, other.id].sort());
            orders++;
          } catch (error) {
            errors.push(error);
          }
        }
      }),
      // Each shopper on a connection of its own, as buyers on other instances are.
      ...carts.map((cartId) =>
        onOwnConnection(t.url!, async (buyer) => {
          while (Date.now() < until) {
            await buyer.query(`INSERT INTO "CartItem" ("id", "cartId", "productId", "quantity") VALUES ($1, $2, $3, 1)`, [`rush-${cartId}-${added}`, cartId, hot.id]);
            await buyer.query(`DELETE FROM "CartItem" WHERE "cartId" = $1`, [cartId]);
            added++;
          }
        }),
      ),
    ]);
    expect(errors).toEqual([]);
    expect(orders).toBeGreaterThan(0);
    expect(added).toBeGreaterThan(0);
    expect(await stockOf(hot.id)).toBe(START - orders);
    expect(await stockOf(other.id)).toBe(START - 2 * orders);
  }, 60_000);
});

describe("orders cancelled during a checkout rush on the same two products", () => {
  test("no deadlock: a cancellation gives stock back in the order checkouts lock it, whatever its lines' order", async () => {
    const [a, b] = sorted([
      { productId: (await product("nanhongcheng-merlot")).id, quantity: 1 },
      { productId: (await product("taihang-jujubes")).id, quantity: 1 },
    ]).map((l) => l.productId) as [string, string];
    await db.product.updateMany({ where: { id: { in: [a, b] } }, data: { stock: 1_000 } });
    // Orders to cancel, their lines (and so their reservations) in descending product id order: given back in
    // that order, a cancellation would lock b then a while a checkout locks a then b.
    const toCancel: string[] = [];
    for (let i = 0; i < 60; i++) {
      const lines = [{ productId: b, quantity: 2 }, { productId: a, quantity: 2 }];
      const r = await placeOrder(db, checkoutInput(await buyerWithCart(lines), sorted(lines), "BANK_TRANSFER"));
      if (!r.ok) throw new Error(r.code);
      toCancel.push(r.orderId);
    }
    const carts: { userId: string; lines: CartLine[] }[] = [];
    for (let i = 0; i < 60; i++) {
      const lines = [{ productId: a, quantity: 1 }, { productId: b, quantity: 1 }];
      carts.push({ userId: await buyerWithCart(lines), lines });
    }
    const errors: unknown[] = [];
    let nextCart = 0;
    let nextCancel = 0;
    await Promise.all([
      ...Array.from({ length: 10 }, async () => {
        for (let c = carts[nextCart++]; c; c = carts[nextCart++]) {
          const r = await placeOrder(db, checkoutInput(c.userId, c.lines, "BANK_TRANSFER")).catch((e: unknown) => (errors.push(e), null));
          if (r && !r.ok) errors.push(r);
        }
      }),
      ...Array.from({ length: 10 }, async () => {
        for (let id = toCancel[nextCancel++]; id; id = toCancel[nextCancel++]) {
          const done = await cancelPendingOrderAlone(db, id, "buyer").catch((e: unknown) => (errors.push(e), null));
          if (done === false) errors.push(`${id} was not pending`);
        }
      }),
    ]);
    expect(errors).toEqual([]);
    // Every cancelled order's units are back; every checkout's are taken.
    expect(await stockOf(a)).toBe(1_000 - carts.length);
    expect(await stockOf(b)).toBe(1_000 - carts.length);
  }, 180_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a product taken off sale while the order waits for its row", () => {
  test("the order is refused as unavailable and writes nothing", async () => {
    const p = await product("taihang-walnut-kernels");
    const lines = [{ productId: p.id, quantity: 1 }];
    const userId = await buyerWithCart(lines);
    await onOwnConnection(t.url!, async (holder) => {
      // The manager's side: the product row locked, as an edit of the listing holds it.
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "Product" WHERE "id" = $1 FOR NO KEY UPDATE`, [p.id]);
      const placing = placeOrder(db, checkoutInput(userId, lines, "BANK_TRANSFER"));
      // Until the order waits for that row (its stock statement, the last before its commit).
      await untilSomeoneWaitsForALock(db, "placeOrder");
      await holder.query(`UPDATE "Product" SET "listingStatus" = 'OFF_SALE' WHERE "id" = $1`, [p.id]);
      await holder.query("COMMIT");

      expect(await placing).toEqual({ ok: false, code: "unavailable", productName: { zh: p.nameZh, en: p.nameEn } });
      expect(await stockOf(p.id)).toBe(p.stock);
      expect(await writtenFor([userId])).toEqual({ orders: 0, items: 0, reservations: 0, payments: 0, shipments: 0, mails: 0 });
      expect(await cartLinesOf(db, userId)).toEqual(lines);
    });
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("an order chosen as a deadlock's victim", () => {
  test("is rolled back whole and placed on its next attempt, once", async () => {
    const p = await product("taihang-comb-honey");
    const lines = [{ productId: p.id, quantity: 2 }];
    const userId = await buyerWithCart(lines);
    await onOwnConnection(t.url!, async (holder) => {
      // Another transaction holds the product row...
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "Product" WHERE "id" = $1 FOR NO KEY UPDATE`, [p.id]);
      const placing = placeOrder(db, checkoutInput(userId, lines, "BANK_TRANSFER"));
      let settled = false;
      void placing.finally(() => (settled = true));
      // ...until the order, its cart emptied under the cart's row lock, waits for the product's.
      await untilSomeoneWaitsForALock(db, "placeOrder");
      // Then that transaction wants the cart's row: a cycle. The order has waited longest, so its deadlock check
      // (deadlock_timeout, 1 s) runs first and PostgreSQL rolls it back, giving the cart its lines back.
      const cartLines = await holder.query<{ n: number }>(
        `SELECT (SELECT COUNT(*)::int FROM "CartItem" ci WHERE ci."cartId" = c."id") AS n FROM "Cart" c WHERE c."userId" = $1 FOR UPDATE`,
        [userId],
      );
      expect(cartLines.rows).toEqual([{ n: 1 }]);
      expect(settled).toBe(false); // the next attempt now waits for the cart
      expect(await writtenFor([userId])).toEqual({ orders: 0, items: 0, reservations: 0, payments: 0, shipments: 0, mails: 0 });
      await holder.query("COMMIT");

      expect(await placing).toMatchObject({ ok: true });
      expect(await writtenFor([userId])).toMatchObject({ orders: 1, items: 1, reservations: 1, payments: 1 });
      expect(await stockOf(p.id)).toBe(p.stock - 2);
      expect(await cartLinesOf(db, userId)).toEqual([]);
    });
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a cooperative renamed while a checkout holds one of its products", () => {
  test("no deadlock: the rename's rewrite of the search documents takes the rows in id order, as checkout does", async () => {
    // A cooperative whose two products lie in the table against id order: the higher id written first, so that
    // a statement taking them as it finds them takes the higher one first.
    await db.$transaction([
      db.$executeRaw`CREATE TEMP TABLE probe_coop ON COMMIT DROP AS SELECT * FROM "Cooperative" WHERE "slug" = 'nanhongcheng-grape'`,
      db.$executeRaw`UPDATE probe_coop SET "id" = 'rename-probe', "slug" = 'rename-probe'`,
      db.$executeRaw`INSERT INTO "Cooperative" SELECT * FROM probe_coop`,
      db.$executeRaw`CREATE TEMP TABLE probe_product ON COMMIT DROP AS SELECT * FROM "Product" WHERE "slug" = 'nanhongcheng-merlot'`,
      db.$executeRaw`UPDATE probe_product SET "id" = 'zz-rename-high', "slug" = 'zz-rename-high', "certificateNumber" = 'zz-rename-high', "cooperativeId" = 'rename-probe', "featured" = false`,
      db.$executeRaw`INSERT INTO "Product" SELECT * FROM probe_product`,
      db.$executeRaw`UPDATE probe_product SET "id" = 'aa-rename-low', "slug" = 'aa-rename-low', "certificateNumber" = 'aa-rename-low'`,
      db.$executeRaw`INSERT INTO "Product" SELECT * FROM probe_product`,
    ]);
    await onOwnConnection(t.url!, async (checkout) => {
      // A checkout of both: it has taken the lower id's row and is about to take the higher's.
      await checkout.query("BEGIN");
      await checkout.query(`UPDATE "Product" SET "stock" = "stock" - 1 WHERE "id" = 'aa-rename-low'`);
      // Started now (a Prisma query runs only once something awaits it).
      const renaming = (async () => db.cooperative.update({ where: { id: "rename-probe" }, data: { nameZh: "改名后的合作社" } }))();
      await untilSomeoneWaitsForALock(db, "the rename");
      // The rename waits for the lower row without holding the higher one: the checkout takes it at once.
      await checkout.query(`UPDATE "Product" SET "stock" = "stock" - 1 WHERE "id" = 'zz-rename-high'`);
      await checkout.query("COMMIT");
      await renaming;
    });
    // Both went through: the checkout's two units, and the rename in both products' search documents.
    const rows = await db.$queryRaw<{ id: string; stock: number; renamed: boolean }[]>`
      SELECT "id", "stock", "searchDocument" @@ ${searchQuery("改名后")}::tsquery AS renamed
      FROM "Product" WHERE "cooperativeId" = 'rename-probe' ORDER BY "id"`;
    const start = (await product("nanhongcheng-merlot")).stock;
    expect(rows).toEqual([
      { id: "aa-rename-low", stock: start - 1, renamed: true },
      { id: "zz-rename-high", stock: start - 1, renamed: true },
    ]);
    await db.product.deleteMany({ where: { cooperativeId: "rename-probe" } });
    await db.cooperative.delete({ where: { id: "rename-probe" } });
  }, 60_000);
});

describe("an order number or transfer reference that is already taken", () => {
  const zeros = (n: number) => new Uint8Array(n);
  let lines: CartLine[];
  let first: string;
  beforeAll(async () => {
    const p = await product("taihang-comb-honey");
    lines = [{ productId: p.id, quantity: 1 }];
    // The order that holds number TX<today>-000000 and reference TXZZ-0000-0000.
    const placed = await placeOrder(db, checkoutInput(await buyerWithCart(lines), lines, "BANK_TRANSFER"), undefined, zeros);
    if (!placed.ok) throw new Error(placed.code);
    first = placed.number;
  });

  // placeOrder draws the order number (6 characters), then the transfer reference (8).
  test.each([
    { clash: "the order number", draws: [zeros, randomBytes] },
    { clash: "the transfer reference", draws: [randomBytes, zeros] },
  ])("$clash is drawn again and the order placed once", async ({ draws }) => {
    let n = 0;
    const random = (size: number) => (draws[n++] ?? randomBytes)(size);
    const userId = await buyerWithCart(lines);
    const placed = await placeOrder(db, checkoutInput(userId, lines, "BANK_TRANSFER"), undefined, random);
    expect(placed.ok, JSON.stringify(placed)).toBe(true);
    expect(n).toBe(4); // two draws refused by the unique index, then two that went through
    const orders = await db.order.findMany({
      where: { buyerId: userId },
      select: { number: true, transferReference: true, _count: { select: { items: true, reservations: true, payments: true } } },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]!._count).toEqual({ items: 1, reservations: 1, payments: 1 });
    expect(orders[0]!.number).not.toBe(first);
    expect(orders[0]!.transferReference).not.toBe("TXZZ-0000-0000");
    expect(await cartLinesOf(db, userId)).toEqual([]);
  });
});
