// Fulfilment on a real database with the seed: an order across three cooperatives is three shipments, each with
// only its lines and its fee; each cooperative packs and ships its own, the order goes PARTIALLY_SHIPPED then
// SHIPPED; another cooperative's shipment is refused and nothing is written; an open refund request blocks
// shipping; shipping twice with the same data changes nothing; a pickup list in UTF-8 with a BOM and in GBK gives
// a per-row report; address reads are audited. Last, the queue over 10,000 shipments is timed.
import { execSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDatabase } from "@/lib/seed";
import { auditAddressRead } from "@/lib/server/fulfilment/audit";
import { bulkShip } from "@/lib/server/fulfilment/bulk-ship";
import { listLateShipments } from "@/lib/server/fulfilment/late";
import { getCoopShipment, listFulfilmentQueue } from "@/lib/server/fulfilment/queue";
import { packShipment, shipShipment } from "@/lib/server/fulfilment/ship";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { gbk } from "../fixtures/fulfilment-gbk";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let actor: string;
let coop: Record<"grape" | "can" | "dry", string>;
let lines: [string, number][];

const scopeOf = (cooperativeId: string) => ({ cooperativeIds: [cooperativeId], cooperativeId, actorId: actor });

beforeAll(async () => {
  t = await createTestDatabase("shop_fulfilment");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  actor = (await db.user.create({ data: { email: "fulfilment-manager@example.test", role: "MANAGER" }, select: { id: true } })).id;
  lines = [
    [await productIdOf(db, "nanhongcheng-sweet-red"), 2],
    [await productIdOf(db, "nanhongcheng-merlot"), 1],
    [await productIdOf(db, "hongnancheng-hawthorn-canned"), 1],
    [await productIdOf(db, "taihang-jujubes"), 3],
  ];
  await db.product.updateMany({ where: { id: { in: lines.map(([id]) => id) } }, data: { stock: 100_000 } });
  const coopOf = async (slug: string) => (await db.product.findUniqueOrThrow({ where: { slug }, select: { cooperativeId: true } })).cooperativeId;
  coop = { grape: await coopOf("nanhongcheng-sweet-red"), can: await coopOf("hongnancheng-hawthorn-canned"), dry: await coopOf("taihang-jujubes") };
});

afterAll(async () => {
  await t?.drop();
});

async function paidOrder(tag = "fulfil"): Promise<PlacedTestOrder> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, tag);
  const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `TX-${o.number}` }));
  expect(outcome).toBe("paid");
  return o;
}

const shipmentOf = async (orderId: string, cooperativeId: string) =>
  db.shipment.findUniqueOrThrow({ where: { orderId_cooperativeId_recipientNo: { orderId, cooperativeId, recipientNo: 0 } }, select: { id: true, status: true, carrier: true, trackingNumber: true, shippedAt: true, packedAt: true } });
const orderStatus = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;
const auditCount = (action: string) => db.auditLog.count({ where: { action } });

test("a three-cooperative order is three shipments, each with its own lines and its fee as charged", async () => {
  const o = await paidOrder();
  const shipments = await db.shipment.findMany({ where: { orderId: o.orderId }, select: { id: true, cooperativeId: true, shippingFen: true, items: { select: { productId: true, cooperativeId: true } } } });
  expect(shipments.map((s) => s.cooperativeId).sort()).toEqual(Object.values(coop).sort());
  for (const s of shipments) expect(s.items.every((i) => i.cooperativeId === s.cooperativeId)).toBe(true);
  const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId }, select: { shippingFen: true } });
  expect(shipments.reduce((sum, s) => sum + s.shippingFen, 0)).toBe(order.shippingFen);
  // The grape cooperative's queue shows its two lines only, each with the newest batch to pick, and its fee.
  const queue = await listFulfilmentQueue(db, scopeOf(coop.grape), { state: "toPack" });
  const row = queue?.shipments.find((s) => s.order.number === o.number);
  expect(row?.lines.map((l) => l.productId).sort()).toEqual([lines[0]?.[0], lines[1]?.[0]].sort());
  expect(row?.shippingFen).toBe(shipments.find((s) => s.cooperativeId === coop.grape)?.shippingFen);
  const newest = await db.batch.findFirst({ where: { productId: lines[0]?.[0] }, orderBy: { productionDate: "desc" }, select: { lotNumber: true } });
  expect(row?.lines.find((l) => l.productId === lines[0]?.[0])?.batch?.lotNumber).toBe(newest?.lotNumber);
  expect(row?.address).toEqual({ recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" });
  // Another cooperative's queue does not list this cooperative's shipment, and a foreign scope reads nothing.
  const other = await listFulfilmentQueue(db, scopeOf(coop.can), {});
  expect(other?.shipments.every((s) => s.cooperativeId === coop.can)).toBe(true);
  expect(await listFulfilmentQueue(db, { cooperativeIds: [coop.can], cooperativeId: coop.grape }, {})).toBeNull();
  const grapeShipment = shipments.find((s) => s.cooperativeId === coop.grape)?.id as string;
  expect(await getCoopShipment(db, { cooperativeIds: [coop.can] }, grapeShipment)).toBeNull();
});

