// Stock adjustments on a real database (lib/server/listings/stock.ts): each reason, the refusals (nothing
// written), the history and audit rows, the low-stock list, another cooperative's product — and a race of
// write-offs, stocktakes, orders, payments and cancellations on one product: the stock never goes below zero and
// stock + held + sold always equals the starting stock plus the movements' deltas.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { adjustStock, getStockOverview, listLowStock, setLowStockThreshold, type AdjustStockInput } from "@/lib/server/listings/stock";
import { cancelPendingOrder, markOrderPaid } from "@/lib/server/orders/lifecycle";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let managerA: string;
let coopA: string;
let coopB: string;
const TX = { maxWait: 60_000, timeout: 60_000 };

beforeAll(async () => {
  t = await createTestDatabase("shop_stock");
  db = t.db;
  await seedDatabase(db);
  const a = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
  managerA = a.id;
  coopA = a.cooperatives[0]!.cooperativeId;
  coopB = (await db.cooperative.findUniqueOrThrow({ where: { slug: "hongnancheng-canning" }, select: { id: true } })).id;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

const scopeA = () => ({ cooperativeIds: [coopA], cooperativeId: coopA });
const adjust = (productId: string, reason: AdjustStockInput["reason"], units: number, note = "") =>
  adjustStock(db, { scope: scopeA(), productId, reason, units, note, actorId: managerA });
const stockOf = async (productId: string) => (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } })).stock;

/** Everything an adjustment writes, to prove a refusal wrote none of it. */
async function footprint(productId: string) {
  return {
    stock: await stockOf(productId),
    threshold: (await db.product.findUniqueOrThrow({ where: { id: productId }, select: { lowStockThreshold: true } })).lowStockThreshold,
    movements: await db.stockMovement.count({ where: { productId } }),
    audits: await db.auditLog.count({ where: { entityId: productId } }),
  };
}

describe("each reason", () => {
  test("received, stocktake and damage move the stock on sale, each with a history row and an audit row", async () => {
    const id = await productIdOf(db, "nanhongcheng-merlot");
    const start = await stockOf(id);
    const received = await adjust(id, "RECEIVED", 10, "新到一批");
    expect(received).toMatchObject({ ok: true, delta: 10, stockAfter: start + 10, reserved: 0 });

    // An unpaid order holds 3: a stocktake counts them on hand, so on sale = counted − 3.
    await placeTestOrder(db, "STRIPE", [[id, 3]], "stock");
    expect(await stockOf(id)).toBe(start + 7);
    const counted = await adjust(id, "STOCKTAKE", 50);
    expect(counted).toMatchObject({ ok: true, delta: 47 - (start + 7), stockAfter: 47, reserved: 3 });

    const damaged = await adjust(id, "DAMAGE", 7, "运输破损");
    expect(damaged).toMatchObject({ ok: true, delta: -7, stockAfter: 40, reserved: 3 });
    expect(await stockOf(id)).toBe(40);

    const overview = await getStockOverview(db, { cooperativeIds: [coopA], productId: id });
    expect(overview?.reserved).toBe(3);
    expect(overview?.product.stock).toBe(40);
    // Newest first.
    expect(overview?.movements.map((m) => [m.reason, m.delta, m.stockAfter, m.reserved, m.note])).toEqual([
      ["DAMAGE", -7, 40, 3, "运输破损"],
      ["STOCKTAKE", 47 - (start + 7), 47, 3, ""],
      ["RECEIVED", 10, start + 10, 0, "新到一批"],
    ]);
    expect(overview?.movements.every((m) => m.actor.email === "manager@demo.tangxian.shop")).toBe(true);

    const audits = await db.auditLog.findMany({ where: { entityId: id, action: "product.stock-adjusted" }, orderBy: { createdAt: "asc" }, select: { actorId: true, metadata: true } });
    expect(audits.map((a) => a.actorId)).toEqual([managerA, managerA, managerA]);
    expect(audits.map((a) => (a.metadata as { reason: string; stockAfter: number }).reason)).toEqual(["RECEIVED", "STOCKTAKE", "DAMAGE"]);
    expect((audits[1]?.metadata as { stockBefore: number; units: number }).units).toBe(50);
  });
});

