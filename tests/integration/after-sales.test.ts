// Refund requests after shipping, on real PostgreSQL with the seed: once a parcel has left, a request names one of
// the order's dispatched parcels and a reason, or it is refused and writes nothing; another order's parcel is
// refused. A stored request goes through the one refund path (decideRefund → recordRefund) with its ledger
// reversals, the admins' list shows the parcel beside it, and the ledger reconciles after every story.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { shipShipment } from "@/lib/server/fulfilment/ship";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { confirmReceipt } from "@/lib/server/orders/delivery";
import { decideRefund, requestRefund } from "@/lib/server/orders/refunds";
import { listRefundRequests } from "@/lib/server/queries/orders";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let manager: string;
let admin: string;
let lines: [string, number][];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_after_sales");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  manager = (await db.user.create({ data: { email: "after-sales-manager@example.test", role: "MANAGER" }, select: { id: true } })).id;
  admin = (await db.user.create({ data: { email: "after-sales-admin@example.test", role: "ADMIN" }, select: { id: true } })).id;
  lines = [
    [await productIdOf(db, "nanhongcheng-sweet-red"), 1],
    [await productIdOf(db, "hongnancheng-hawthorn-canned"), 2],
  ];
  await db.product.updateMany({ where: { id: { in: lines.map(([id]) => id) } }, data: { stock: 100_000 } });
});

afterAll(async () => {
  await t?.drop();
});

type Parcel = { id: string; cooperativeId: string };

