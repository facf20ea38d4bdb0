// checkLedger (`npm run ledger:check`) against differences injected into a reconciled ledger: each kind of difference
// an order's entries can have is found, named with its order and party, and nothing else is; and a check that starts
// from a checkpoint finds exactly what a check from scratch finds (new entries, changed orders, tampered rollup rows of
// checkpointed days, an order paid while the checkpoint was taken, entries changed behind the append-only trigger).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/server/ledger/check";
import { rollupDigests } from "@/lib/server/rollups/rebuild";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { recordRefund } from "@/lib/server/orders/refunds";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

const TX = { maxWait: 60_000, timeout: 60_000 };

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_ledger_check");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
});

afterAll(async () => {
  await t?.drop();
});

const pay = (o: PlacedTestOrder) =>
  db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TXZZ-${o.number}` }), TX);

const entriesOf = (orderId: string) => db.ledgerEntry.findMany({ where: { orderId }, orderBy: { idempotencyKey: "asc" } });

/**
 * Records a checkpoint whose snapshot comes after every write so far, and returns its check. A transaction still
 * running anywhere on the server holds a snapshot's xmin back, and the next check reads again everything written after
 * that transaction began (more than needed, never less); other suites run beside this one, so this waits them out.
 */
async function checkpointAfterWrites(d: Db, options: { incremental?: boolean } = { incremental: true }) {
  const [mark] = await d.$queryRawUnsafe<{ xid: string }[]>(`SELECT pg_current_xact_id()::text AS "xid"`);
  for (let i = 0; ; i++) {
    const result = await checkLedger(d, { ...options, checkpoint: true });
    expect(result.differences).toEqual([]);
    const cp = await d.ledgerCheckpoint.findFirstOrThrow({ orderBy: { snapshotXmin: "desc" } });
    if (cp.snapshotXmin > BigInt(mark!.xid)) return result;
    if (i === 300) throw new Error("a transaction elsewhere on the server stayed open for a minute");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A copy of `entry` under another key, amount and household (the ledger refuses updates, not inserts). */
async function inject(entry: Awaited<ReturnType<typeof entriesOf>>[number], over: { idempotencyKey: string; amountFen: number; householdId?: string | null; orderId?: string; refundId?: string | null }) {
  const { id: _id, createdAt: _createdAt, ...rest } = entry;
  await db.ledgerEntry.create({ data: { ...rest, units: 0, ...over } });
}

describe("checkLedger on injected differences", () => {
  test("finds every kind of difference in an order's entries, once, and only those", async () => {
    const honey = await productIdOf(db, "taihang-comb-honey");
    const walnuts = await productIdOf(db, "taihang-thin-shell-walnuts");
    await db.product.updateMany({ where: { id: { in: [honey, walnuts] } }, data: { stock: 1_000 } });
    const placed: PlacedTestOrder[] = [];
    for (const i of [0, 1, 2, 3]) placed.push(await placeTestOrder(db, "BANK_TRANSFER", [[honey, 1 + i], [walnuts, 2]], "check"));
    const [plain, refunded, unpaid, overstated] = placed;
    for (const o of [plain!, refunded!, overstated!]) expect(await pay(o)).toBe("paid");
    await db.$transaction((tx) => recordRefund(tx, { orderId: refunded!.orderId, addFen: Math.floor(refunded!.totalFen / 3) }), TX);
    await expectLedgerReconciled(db);
    const before = await checkLedger(db);
    // A checkpoint of the reconciled ledger (from scratch): every difference below is injected after it.
    const checkpoint = await checkpointAfterWrites(db, {});
    expect(checkpoint.checkpointAt).not.toBeNull();

    const plainEntries = await entriesOf(plain!.orderId);
    const household = plainEntries.find((e) => e.idempotencyKey.startsWith("paid:") && e.householdId !== null)!;
    const coop = plainEntries.find((e) => e.idempotencyKey.startsWith("paid:") && e.householdId === null)!;
    const stranger = await db.household.findFirstOrThrow({ where: { id: { notIn: plainEntries.flatMap((e) => (e.householdId ? [e.householdId] : [])) } }, select: { id: true } });
    // A payment entry one fen too many, an entry of no payment or refund that takes it back, and a household of
    // no line of the order.
    await inject(household, { idempotencyKey: `paid:injected:1`, amountFen: 1 });
    await inject(coop, { idempotencyKey: `adjust:injected:2`, amountFen: -1 });
    await inject(household, { idempotencyKey: `paid:injected:3`, amountFen: 5, householdId: stranger.id });
    // A reversing entry that names no refund.
    const refundedOrder = await db.order.findUniqueOrThrow({ where: { id: refunded!.orderId }, select: { number: true, itemsFen: true, totalFen: true, refundedFen: true } });
    const reversal = (await entriesOf(refunded!.orderId)).find((e) => e.idempotencyKey.startsWith("refund:") && e.householdId !== null)!;
    await inject(reversal, { idempotencyKey: `refund:injected:4`, amountFen: -2, refundId: null });
    // Entries on an order never paid.
    await inject(coop, { idempotencyKey: `paid:injected:5`, amountFen: 7, orderId: unpaid!.orderId });
    // A refunded total that no counted refund explains and no reversing entry follows.
    const over = await db.order.update({ where: { id: overstated!.orderId }, data: { refundedFen: overstated!.totalFen }, select: { number: true, itemsFen: true, totalFen: true } });
    const overParties = (await entriesOf(overstated!.orderId)).filter((e) => e.idempotencyKey.startsWith("paid:"));

    const after = await checkLedger(db);
    expect(after.ordersChecked).toBe(before.ordersChecked + 1);
    expect(after.entriesChecked).toBe(before.entriesChecked + 5);
    const orders = after.differences.filter((d) => d.startsWith("order "));
    const party = (e: { orderItemId: string; householdId: string | null }) => `${e.orderItemId}:${e.householdId ?? "cooperative"}`;
    const plainNumber = plain!.number;
    const { itemsFen: plainItems } = await db.order.findUniqueOrThrow({ where: { id: plain!.orderId }, select: { itemsFen: true } });
    // Within an order, parties come in key order.
    expect(orders.filter((d) => d.startsWith(`order ${plainNumber}:`)).sort()).toEqual([
      `order ${plainNumber}: 1 ledger entries neither from its payment nor from a refund`,
      `order ${plainNumber}: payment for ${party(household)}: expected ${household.amountFen} fen / 0 units, ledger has ${household.amountFen + 1} fen / 0 units`,
      `order ${plainNumber}: payment for ${party({ orderItemId: household.orderItemId, householdId: stranger.id })}: expected 0 fen / 0 units, ledger has 5 fen / 0 units`,
      `order ${plainNumber}: ledger nets ${plainItems + 5} fen, expected ${plainItems} (items ${plainItems}, refunded 0 of ${plain!.totalFen})`,
    ].sort());
    const refundedNet = refundedOrder.itemsFen - Math.floor((refundedOrder.refundedFen * refundedOrder.itemsFen) / refundedOrder.totalFen);
    expect(orders.filter((d) => d.startsWith(`order ${refundedOrder.number}:`))).toEqual([
      `order ${refundedOrder.number}: refunds for ${party(reversal)}: expected ${reversal.amountFen} fen / 0 units, ledger has ${reversal.amountFen - 2} fen / 0 units`,
      `order ${refundedOrder.number}: 1 reversing entries that name no refund`,
      `order ${refundedOrder.number}: ledger nets ${refundedNet - 2} fen, expected ${refundedNet} (items ${refundedOrder.itemsFen}, refunded ${refundedOrder.refundedFen} of ${refundedOrder.totalFen})`,
    ]);
    expect(orders.filter((d) => d.startsWith(`order ${unpaid!.number}:`))).toEqual([`order ${unpaid!.number}: 1 ledger entries but the order is PENDING_PAYMENT, not paid`]);
    const overDiffs = orders.filter((d) => d.startsWith(`order ${over.number}:`));
    expect(overDiffs.filter((d) => d.includes(": refunds for "))).toEqual(
      overParties.filter((e) => e.amountFen !== 0).map((e) => `order ${over.number}: refunds for ${party(e)}: expected ${-e.amountFen} fen / 0 units, ledger has 0 fen / 0 units`),
    );
    expect(overDiffs.filter((d) => !d.includes(": refunds for "))).toEqual([
      `order ${over.number}: refunded ${over.totalFen} fen, but its counted refunds add up to 0`,
      `order ${over.number}: ledger nets ${over.itemsFen} fen, expected 0 (items ${over.itemsFen}, refunded ${over.totalFen} of ${over.totalFen})`,
    ]);
    // Nothing about any other order.
    expect(orders.filter((d) => ![plainNumber, refundedOrder.number, unpaid!.number, over.number].some((n) => d.startsWith(`order ${n}:`)))).toEqual([]);

    // From the checkpoint: the same findings, in the same order, reading again only the four orders.
    const since = await checkLedger(db, { incremental: true });
    expect(since.since).toEqual({ at: checkpoint.checkpointAt, full: true });
    expect(since.differences).toEqual(after.differences);
    expect({ orders: since.ordersChecked, entries: since.entriesChecked }).toEqual({ orders: after.ordersChecked, entries: after.entriesChecked });
    expect(since.reread?.orders).toBe(4);
    // It records no checkpoint (it found differences), and the next one still starts from the same.
    expect((await checkLedger(db, { incremental: true, checkpoint: true })).checkpointAt).toBeNull();
    expect(await db.ledgerCheckpoint.count()).toBe(1);
  });
});

describe("checkLedger since a checkpoint", () => {
  let c: TestDatabase;
  let cdb: Db;
  const OLD = new Date("2026-10-15T04:00:00.000Z"); // noon in Beijing, 2026-10-15
  let honey: string;
  let walnuts: string;

  beforeAll(async () => {
    c = await createTestDatabase("shop_ledger_checkpoint");
    cdb = c.db;
    await seedDatabase(cdb, { demoUsers: false });
    honey = await productIdOf(cdb, "taihang-comb-honey");
    walnuts = await productIdOf(cdb, "taihang-thin-shell-walnuts");
    await cdb.product.updateMany({ where: { id: { in: [honey, walnuts] } }, data: { stock: 1_000 } });
  });

  afterAll(async () => {
    await c?.drop();
  });

  const payAt = (o: PlacedTestOrder, now = new Date()) =>
    cdb.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TXZZ-${o.number}` }, now), TX);
  const refund = (o: PlacedTestOrder, addFen: number, now = new Date()) => cdb.$transaction((tx) => recordRefund(tx, { orderId: o.orderId, addFen }, now), TX);
  const place = (n: number, now?: Date) => placeTestOrder(cdb, "BANK_TRANSFER", [[honey, n], [walnuts, 1]], "since", now);
  /** The check from the checkpoint and the check from scratch, on the same state: the same findings and counts. */
  async function sameAsFromScratch() {
    const since = await checkLedger(cdb, { incremental: true });
    const scratch = await checkLedger(cdb);
    expect(since.since).not.toBeNull();
    expect(since.fromScratchBecause).toBeNull();
    expect(since.differences).toEqual(scratch.differences);
    expect({ orders: since.ordersChecked, entries: since.entriesChecked }).toEqual({ orders: scratch.ordersChecked, entries: scratch.entriesChecked });
    return { since, scratch };
  }
  const old: PlacedTestOrder[] = [];

  test("a clean check records a checkpoint; the next reads again only what was written since, and finds what a check from scratch finds", async () => {
    // History on an old day (entries dated 2026-10-15), one refunded, and one order paid today.
    for (const n of [1, 2, 3]) {
      const o = await place(n, OLD);
      expect(await payAt(o, OLD)).toBe("paid");
      old.push(o);
    }
    await refund(old[0]!, 1_000, OLD);
    expect(await payAt(await place(4))).toBe("paid");
    await expectLedgerReconciled(cdb);

    const first = await checkLedger(cdb, { incremental: true, checkpoint: true });
    expect(first).toMatchObject({ differences: [], since: null, fromScratchBecause: "no checkpoint yet", reread: null });
    expect(first.checkpointAt).toBeInstanceOf(Date);
    const base = await checkpointAfterWrites(cdb);
    const again = await checkLedger(cdb, { incremental: true, checkpoint: true });
    expect(again).toMatchObject({ differences: [], since: { at: base.checkpointAt }, fromScratchBecause: null, reread: { orders: 0, entries: 0, periods: 0 } });
    expect({ orders: again.ordersChecked, entries: again.entriesChecked }).toEqual({ orders: first.ordersChecked, entries: first.entriesChecked });
    expect(await cdb.ledgerCheckpoint.count()).toBe(1);
    const before = await checkpointAfterWrites(cdb);

    // After it: two orders paid, a further refund of an old order (its entries dated today), an order placed and not
    // paid. Each is read again (the unpaid one for its new order row), and all of it is verified.
    expect(await payAt(await place(5))).toBe("paid");
    expect(await payAt(await place(6))).toBe("paid");
    await refund(old[1]!, 500);
    await place(7);
    const { since, scratch } = await sameAsFromScratch();
    expect(scratch.differences).toEqual([]);
    expect(since.since).toEqual({ at: before.checkpointAt, full: false });
    // Orders: the two paid, the refunded, the unpaid one; rollups: the days they have entries on (today, and the
    // refunded order's day of payment) in the two daily tables, their months in the three monthly ones.
    expect(since.reread).toEqual({ orders: 4, entries: expect.any(Number) as number, periods: 2 * 2 + 2 * 3 });
    expect(since.ordersChecked).toBe(6);
    const recorded = await checkLedger(cdb, { incremental: true, checkpoint: true });
    expect(recorded.differences).toEqual([]);
    expect(recorded.checkpointAt).not.toBeNull();
  });

  test("rollup rows tampered after the checkpoint are found, on checkpointed days and months, as from scratch", async () => {
    const oldDay = new Date("2026-10-15T00:00:00.000Z");
    const village = await cdb.salesDailyRollup.findFirstOrThrow({ where: { day: oldDay, dimension: "VILLAGE" } });
    const buyerMonth = await cdb.buyerMonthlyOrders.findFirstOrThrow({ where: { month: new Date("2026-10-01T00:00:00.000Z"), key: "" } });
    const household = await cdb.household.findFirstOrThrow({ select: { id: true } });
    await checkpointAfterWrites(cdb);
    // A stored row a fen off, a row that no entry explains (a month with no sales), a row removed.
    await cdb.salesDailyRollup.update({ where: { dimension_key_day: { dimension: "VILLAGE", key: village.key, day: oldDay } }, data: { revenueFen: { increment: 1 } } });
    await cdb.householdMonthlyIncome.create({ data: { dimension: "TOTAL", key: "", householdId: household.id, month: new Date("2025-01-01T00:00:00.000Z"), amountFen: 7 } });
    await cdb.buyerMonthlyOrders.delete({ where: { key_month_buyerId: { key: "", month: buyerMonth.month, buyerId: buyerMonth.buyerId } } });

    const { since, scratch } = await sameAsFromScratch();
    expect(scratch.differences).toEqual([
      `SalesDailyRollup VILLAGE ${village.key} 2026-10-15: expected orders ${village.orders}, units ${village.units}, revenueFen ${village.revenueFen}, householdBenefitFen ${village.householdBenefitFen}; stored orders ${village.orders}, units ${village.units}, revenueFen ${village.revenueFen + 1n}, householdBenefitFen ${village.householdBenefitFen}`,
      `HouseholdMonthlyIncome TOTAL  ${household.id} 2025-01-01: expected amountFen -; stored amountFen 7`,
      `BuyerMonthlyOrders  2026-10-01 ${buyerMonth.buyerId}: expected orders 1; stored orders -`,
    ]);
    expect(since.reread).toEqual({ orders: 0, entries: 0, periods: 3 });

    // Put back, the check from the checkpoint finds nothing again.
    await cdb.salesDailyRollup.update({ where: { dimension_key_day: { dimension: "VILLAGE", key: village.key, day: oldDay } }, data: { revenueFen: { decrement: 1 } } });
    await cdb.householdMonthlyIncome.deleteMany({ where: { householdId: household.id, month: new Date("2025-01-01T00:00:00.000Z") } });
    await cdb.buyerMonthlyOrders.create({ data: buyerMonth });
    expect((await checkLedger(cdb, { incremental: true })).differences).toEqual([]);
  });

  test("an order row changed after the checkpoint (its buyer) is checked again, with the rollups of its days", async () => {
    await checkpointAfterWrites(cdb);
    const order = await cdb.order.findUniqueOrThrow({ where: { id: old[2]!.orderId }, select: { buyerId: true } });
    const stranger = await cdb.user.create({ data: { email: `stranger-${Date.now()}@example.test` }, select: { id: true } });
    await cdb.order.update({ where: { id: old[2]!.orderId }, data: { buyerId: stranger.id } });
    const { since, scratch } = await sameAsFromScratch();
    // The rows of the order's old buyer and its new one, for the county and each cooperative it bought from.
    expect(scratch.differences).toContain(`BuyerMonthlyOrders  2026-10-01 ${order.buyerId}: expected orders -; stored orders 1`);
    expect(scratch.differences).toContain(`BuyerMonthlyOrders  2026-10-01 ${stranger.id}: expected orders 1; stored orders -`);
    for (const d of scratch.differences) expect(d).toMatch(new RegExp(`^BuyerMonthlyOrders \\S* 2026-10-01 (${order.buyerId}: expected orders -; stored orders 1|${stranger.id}: expected orders 1; stored orders -)$`));
    // The order, and its one day (2026-10-15) in the two daily tables, its month in the three monthly ones.
    expect(since.reread).toMatchObject({ orders: 1, periods: 5 });
    await cdb.order.update({ where: { id: old[2]!.orderId }, data: { buyerId: order.buyerId } });
    expect((await checkLedger(cdb, { incremental: true })).differences).toEqual([]);
  });

  test("a check from scratch ignores the checkpoint: one that had verified a wrong row hides it, `full` does not", async () => {
    await checkpointAfterWrites(cdb);
    const oldDay = new Date("2026-10-15T00:00:00.000Z");
    const { amountFen: _amount, ...row } = await cdb.householdDailyIncome.findFirstOrThrow({ where: { day: oldDay } });
    await cdb.householdDailyIncome.update({ where: { householdId_cooperativeId_villageId_categoryId_day: row }, data: { amountFen: { increment: 3 } } });
    // A checkpoint that says the wrong row was verified (what a checkpoint written by a broken check would say).
    const cp = await cdb.ledgerCheckpoint.findFirstOrThrow();
    const digests = cp.digests as Record<string, Record<string, readonly [number, string] | undefined>>;
    const stored = await rollupDigests(cdb, "HouseholdDailyIncome");
    digests["HouseholdDailyIncome"]!["2026-10-15"] = stored["2026-10-15"];
    await cdb.ledgerCheckpoint.update({ where: { id: cp.id }, data: { digests } });

    expect((await checkLedger(cdb, { incremental: true })).differences).toEqual([]);
    const full = await checkLedger(cdb, { incremental: false });
    expect(full.since).toBeNull();
    expect(full.differences).toHaveLength(1);
    expect(full.differences[0]).toMatch(/^HouseholdDailyIncome .* 2026-10-15: expected amountFen \d+; stored amountFen \d+$/);
    // Put back and checkpointed from scratch again.
    await cdb.householdDailyIncome.update({ where: { householdId_cooperativeId_villageId_categoryId_day: row }, data: { amountFen: { decrement: 3 } } });
    expect((await checkLedger(cdb, { checkpoint: true })).checkpointAt).not.toBeNull();
  });

  test("an order paid while the checkpoint was taken, committed after it with earlier timestamps, is checked by the next check", async () => {
    const late = await place(2);
    let paid!: () => void;
    let commit!: () => void;
    const wasPaid = new Promise<void>((resolve) => (paid = resolve));
    const mayCommit = new Promise<void>((resolve) => (commit = resolve));
    // The payment, with one payment entry a fen too many, held open while a check records its checkpoint.
    const payment = cdb.$transaction(async (tx) => {
      expect(await markOrderPaid(tx, { orderId: late.orderId, method: "BANK_TRANSFER", amountFen: late.totalFen, bankReference: `TXZZ-${late.number}` })).toBe("paid");
      const entry = await tx.ledgerEntry.findFirstOrThrow({ where: { orderId: late.orderId, householdId: { not: null } } });
      const { id: _id, createdAt: _createdAt, ...rest } = entry;
      await tx.ledgerEntry.create({ data: { ...rest, idempotencyKey: "paid:late:1", amountFen: 1, units: 0 } });
      paid();
      await mayCommit;
    }, TX);
    await wasPaid;
    const during = await checkLedger(cdb, { incremental: true, checkpoint: true });
    expect(during.differences).toEqual([]);
    expect(during.checkpointAt).not.toBeNull();
    commit();
    await payment;
    const lateEntries = await cdb.ledgerEntry.findMany({ where: { orderId: late.orderId } });
    expect(lateEntries.every((e) => e.createdAt < during.checkpointAt!)).toBe(true);

    const { since, scratch } = await sameAsFromScratch();
    expect(scratch.differences.filter((d) => d.startsWith(`order ${late.number}:`))).toHaveLength(2);
    // (At least: a transaction running elsewhere when the checkpoint was taken makes the next check read more.)
    expect(since.reread?.orders).toBeGreaterThanOrEqual(1);
  });

  test("entries changed or removed behind the append-only trigger: the count older than the checkpoint moves, and the check starts from scratch", async () => {
    const entry = await cdb.ledgerEntry.findFirstOrThrow({ where: { orderId: old[2]!.orderId, householdId: null } });
    const behindTrigger = (statement: string) =>
      cdb.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
        await tx.$executeRawUnsafe(statement, entry.id);
      }, TX);
    for (const statement of [`UPDATE "LedgerEntry" SET "amountFen" = "amountFen" + 2 WHERE "id" = $1`, `DELETE FROM "LedgerEntry" WHERE "id" = $1`]) {
      await behindTrigger(statement);
      const since = await checkLedger(cdb, { incremental: true });
      const scratch = await checkLedger(cdb);
      expect(since.since).toBeNull();
      expect(since.fromScratchBecause).toMatch(/^the ledger had \d+ entries older than the checkpoint and now has \d+ /);
      expect(since.differences).toEqual(scratch.differences);
      expect(scratch.differences.some((d) => d.startsWith(`order ${old[2]!.number}: payment for `))).toBe(true);
    }
  });
});
