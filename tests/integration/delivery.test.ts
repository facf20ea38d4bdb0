// A shipped parcel becomes delivered, on real PostgreSQL with the seed: the buyer confirms receipt (only their
// own parcel, only a shipped one), the order is delivered when its last live parcel is, and the 15-day sweep
// delivers due parcels once even with two sweepers (two database clients, as two server processes) racing over
// the same rows, leaving parcels shipped 14 days ago alone. Parcels are shipped through the cooperatives' real
// path (lib/server/fulfilment/ship.ts).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { shipShipment } from "@/lib/server/fulfilment/ship";
import { confirmReceipt, sweepDueDeliveries } from "@/lib/server/orders/delivery";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let manager: string;
let lines: [string, number][];

const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_delivery");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  manager = (await db.user.create({ data: { email: "delivery-manager@example.test", role: "MANAGER" }, select: { id: true } })).id;
  // Two cooperatives: every order is two parcels.
  lines = [
    [await productIdOf(db, "nanhongcheng-sweet-red"), 1],
    [await productIdOf(db, "hongnancheng-hawthorn-canned"), 1],
  ];
  await db.product.updateMany({ where: { id: { in: lines.map(([id]) => id) } }, data: { stock: 100_000 } });
});

afterAll(async () => {
  await t?.drop();
});

type Parcel = { id: string; cooperativeId: string };