async function paidOrder(): Promise<PlacedTestOrder & { shipments: [Parcel, Parcel] }> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "after-sales");
  expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TX-${o.number}` }))).toBe("paid");
  const shipments = await db.shipment.findMany({ where: { orderId: o.orderId }, select: { id: true, cooperativeId: true }, orderBy: { id: "asc" } });
  return { ...o, shipments: shipments as [Parcel, Parcel] };
}

async function ship(s: Parcel, trackingNumber = "SF1234567890123"): Promise<void> {
  const outcome = await shipShipment(db, { cooperativeIds: [s.cooperativeId], cooperativeId: s.cooperativeId, shipmentId: s.id, actorId: manager, carrier: "SF", carrierName: null, trackingNumber });
  expect(outcome).toEqual({ kind: "done" });
}

const refundsOf = (orderId: string) =>
  db.refund.findMany({ where: { orderId }, select: { id: true, status: true, amountFen: true, shipmentId: true, reasonCode: true, reason: true }, orderBy: { createdAt: "asc" } });

describe("a refund request after shipping", () => {
  test("without a parcel, with a parcel not sent, or with another order's parcel: refused, nothing written", async () => {
    const o = await paidOrder();
    const other = await paidOrder();
    const [sent, notSent] = o.shipments;
    await ship(sent);
    await ship(other.shipments[0]);
    const auditsBefore = await db.auditLog.count({ where: { action: "refund.requested" } });

    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "包装破损了" })).toBe("shipmentRequired");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", reasonCode: "DAMAGED" })).toBe("shipmentRequired");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: notSent.id, reasonCode: "NOT_RECEIVED" })).toBe("shipmentNotDispatched");
    // Another order's parcel — even one that has shipped, of an order of someone else — is not this order's.
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: other.shipments[0].id, reasonCode: "DAMAGED" })).toBe("shipmentNotFound");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: "no-such-shipment", reasonCode: "DAMAGED" })).toBe("shipmentNotFound");
    // A parcel named with no reason code, or OTHER with no words.
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "坏了", shipmentId: sent.id })).toBe("reasonCodeRequired");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: sent.id, reasonCode: "OTHER" })).toBe("reasonTextRequired");
    // Someone else's order, with its own parcel: not found.
    expect(await requestRefund(db, { orderId: other.orderId, buyerId: o.buyerId, reason: "", shipmentId: other.shipments[0].id, reasonCode: "DAMAGED" })).toBe("notFound");

    expect(await refundsOf(o.orderId)).toEqual([]);
    expect(await refundsOf(other.orderId)).toEqual([]);
    expect(await db.auditLog.count({ where: { action: "refund.requested" } })).toBe(auditsBefore);
  });

  test("naming a shipped parcel and a reason: stored, audited, shown to admins beside the parcel; approved through the one path", async () => {
    const o = await paidOrder();
    const [sent, notSent] = o.shipments;
    await ship(sent, "SF9876543210987");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "瓶子碎了", shipmentId: sent.id, reasonCode: "DAMAGED" })).toBe("ok");
    const [refund] = await refundsOf(o.orderId);
    expect(refund).toEqual({ id: expect.any(String), status: "REQUESTED", amountFen: o.totalFen, shipmentId: sent.id, reasonCode: "DAMAGED", reason: "瓶子碎了" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "refund.requested", entityId: refund!.id }, select: { actorId: true, metadata: true } });
    expect(audit).toEqual({ actorId: o.buyerId, metadata: expect.objectContaining({ shipmentId: sent.id, reasonCode: "DAMAGED", amountFen: o.totalFen }) });
    // One open request per order, as before.
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: sent.id, reasonCode: "WRONG_ITEM" })).toBe("open");

    for (const locale of ["zh-CN", "en"] as const) {
      const listed = (await listRefundRequests(db, { locale })).find((r) => r.id === refund!.id);
      expect(listed).toMatchObject({
        reasonCode: "DAMAGED",
        shipment: { id: sent.id, status: "SHIPPED", carrier: locale === "en" ? "SF Express" : "顺丰速运", trackingNumber: "SF9876543210987", deliveredAt: null },
      });
      // The admins' list carries no buyer's address.
      expect(JSON.stringify(listed)).not.toMatch(/朝阳门外大街|13722223333|孙会计/);
    }

    // The parcel arrives meanwhile: the admins see it delivered.
    expect(await confirmReceipt(db, { buyerId: o.buyerId, shipmentId: sent.id })).toBe("delivered");
    expect((await listRefundRequests(db)).find((r) => r.id === refund!.id)?.shipment?.status).toBe("DELIVERED");

    // A bank transfer refunded by the operator: the single path records it and reverses the ledger.
    const decided = await decideRefund(db, null, { refundId: refund!.id, decision: "approve", actorId: admin });
    expect(decided).toEqual({ kind: "decided", amountFen: o.totalFen });
    const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId }, select: { status: true, refundedFen: true, shipments: { select: { id: true, status: true } } } });
    expect(order.status).toBe("REFUNDED");
    expect(order.refundedFen).toBe(o.totalFen);
    // The parcel that was not sent is not to be sent; the delivered one stays delivered.
    expect(Object.fromEntries(order.shipments.map((s) => [s.id, s.status]))).toEqual({ [sent.id]: "DELIVERED", [notSent.id]: "CANCELLED" });
    const ledger = await db.ledgerEntry.aggregate({ where: { orderId: o.orderId }, _sum: { amountFen: true } });
    expect(ledger._sum.amountFen).toBe(0);
    // The buyer is told, once, in the decision's transaction (when notify writes mail).
    expect(await db.mailMessage.count({ where: { dedupeKey: { contains: refund!.id } } })).toBeLessThanOrEqual(1);
    await expectLedgerReconciled(db);
  });

  test("a rejected after-sales request leaves the money and the parcels as they were; a new request can follow", async () => {
    const o = await paidOrder();
    for (const s of o.shipments) await ship(s);
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: o.shipments[1].id, reasonCode: "NOT_RECEIVED" })).toBe("ok");
    const [refund] = await refundsOf(o.orderId);
    expect(await decideRefund(db, null, { refundId: refund!.id, decision: "reject", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen });
    const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId }, select: { status: true, refundedFen: true } });
    expect(order).toEqual({ status: "SHIPPED", refundedFen: 0 });
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "少了一瓶", shipmentId: o.shipments[0].id, reasonCode: "OTHER" })).toBe("ok");
    await expectLedgerReconciled(db);
  });
});

describe("a refund request before shipping", () => {
  test("needs no parcel, as before; naming a parcel not sent is refused", async () => {
    const o = await paidOrder();
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "", shipmentId: o.shipments[0].id, reasonCode: "DAMAGED" })).toBe("shipmentNotDispatched");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "x" })).toBe("reasonTextRequired");
    expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "单位活动取消" })).toBe("ok");
    expect(await refundsOf(o.orderId)).toEqual([expect.objectContaining({ shipmentId: null, reasonCode: null, reason: "单位活动取消" })]);
    const refund = (await refundsOf(o.orderId))[0]!;
    expect((await listRefundRequests(db)).find((r) => r.id === refund.id)?.shipment).toBeNull();
    expect(await decideRefund(db, null, { refundId: refund.id, decision: "approve", actorId: admin })).toEqual({ kind: "decided", amountFen: o.totalFen });
    expect((await db.shipment.findMany({ where: { orderId: o.orderId }, select: { status: true } })).map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
    await expectLedgerReconciled(db);
  });
});