test("pack → ship per cooperative: PARTIALLY_SHIPPED, then SHIPPED after all three; audited; state filters follow", async () => {
  const o = await paidOrder();
  const grape = await shipmentOf(o.orderId, coop.grape);
  expect(await packShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id })).toEqual({ kind: "done" });
  expect(await packShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id })).toEqual({ kind: "unchanged" });
  expect((await shipmentOf(o.orderId, coop.grape)).status).toBe("PACKED");
  const packed = await listFulfilmentQueue(db, scopeOf(coop.grape), { state: "packed" });
  expect(packed?.shipments.some((s) => s.id === grape.id)).toBe(true);

  const before = await auditCount("shipment.shipped");
  expect(await shipShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" })).toEqual({ kind: "done" });
  expect(await orderStatus(o.orderId)).toBe("PARTIALLY_SHIPPED");
  // Shipping a parcel still to pack packs it on the way.
  const can = await shipmentOf(o.orderId, coop.can);
  expect(await shipShipment(db, { ...scopeOf(coop.can), shipmentId: can.id, carrier: "ZTO", carrierName: null, trackingNumber: "731234567890123" })).toEqual({ kind: "done" });
  const canAfter = await shipmentOf(o.orderId, coop.can);
  expect(canAfter.status).toBe("SHIPPED");
  expect(canAfter.packedAt).not.toBeNull();
  expect(await orderStatus(o.orderId)).toBe("PARTIALLY_SHIPPED");
  const dry = await shipmentOf(o.orderId, coop.dry);
  expect(await shipShipment(db, { ...scopeOf(coop.dry), shipmentId: dry.id, carrier: "OTHER", carrierName: "极兔速递", trackingNumber: "JT0001234567890" })).toEqual({ kind: "done" });
  expect(await orderStatus(o.orderId)).toBe("SHIPPED");
  expect(await auditCount("shipment.shipped")).toBe(before + 3);
  const shipped = await listFulfilmentQueue(db, scopeOf(coop.dry), { state: "shipped" });
  expect(shipped?.shipments.find((s) => s.id === dry.id)).toMatchObject({ carrier: "OTHER", carrierName: "极兔速递", trackingNumber: "JT0001234567890" });
});