describe("refusals write nothing", () => {
  test.each([
    ["a stocktake below what unpaid orders hold", "STOCKTAKE", 4, { code: "refused", reason: "countBelowReserved", reserved: 5 }],
    ["a write-off above the stock on sale", "DAMAGE", 21, { code: "refused", reason: "damageAboveStock", stock: 20, reserved: 5 }],
    ["receiving nothing", "RECEIVED", 0, { code: "refused", reason: "zeroUnits" }],
    ["a negative number", "RECEIVED", -5, { code: "refused", reason: "invalidUnits" }],
    ["a fraction", "DAMAGE", 1.5, { code: "refused", reason: "invalidUnits" }],
  ] as const)("%s", async (_name, reason, units, expected) => {
    const id = await productIdOf(db, "nanhongcheng-chardonnay");
    if ((await db.stockReservation.count({ where: { productId: id, status: "ACTIVE" } })) === 0) {
      await db.product.update({ where: { id }, data: { stock: 25 } });
      await placeTestOrder(db, "BANK_TRANSFER", [[id, 5]], "stock");
    }
    const before = await footprint(id);
    expect(before.stock).toBe(20);
    const result = await adjust(id, reason, units);
    expect(result).toEqual({ ok: false, ...expected });
    expect(await footprint(id)).toEqual(before);
  });

  test("a stocktake counts paid units that have not shipped as on the shelf, not on sale; shipped ones are gone", async () => {
    const id = await productIdOf(db, "nanhongcheng-marselan");
    const order = await placeTestOrder(db, "BANK_TRANSFER", [[id, 4]], "stock-paid");
    await db.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, method: "BANK_TRANSFER", amountFen: order.totalFen }), TX);
    // 4 paid, waiting to be packed: counted 20 on the shelf → 16 on sale.
    expect(await adjust(id, "STOCKTAKE", 20)).toMatchObject({ ok: true, stockAfter: 16, reserved: 4 });
    expect(await adjust(id, "STOCKTAKE", 3)).toMatchObject({ ok: false, reason: "countBelowReserved", reserved: 4 });
    // Once the parcel has left, those 4 are no longer on the shelf: 16 counted → 16 on sale.
    await db.shipment.updateMany({ where: { orderId: order.orderId }, data: { status: "SHIPPED" } });
    expect(await adjust(id, "STOCKTAKE", 16)).toMatchObject({ ok: true, stockAfter: 16, reserved: 0 });
  });

  test("another cooperative's product, or a cooperative not the caller's, is not found", async () => {
    const theirs = await productIdOf(db, "hongnancheng-yellow-peach-canned");
    const ours = await productIdOf(db, "nanhongcheng-rose");
    const [b1, b2] = [await footprint(theirs), await footprint(ours)];
    // Managing A, naming B's product under A.
    expect(await adjust(theirs, "RECEIVED", 5)).toEqual({ ok: false, code: "notFound" });
    // Naming B as the cooperative without managing it.
    expect(await adjustStock(db, { scope: { cooperativeIds: [coopA], cooperativeId: coopB }, productId: theirs, reason: "RECEIVED", units: 5, note: "", actorId: managerA })).toEqual({ ok: false, code: "notFound" });
    // A's own product under B's id.
    expect(await adjustStock(db, { scope: { cooperativeIds: [coopA, coopB], cooperativeId: coopB }, productId: ours, reason: "RECEIVED", units: 5, note: "", actorId: managerA })).toEqual({ ok: false, code: "notFound" });
    expect(await setLowStockThreshold(db, { scope: scopeA(), productId: theirs, threshold: 3, actorId: managerA })).toEqual({ ok: false, code: "notFound" });
    expect(await getStockOverview(db, { cooperativeIds: [coopA], productId: theirs })).toBeNull();
    expect([await footprint(theirs), await footprint(ours)]).toEqual([b1, b2]);
  });

  test("an archived product's stock cannot change", async () => {
    const id = await productIdOf(db, "nanhongcheng-late-harvest-white");
    await db.product.update({ where: { id }, data: { listingStatus: "ARCHIVED" } });
    const before = await footprint(id);
    expect(await adjust(id, "RECEIVED", 5)).toEqual({ ok: false, code: "archived" });
    expect(await setLowStockThreshold(db, { scope: scopeA(), productId: id, threshold: 3, actorId: managerA })).toEqual({ ok: false, code: "archived" });
    expect(await footprint(id)).toEqual(before);
    await db.product.update({ where: { id }, data: { listingStatus: "IN_REVIEW" } });
  });
});

describe("low-stock threshold", () => {
  test("set within 0–100,000, audited; the list holds the cooperative's products at or below it", async () => {
    const id = await productIdOf(db, "nanhongcheng-sweet-red");
    const stock = await stockOf(id);
    for (const bad of [-1, 100_001, 2.5]) {
      const before = await footprint(id);
      expect(await setLowStockThreshold(db, { scope: scopeA(), productId: id, threshold: bad, actorId: managerA })).toEqual({ ok: false, code: "outOfRange" });
      expect(await footprint(id)).toEqual(before);
    }
    expect(await setLowStockThreshold(db, { scope: scopeA(), productId: id, threshold: stock, actorId: managerA })).toEqual({ ok: true, threshold: stock });
    const audit = await db.auditLog.findFirst({ where: { entityId: id, action: "product.updated" }, orderBy: { createdAt: "desc" }, select: { actorId: true, metadata: true } });
    expect(audit).toMatchObject({ actorId: managerA, metadata: { lowStockThreshold: { to: stock } } });

    let low = await listLowStock(db, scopeA());
    expect(low.map((p) => p.id)).toContain(id);
    for (const p of low) expect(p.stock).toBeLessThanOrEqual(p.lowStockThreshold);
    const all = await db.product.findMany({ where: { cooperativeId: coopA, listingStatus: { not: "ARCHIVED" } }, select: { id: true, stock: true, lowStockThreshold: true } });
    expect(new Set(low.map((p) => p.id))).toEqual(new Set(all.filter((p) => p.stock <= p.lowStockThreshold).map((p) => p.id)));
    expect(low.every((p) => all.some((a) => a.id === p.id))).toBe(true);

    await setLowStockThreshold(db, { scope: scopeA(), productId: id, threshold: stock - 1, actorId: managerA });
    low = await listLowStock(db, scopeA());
    expect(low.map((p) => p.id)).not.toContain(id);
    // Another cooperative's list is empty for this manager, whatever it holds.
    expect(await listLowStock(db, { cooperativeIds: [coopA], cooperativeId: coopB })).toEqual([]);
  });
});

