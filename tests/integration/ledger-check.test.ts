// checkLedger (`npm run ledger:check`) against differences injected into a reconciled ledger: each kind of difference
// an order's entries can have is found, named with its order and party, and nothing else is.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkLedger } from "@/lib/server/ledger/check";
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
  });
});