async function paidOrder(at = new Date()): Promise<PlacedTestOrder & { shipments: [Parcel, Parcel] }> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "delivery", at);
  expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TX-${o.number}` }, at))).toBe("paid");
  const shipments = await db.shipment.findMany({ where: { orderId: o.orderId }, select: { id: true, cooperativeId: true }, orderBy: { id: "asc" } });
  expect(shipments).toHaveLength(2);
  return { ...o, shipments: shipments as [Parcel, Parcel] };
}

async function ship(s: Parcel, at: Date): Promise<void> {
  const outcome = await shipShipment(
    db,
    { cooperativeIds: [s.cooperativeId], cooperativeId: s.cooperativeId, shipmentId: s.id, actorId: manager, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" },
    at,
  );
  expect(outcome).toEqual({ kind: "done" });
}

const shipmentState = (id: string) =>
  db.shipment.findUniqueOrThrow({ where: { id }, select: { status: true, deliveredAt: true, deliveredAutomatically: true } });
const orderStatus = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const audits = (entityId: string) => db.auditLog.findMany({ where: { entityType: "Shipment", entityId, action: { in: ["shipment.receipt-confirmed", "shipment.delivered-automatically"] } }, select: { action: true, actorId: true } });
/** The delivered-parcel mails notify wrote for this shipment (none while notify is a no-op, or the buyer opted out). */
const deliveredMails = (shipmentId: string) =>
  db.mailMessage.count({ where: { dedupeKey: { contains: shipmentId }, OR: [{ kind: { contains: "deliver" } }, { dedupeKey: { contains: "eliver" } }] } });

describe("the buyer confirms receipt", () => {
  test("each parcel once; the order is delivered with its last parcel; audited as the buyer", async () => {
    const o = await paidOrder();
    const shippedAt = new Date();
    for (const s of o.shipments) await ship(s, shippedAt);
    expect(await orderStatus(o.orderId)).toBe("SHIPPED");
    const [first, second] = o.shipments;

    const at = new Date(shippedAt.getTime() + 2 * DAY);
    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: first.id }, at)).toBe("delivered");
    expect(await shipmentState(first.id)).toEqual({ status: "DELIVERED", deliveredAt: at, deliveredAutomatically: false });
    // One parcel is still on its way: the order is not delivered yet.
    expect(await orderStatus(o.orderId)).toBe("SHIPPED");
    expect(await audits(first.id)).toEqual([{ action: "shipment.receipt-confirmed", actorId: o.buyerId }]);

    // Confirming it again changes nothing.
    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: first.id })).toBe("notShipped");
    expect(await shipmentState(first.id)).toEqual({ status: "DELIVERED", deliveredAt: at, deliveredAutomatically: false });
    expect(await audits(first.id)).toHaveLength(1);

    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: second.id }, at)).toBe("delivered");
    expect(await orderStatus(o.orderId)).toBe("DELIVERED");
    expect(await deliveredMails(first.id)).toBeLessThanOrEqual(1);
    await expectLedgerReconciled(db);
  });

  test("another buyer's parcel is not found and nothing is written", async () => {
    const o = await paidOrder();
    const other = await paidOrder();
    for (const s of o.shipments) await ship(s, new Date());
    const target = o.shipments[0];
    const mailsBefore = await db.mailMessage.count();
    expect(await confirmReceipt(db, { buyerId: other.buyerId, shipmentId: target.id })).toBe("notFound");
    expect(await confirmReceipt(db, { buyerId: other.buyerId, shipmentId: "no-such-shipment" })).toBe("notFound");
    expect(await shipmentState(target.id)).toEqual({ status: "SHIPPED", deliveredAt: null, deliveredAutomatically: false });
    expect(await orderStatus(o.orderId)).toBe("SHIPPED");
    expect(await audits(target.id)).toEqual([]);
    expect(await db.mailMessage.count()).toBe(mailsBefore);
  });

  test("a parcel not shipped yet (to pack, packed) cannot be confirmed", async () => {
    const o = await paidOrder();
    const [toPack, packed] = o.shipments;
    await db.shipment.update({ where: { id: packed.id }, data: { status: "PACKED", packedAt: new Date() } });
    for (const s of [toPack, packed]) {
      const before = await shipmentState(s.id);
      expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: s.id })).toBe("notShipped");
      expect(await shipmentState(s.id)).toEqual(before);
      expect(await audits(s.id)).toEqual([]);
    }
    expect(await orderStatus(o.orderId)).toBe("PAID");
  });

  test("a buyer who turned off non-essential mail still confirms; no delivered-parcel mail is written", async () => {
    const o = await paidOrder();
    await db.user.update({ where: { id: o.buyerId }, data: { mailOptOut: true } });
    const s = o.shipments[0];
    await ship(s, new Date());
    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: s.id })).toBe("delivered");
    expect(await deliveredMails(s.id)).toBe(0);
  });
});

describe("the 15-day sweep", () => {
  test("two sweepers at once deliver each due parcel once, notify once, and leave parcels shipped 14 days ago", async () => {
    const now = new Date();
    const due: string[] = [];
    const notDue: string[] = [];
    const orders: string[] = [];
    for (let i = 0; i < 6; i++) {
      const o = await paidOrder(new Date(now.getTime() - 20 * DAY));
      orders.push(o.orderId);
      for (const s of o.shipments) await ship(s, new Date(now.getTime() - 16 * DAY - i * 60_000));
      due.push(...o.shipments.map((s) => s.id));
    }
    const recent = await paidOrder(new Date(now.getTime() - 20 * DAY));
    for (const s of recent.shipments) await ship(s, new Date(now.getTime() - 14 * DAY));
    notDue.push(...recent.shipments.map((s) => s.id));

    // A second client, as a second server process would have.
    const second = openDatabase({ kind: "postgres", url: t.url! });
    try {
      const counts = await Promise.all([sweepDueDeliveries(db, now, { batch: 5 }), sweepDueDeliveries(second.db, now, { batch: 5 }), sweepDueDeliveries(db, now, { batch: 3 })]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(due.length);
    } finally {
      await second.close();
    }

    const anyMail = (await Promise.all(due.map(deliveredMails))).some((n) => n > 0);
    for (const id of due) {
      expect(await shipmentState(id)).toEqual({ status: "DELIVERED", deliveredAt: now, deliveredAutomatically: true });
      expect(await audits(id)).toEqual([{ action: "shipment.delivered-automatically", actorId: null }]);
      // notify writes one mail per parcel (or, were it a no-op, none at all): never two.
      expect(await deliveredMails(id)).toBe(anyMail ? 1 : 0);
    }
    for (const id of orders) expect(await orderStatus(id)).toBe("DELIVERED");
    for (const id of notDue) {
      expect(await shipmentState(id)).toEqual({ status: "SHIPPED", deliveredAt: null, deliveredAutomatically: false });
      expect(await audits(id)).toEqual([]);
    }
    expect(await orderStatus(recent.orderId)).toBe("SHIPPED");

    // Nothing left to do: another sweep delivers nothing.
    expect(await sweepDueDeliveries(db, now)).toBe(0);
    await expectLedgerReconciled(db);
  });

  test("a parcel the buyer confirmed is not touched by the sweep; a sweep over many batches stops at its limit", async () => {
    const now = new Date();
    const o = await paidOrder(new Date(now.getTime() - 30 * DAY));
    for (const s of o.shipments) await ship(s, new Date(now.getTime() - 20 * DAY));
    const [confirmed, left] = o.shipments;
    const confirmedAt = new Date(now.getTime() - 10 * DAY);
    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: confirmed.id }, confirmedAt)).toBe("delivered");
    expect(await sweepDueDeliveries(db, now, { batch: 1, limit: 1 })).toBe(1);
    expect(await shipmentState(confirmed.id)).toEqual({ status: "DELIVERED", deliveredAt: confirmedAt, deliveredAutomatically: false });
    expect(await shipmentState(left.id)).toEqual({ status: "DELIVERED", deliveredAt: now, deliveredAutomatically: true });
    expect(await orderStatus(o.orderId)).toBe("DELIVERED");
  });
});