describe("adjustments race orders, payments and cancellations", () => {
  test(
    "the stock never goes below zero and stock + held + sold = start + the movements' deltas",
    async () => {
      const id = await productIdOf(db, "nanhongcheng-cabernet-sauvignon");
      await db.product.update({ where: { id }, data: { stock: 100 } });
      const base = await db.stockReservation.aggregate({ where: { productId: id }, _sum: { quantity: true } });
      expect(base._sum.quantity ?? 0).toBe(0);
      const START = 100;

      let minSeen = Number.POSITIVE_INFINITY;
      let racing = true;
      const watcher = (async () => {
        while (racing) {
          minSeen = Math.min(minSeen, await stockOf(id));
          await new Promise((r) => setTimeout(r, 5));
        }
      })();

      // Round 1: 40 buyers of 1–2 units against 30 write-offs of 2 and 6 stocktakes.
      const orders: PlacedTestOrder[] = [];
      const round1 = await Promise.allSettled([
        ...Array.from({ length: 40 }, (_, i) => placeTestOrder(db, "STRIPE", [[id, 1 + (i % 2)]], "race").then((o) => orders.push(o))),
        ...Array.from({ length: 30 }, () => adjust(id, "DAMAGE", 2)),
        ...Array.from({ length: 6 }, () => adjust(id, "STOCKTAKE", 60)),
      ]);
      // Round 2: half the orders paid, a quarter cancelled, more write-offs and receipts, all at once.
      const round2 = await Promise.allSettled([
        ...orders.slice(0, Math.floor(orders.length / 2)).map((o) => db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "STRIPE", amountFen: o.totalFen }), TX)),
        ...orders.slice(Math.floor(orders.length / 2), Math.floor((orders.length * 3) / 4)).map((o) => db.$transaction((tx) => cancelPendingOrder(tx, o.orderId, "buyer"), TX)),
        ...Array.from({ length: 20 }, () => adjust(id, "DAMAGE", 3)),
        ...Array.from({ length: 5 }, () => adjust(id, "RECEIVED", 4)),
      ]);
      racing = false;
      await watcher;

      // Only "sold out" may refuse an order; adjustments never throw (they answer with a refusal).
      for (const r of [...round1, ...round2]) if (r.status === "rejected") expect(String(r.reason)).toMatch(/soldOut/);
      expect(orders.length).toBeGreaterThan(0);
      const adjustments = [...round1, ...round2].filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof adjust>>> => r.status === "fulfilled" && typeof r.value === "object" && r.value !== null && "ok" in r.value);
      expect(adjustments.some((r) => r.value.ok)).toBe(true);
      expect(adjustments.some((r) => !r.value.ok && r.value.code === "refused")).toBe(true);

      const stock = await stockOf(id);
      const byStatus = await db.stockReservation.groupBy({ by: ["status"], where: { productId: id }, _sum: { quantity: true } });
      const units = (s: string) => byStatus.find((g) => g.status === s)?._sum.quantity ?? 0;
      const movements = await db.stockMovement.findMany({ where: { productId: id }, select: { delta: true, stockAfter: true, reserved: true } });
      const deltas = movements.reduce((s, m) => s + m.delta, 0);

      expect(minSeen).toBeGreaterThanOrEqual(0);
      expect(stock).toBeGreaterThanOrEqual(0);
      for (const m of movements) {
        expect(m.stockAfter).toBeGreaterThanOrEqual(0);
        expect(m.reserved).toBeGreaterThanOrEqual(0);
      }
      expect(units("CONVERTED")).toBeGreaterThan(0);
      expect(units("RELEASED")).toBeGreaterThan(0);
      expect(stock + units("ACTIVE") + units("CONVERTED")).toBe(START + deltas);
      // Every accepted adjustment is one movement and one audit row.
      const accepted = adjustments.filter((r) => r.value.ok).length;
      expect(movements.length).toBe(accepted);
      await expectLedgerReconciled(db);
    },
    180_000,
  );
});