test("another cooperative's shipment is refused and nothing is written", async () => {
  const o = await paidOrder();
  const grape = await shipmentOf(o.orderId, coop.grape);
  const audits = await db.auditLog.count();
  // A manager of the canning cooperative names the grape cooperative's shipment, with their own cooperative…
  expect(await shipShipment(db, { ...scopeOf(coop.can), shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" })).toEqual({ kind: "notFound" });
  expect(await packShipment(db, { ...scopeOf(coop.can), shipmentId: grape.id })).toEqual({ kind: "notFound" });
  // …or names the grape cooperative, which they do not manage.
  expect(await shipShipment(db, { cooperativeIds: [coop.can], cooperativeId: coop.grape, actorId: actor, shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" })).toEqual({ kind: "notFound" });
  expect(await shipmentOf(o.orderId, coop.grape)).toEqual(grape);
  expect(await orderStatus(o.orderId)).toBe("PAID");
  expect(await db.auditLog.count()).toBe(audits);
});

test("an open refund request blocks packing and shipping; once rejected, the parcel ships", async () => {
  const o = await paidOrder();
  const grape = await shipmentOf(o.orderId, coop.grape);
  const refund = await db.refund.create({ data: { orderId: o.orderId, amountFen: o.totalFen, items: [], reason: "changed my mind", status: "REQUESTED", requestedById: o.buyerId }, select: { id: true } });
  const ship = () => shipShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" });
  expect(await ship()).toEqual({ kind: "refused", reason: "openRefund" });
  expect(await packShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id })).toEqual({ kind: "refused", reason: "openRefund" });
  await db.refund.update({ where: { id: refund.id }, data: { status: "APPROVED" } });
  expect(await ship()).toEqual({ kind: "refused", reason: "openRefund" });
  expect(await shipmentOf(o.orderId, coop.grape)).toEqual(grape);
  await db.refund.update({ where: { id: refund.id }, data: { status: "REJECTED" } });
  expect(await ship()).toEqual({ kind: "done" });
});

test("cancelled and refunded orders are refused", async () => {
  const o = await paidOrder();
  const grape = await shipmentOf(o.orderId, coop.grape);
  await db.order.update({ where: { id: o.orderId }, data: { status: "REFUNDED" } });
  expect(await shipShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" })).toEqual({ kind: "refused", reason: "orderRefunded" });
  const unpaid = await placeTestOrder(db, "BANK_TRANSFER", lines, "unpaid");
  const s = await shipmentOf(unpaid.orderId, coop.grape);
  expect(await shipShipment(db, { ...scopeOf(coop.grape), shipmentId: s.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" })).toEqual({ kind: "refused", reason: "orderNotPaid" });
});

test("shipping twice with the same data changes nothing; other data is refused", async () => {
  const o = await paidOrder();
  const grape = await shipmentOf(o.orderId, coop.grape);
  const input = { ...scopeOf(coop.grape), shipmentId: grape.id, carrier: "SF" as const, carrierName: null, trackingNumber: "SF1234567890123" };
  expect(await shipShipment(db, input)).toEqual({ kind: "done" });
  const after = await shipmentOf(o.orderId, coop.grape);
  const audits = await db.auditLog.count();
  expect(await shipShipment(db, input, new Date(Date.now() + 60_000))).toEqual({ kind: "unchanged" });
  expect(await shipShipment(db, { ...input, trackingNumber: "SF9999999999999" })).toEqual({ kind: "refused", reason: "alreadyShipped" });
  expect(await shipmentOf(o.orderId, coop.grape)).toEqual(after);
  expect(await db.auditLog.count()).toBe(audits);
  // Two managers shipping the same parcel at once: one ships, the other sees no change.
  const o2 = await paidOrder();
  const g2 = await shipmentOf(o2.orderId, coop.grape);
  const both = await Promise.all([shipShipment(db, { ...input, shipmentId: g2.id }), shipShipment(db, { ...input, shipmentId: g2.id })]);
  expect(both.map((b) => b.kind).sort()).toEqual(["done", "unchanged"]);
});

describe("bulk ship from a pickup list", () => {
  test("UTF-8 with a BOM: duplicated order numbers and an unknown carrier refused per row, the rest shipped", async () => {
    const [a, b, c, d] = [await paidOrder("bulk"), await paidOrder("bulk"), await paidOrder("bulk"), await paidOrder("bulk")];
    const other = await paidOrder("bulk");
    // Order c's parcel cannot leave: its order has an open refund request.
    await db.refund.create({ data: { orderId: c.orderId, amountFen: 100, items: [], reason: "", status: "REQUESTED" } });
    const csv = [
      "订单号,快递公司,快递单号",
      `${a.number},顺丰,SF 1234 5678 9012 3`,
      `${b.number},极兔,JT0001234567890`,
      `${c.number},中通,731234567890123`,
      `${d.number},圆通,YT1234567890123`,
      `${d.number},圆通,YT1234567890124`,
      "",
      `TX00000000ZZZZ,顺丰,SF1234567890123`,
      `${other.number},韵达,43123`,
    ].join("\r\n");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]);
    const result = await bulkShip(db, scopeOf(coop.grape), bytes, null);
    expect(result).toMatchObject({ ok: true, encoding: "utf-8-bom" });
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.outcome, "errors" in r ? r.errors : "reason" in r ? r.reason : r.trackingNumber])).toEqual([
      [2, "shipped", "SF1234567890123"],
      [3, "invalid", ["unknownCarrier"]],
      [4, "refused", "openRefund"],
      [5, "invalid", ["duplicateOrder"]],
      [6, "invalid", ["duplicateOrder"]],
      [8, "invalid", ["unknownOrder"]],
      [9, "invalid", ["format"]],
    ]);
    expect((await shipmentOf(a.orderId, coop.grape)).status).toBe("SHIPPED");
    for (const o of [b, c, d, other]) expect((await shipmentOf(o.orderId, coop.grape)).status).toBe("PENDING");
    // Uploaded again: the shipped row is no change, nothing else moves.
    const again = await bulkShip(db, scopeOf(coop.grape), bytes, null);
    expect(again.ok && again.rows[0]).toMatchObject({ line: 2, outcome: "unchanged" });
  });

  test("GBK from Excel, no carrier column (the form's default carrier), another cooperative's order number", async () => {
    const [a, b] = [await paidOrder("gbk"), await paidOrder("gbk")];
    const csv = `订单号,运单号\r\n${a.number},SF1234567890123\r\n${b.number},SF12345\r\n`;
    // The canning cooperative uploads; a and b both have a canning parcel, and a grape order number is not theirs.
    const grapeOnly = await placeTestOrder(db, "BANK_TRANSFER", [lines[0] as [string, number]], "gbk");
    await db.$transaction((tx) => markOrderPaid(tx, { orderId: grapeOnly.orderId, method: "BANK_TRANSFER", amountFen: grapeOnly.totalFen, bankReference: `TX-${grapeOnly.number}` }));
    const result = await bulkShip(db, scopeOf(coop.can), gbk(`${csv}${grapeOnly.number},SF1234567890125\r\n`), "SF");
    expect(result).toMatchObject({ ok: true, encoding: "gbk" });
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.line, r.outcome])).toEqual([
      [2, "shipped"],
      [3, "invalid"],
      [4, "invalid"],
    ]);
    expect(result.rows[2]).toMatchObject({ errors: ["unknownOrder"] });
    expect((await shipmentOf(a.orderId, coop.can)).carrier).toBe("SF");
    expect((await shipmentOf(grapeOnly.orderId, coop.grape)).status).toBe("PENDING");
  });

  test("a 50,000-row file is refused as a whole, nothing written", async () => {
    const audits = await db.auditLog.count();
    const csv = "订单号,快递公司,快递单号\n" + Array.from({ length: 50_000 }, (_, i) => `TX${i},顺丰,SF${String(i).padStart(13, "0")}`).join("\n");
    expect(await bulkShip(db, scopeOf(coop.grape), new TextEncoder().encode(csv), null)).toMatchObject({ ok: false });
    expect(await db.auditLog.count()).toBe(audits);
  });
});

test("reading addresses is audited, one row per view with the shipments shown", async () => {
  const queue = await listFulfilmentQueue(db, scopeOf(coop.grape), {});
  const ids = queue?.shipments.map((s) => s.id) ?? [];
  expect(ids.length).toBeGreaterThan(0);
  await auditAddressRead(db, { actorId: actor, cooperativeId: coop.grape, shipmentIds: ids, what: "queue" });
  const row = await db.auditLog.findFirstOrThrow({ where: { action: "order.address-read" }, orderBy: { createdAt: "desc" } });
  expect(row).toMatchObject({ actorId: actor, entityType: ids.length === 1 ? "Shipment" : "Cooperative", metadata: { what: "queue", cooperativeId: coop.grape, shipmentIds: ids } });
});

test("the admins' late list: paid more than 48 h ago, not shipped, oldest first", async () => {
  const o = await paidOrder("late");
  const now = new Date();
  await db.order.update({ where: { id: o.orderId }, data: { paidAt: new Date(now.getTime() - 49 * 3_600_000) } });
  const late = await listLateShipments(db, { now });
  const mine = late.shipments.filter((s) => s.orderNumber === o.number);
  expect(mine).toHaveLength(3);
  expect(mine.every((s) => s.hoursLate === 49)).toBe(true);
  const paid = late.shipments.map((s) => s.paidAt.getTime());
  expect([...paid].sort((x, y) => x - y)).toEqual(paid);
  // Shipped ones leave the list.
  const grape = await shipmentOf(o.orderId, coop.grape);
  await shipShipment(db, { ...scopeOf(coop.grape), shipmentId: grape.id, carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" });
  expect((await listLateShipments(db, { now })).shipments.filter((s) => s.orderNumber === o.number)).toHaveLength(2);
});

// A large queue pages and filters right. FULFILMENT_SHIPMENTS=10000 reproduces the timing in the issue 12 note;
// the suite's default keeps CI quick.
const BIG = Number(process.env.FULFILMENT_SHIPMENTS ?? 2_000);

describe(`${BIG} shipments`, () => {
  let big: TestDatabase;
  afterAll(async () => {
    await big?.drop();
  });

  test("the queue's first page and a filtered page", async () => {
    big = await createTestDatabase("shop_fulfilment_big");
    const bdb = big.db;
    await seedDatabase(bdb, { demoUsers: false });
    const product = await bdb.product.findUniqueOrThrow({ where: { slug: "nanhongcheng-sweet-red" }, select: { id: true, cooperativeId: true, categoryId: true, originVillageId: true, nameZh: true, nameEn: true, priceFen: true } });
    const buyer = await bdb.user.create({ data: { email: "bulk-buyer@example.test" }, select: { id: true } });
    const N = BIG;
    const start = Date.parse("2026-01-01T00:00:00Z");
    const statuses = ["PENDING", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;
    const orders = Array.from({ length: N }, (_, i) => ({
      id: `bigorder${i}`,
      number: `TXBIG${String(i).padStart(6, "0")}`,
      buyerId: buyer.id,
      status: i % 5 === 4 ? ("CANCELLED" as const) : i % 5 >= 2 ? ("SHIPPED" as const) : ("PAID" as const),
      paymentMethod: "BANK_TRANSFER" as const,
      itemsFen: product.priceFen,
      shippingFen: 1000,
      totalFen: product.priceFen + 1000,
      recipient: "张三",
      phone: "13800000000",
      district: "chaoyang",
      street: "朝阳路 1 号",
      placedAt: new Date(start + i * 60_000),
      paidAt: new Date(start + i * 60_000 + 30_000),
    }));
    const t0 = performance.now();
    await bdb.order.createMany({ data: orders });
    await bdb.shipment.createMany({ data: orders.map((o, i) => ({ id: `bigship${i}`, orderId: o.id, cooperativeId: product.cooperativeId, shippingFen: 1000, status: statuses[i % 5] as (typeof statuses)[number] })) });
    await bdb.orderItem.createMany({
      data: orders.map((o, i) => ({
        orderId: o.id,
        shipmentId: `bigship${i}`,
        productId: product.id,
        cooperativeId: product.cooperativeId,
        categoryId: product.categoryId,
        originVillageId: product.originVillageId,
        nameZh: product.nameZh,
        nameEn: product.nameEn,
        unitPriceFen: product.priceFen,
        quantity: 1,
        lineTotalFen: product.priceFen,
        benefitRuleType: "PERCENT_OF_REVENUE" as const,
        benefitBasisPoints: 1500,
        beneficiaries: [],
      })),
    });
    await bdb.$executeRawUnsafe("ANALYZE");
    const generated = performance.now() - t0;
    const scope = { cooperativeIds: [product.cooperativeId], cooperativeId: product.cooperativeId };
    const time = async (filter: Parameters<typeof listFulfilmentQueue>[2]) => {
      await listFulfilmentQueue(bdb, scope, filter); // warm
      const runs: number[] = [];
      let result: Awaited<ReturnType<typeof listFulfilmentQueue>> = null;
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        result = await listFulfilmentQueue(bdb, scope, filter);
        runs.push(performance.now() - s);
      }
      runs.sort((a, b) => a - b);
      return { median: runs[2] as number, result };
    };
    const first = await time({});
    expect(first.result?.total).toBe(N);
    expect(first.result?.shipments[0]?.order.number).toBe(`TXBIG${String(N - 1).padStart(6, "0")}`);
    const filtered = await time({ state: "toPack", from: "2026-01-02", to: "2026-01-05", page: 2 });
    // PENDING shipments (i % 5 === 0) of paid orders, paid on Beijing days 2–5 January.
    const fromT = Date.parse("2026-01-02T00:00:00+08:00");
    const toT = Date.parse("2026-01-06T00:00:00+08:00");
    const expected = orders.filter((o, i) => i % 5 === 0 && o.paidAt.getTime() >= fromT && o.paidAt.getTime() < toT).length;
    expect(filtered.result?.total).toBe(expected);
    expect(filtered.result?.shipments.every((s) => s.status === "PENDING")).toBe(true);
    const lastPage = Math.ceil(N / 20);
    const deep = await time({ page: lastPage - 1 });
    expect(deep.result?.shipments).toHaveLength(20);
    const late = performance.now();
    await listLateShipments(bdb);
    const lateMs = performance.now() - late;
    console.info(
      `[fulfilment bench] generated ${N} orders+shipments+items in ${generated.toFixed(0)} ms; queue first page ${first.median.toFixed(1)} ms, ` +
        `filtered page (toPack, 4 days, page 2) ${filtered.median.toFixed(1)} ms, page ${lastPage - 1} ${deep.median.toFixed(1)} ms, late list ${lateMs.toFixed(1)} ms; uptime: ${execSync("uptime").toString().trim()}`,
    );
  });
});
