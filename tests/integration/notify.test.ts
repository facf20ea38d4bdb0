// Order mail on a real database with the demo catalog (issue 12, point 4): each event writes exactly one mail to
// the buyer, in the buyer's language (User.locale), inside the transaction that makes the change — placing,
// paying, cancelling and expiring orders through the real order code, the shipment and refund events through
// notify() itself. A second notify of the same event writes nothing, the buyer's opt-out skips only the
// non-essential delivered mail, and a transaction that rolls back leaves no mail.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cartFingerprint } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/server/env";
import { notify } from "@/lib/server/notify";
import { cancelPendingOrder, markOrderPaid } from "@/lib/server/orders/lifecycle";
import { placeOrder } from "@/lib/server/orders/place-order";
import { sweepExpiredReservations } from "@/lib/server/orders/sweep";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { productIdOf } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let wine: string;
let peaches: string;

beforeAll(async () => {
  t = await createTestDatabase("shop_notify");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  wine = await productIdOf(db, "nanhongcheng-sweet-red");
  peaches = await productIdOf(db, "hongnancheng-hawthorn-canned");
  await db.product.updateMany({ where: { id: { in: [wine, peaches] } }, data: { stock: 10_000 } });
});

afterAll(async () => {
  await t?.drop();
});

let buyers = 0;

/** A buyer with this language places an order of one wine and two cans of hawthorn (two cooperatives). */
async function placeFor(locale: "zh-CN" | "en", method: "STRIPE" | "BANK_TRANSFER", opts: { mailOptOut?: boolean; now?: Date } = {}) {
  const email = `notify-${++buyers}-${Date.now()}@example.test`;
  const user = await db.user.create({ data: { email, locale, mailOptOut: opts.mailOptOut ?? false }, select: { id: true } });
  const items = [
    { productId: wine, quantity: 1 },
    { productId: peaches, quantity: 2 },
  ];
  await db.cart.create({ data: { userId: user.id, items: { create: items } } });
  const placed = await placeOrder(
    db,
    {
      userId: user.id,
      method,
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: method === "BANK_TRANSFER" ? { unitName: "北京市朝阳区总工会", invoiceTitle: "北京市朝阳区总工会", taxId: "91110105000000000X" } : null,
      fingerprint: cartFingerprint(items),
    },
    opts.now,
  );
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { id: true, number: true, totalFen: true, transferReference: true, shipments: { select: { id: true, cooperativeId: true } } } });
  return { ...order, email, buyerId: user.id };
}

const mailsTo = (to: string) => db.mailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const mailsOf = async (to: string, kind: string) => (await mailsTo(to)).filter((m) => m.kind === kind);

async function pay(orderId: string, totalFen: number, method: "STRIPE" | "BANK_TRANSFER" = "BANK_TRANSFER") {
  const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId, method, amountFen: totalFen }));
  expect(outcome).toBe("paid");
}

/** The shipment moved on by hand (the fulfilment code is not under test here). */
async function ship(shipmentId: string, data: { carrier: string; carrierName?: string; trackingNumber: string }) {
  await db.shipment.update({ where: { id: shipmentId }, data: { ...data, status: "SHIPPED", shippedAt: new Date() } });
}

const CJK = /[\u4e00-\u9fff]/;

describe("order placed", () => {
  test("bank transfer, Chinese: one mail with the lines, the total, the operator's account, the reference, the amount and the deadline", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    const mails = await mailsTo(order.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ kind: "order-placed", dedupeKey: `orderPlaced:${order.id}`, status: "PENDING", attempts: 0 });
    expect(mail!.subject).toBe(`唐县好物：订单 ${order.number} 已提交`);
    expect(mail!.text).toContain("共 3 件商品");
    expect(mail!.text).toContain(order.transferReference!);
    expect(mail!.text).toContain(env.BANK_ACCOUNT_NAME);
    expect(mail!.text).toContain(env.BANK_NAME);
    expect(mail!.text).toContain(env.BANK_ACCOUNT_NUMBER);
    expect(mail!.text).toContain(`转账金额：¥${(order.totalFen / 100).toFixed(2)}`);
    expect(mail!.text).toContain("北京时间");
    expect(mail!.text).toContain(`${env.SITE_URL}/account/orders/${order.id}`);
    // The lines, by their Chinese names, with quantities.
    const items = await db.orderItem.findMany({ where: { orderId: order.id }, select: { nameZh: true, quantity: true } });
    for (const i of items) expect(mail!.text).toContain(`${i.nameZh} × ${i.quantity}`);
    // No delivery address in mail about money (it is not needed there).
    expect(mail!.text).not.toContain("朝阳门外大街");
  });

  test("card, English: the buyer's language, no transfer instructions", async () => {
    const order = await placeFor("en", "STRIPE");
    const [mail, ...rest] = await mailsTo(order.email);
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe(`Tang County Market: order ${order.number} placed`);
    expect(mail!.text).toContain("3 items");
    expect(mail!.text).toContain("(Beijing time)");
    expect(mail!.text).not.toContain(env.BANK_ACCOUNT_NUMBER);
    const items = await db.orderItem.findMany({ where: { orderId: order.id }, select: { nameEn: true } });
    for (const i of items) expect(mail!.text).toContain(i.nameEn);
    expect(mail!.subject).not.toMatch(CJK);
  });
});

describe("payment, cancellation, expiry", () => {
  test("an order becoming paid mails once; paying again writes nothing", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(order.id, order.totalFen);
    const again = await db.$transaction((tx) => markOrderPaid(tx, { orderId: order.id, method: "BANK_TRANSFER", amountFen: order.totalFen }));
    expect(again).toBe("alreadyPaid");
    const paid = await mailsOf(order.email, "payment-received");
    expect(paid).toHaveLength(1);
    expect(paid[0]!.subject).toBe(`唐县好物：订单 ${order.number} 已付款`);
    expect(paid[0]!.text).toContain(`¥${(order.totalFen / 100).toFixed(2)}`);
  });

  test("payment received in English", async () => {
    const order = await placeFor("en", "STRIPE");
    await pay(order.id, order.totalFen, "STRIPE");
    const [mail] = await mailsOf(order.email, "payment-received");
    expect(mail!.subject).toBe(`Tang County Market: payment received for order ${order.number}`);
    expect(mail!.text).toContain("We have received");
  });

  test("the buyer cancels: one cancelled mail, none when cancelling again", async () => {
    const order = await placeFor("zh-CN", "STRIPE");
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, order.id, "buyer"))).toBe(true);
    expect(await db.$transaction((tx) => cancelPendingOrder(tx, order.id, "buyer"))).toBe(false);
    const mails = await mailsTo(order.email);
    expect(mails.map((m) => m.kind)).toEqual(["order-placed", "order-cancelled"]);
    expect(mails[1]!.subject).toBe(`唐县好物：订单 ${order.number} 已取消`);
    expect(mails[1]!.text).not.toContain("付款期限");
  });

  test("the sweep expires an unpaid order: the mail says it expired, in the buyer's language", async () => {
    const placedAt = new Date(Date.now() + 24 * 3_600_000);
    const order = await placeFor("en", "STRIPE", { now: placedAt });
    const later = new Date(placedAt.getTime() + 30 * 24 * 3_600_000);
    await Promise.all([sweepExpiredReservations(db, later), sweepExpiredReservations(db, later)]);
    const mails = await mailsOf(order.email, "order-expired");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Tang County Market: order ${order.number} expired`);
    expect(mails[0]!.text).toContain("was not paid in time");
    expect(await mailsOf(order.email, "order-cancelled")).toHaveLength(0);
  });
});

describe("shipments", () => {
  test("shipped: the cooperative, carrier, tracking number and the parcel's own lines", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(order.id, order.totalFen);
    const grape = order.shipments[0]!;
    await ship(grape.id, { carrier: "SF", trackingNumber: "SF1234567890123" });
    await db.$transaction((tx) => notify(tx, { type: "shipmentShipped", shipmentId: grape.id }));
    const [mail, ...rest] = await mailsOf(order.email, "shipment-shipped");
    expect(rest).toHaveLength(0);
    expect(mail!.dedupeKey).toBe(`shipmentShipped:${grape.id}`);
    expect(mail!.text).toContain("顺丰速运");
    expect(mail!.text).toContain("SF1234567890123");
    const cooperative = await db.cooperative.findUniqueOrThrow({ where: { id: grape.cooperativeId }, select: { nameZh: true } });
    expect(mail!.text).toContain(cooperative.nameZh);
    const inParcel = await db.orderItem.findMany({ where: { shipmentId: grape.id }, select: { nameZh: true } });
    const elsewhere = await db.orderItem.findMany({ where: { orderId: order.id, shipmentId: { not: grape.id } }, select: { nameZh: true } });
    for (const i of inParcel) expect(mail!.text).toContain(i.nameZh);
    for (const i of elsewhere) expect(mail!.text).not.toContain(i.nameZh);
  });

  test("shipped with another carrier, English: the carrier's typed name", async () => {
    const order = await placeFor("en", "STRIPE");
    await pay(order.id, order.totalFen, "STRIPE");
    const s = order.shipments[0]!;
    await ship(s.id, { carrier: "OTHER", carrierName: "德邦快递", trackingNumber: "DPK0001" });
    await notify(db, { type: "shipmentShipped", shipmentId: s.id });
    const [mail] = await mailsOf(order.email, "shipment-shipped");
    expect(mail!.subject).toBe(`Tang County Market: a parcel of order ${order.number} has shipped`);
    expect(mail!.text).toContain("Carrier: 德邦快递");
    expect(mail!.text).toContain("Tracking number: DPK0001");
  });

  test("delivered: the households the parcel's lines supported (a count) and the benefit to the fen, from the ledger", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(order.id, order.totalFen);
    for (const s of order.shipments) {
      await ship(s.id, { carrier: "EMS", trackingNumber: "1234567890123" });
      await db.shipment.update({ where: { id: s.id }, data: { status: "DELIVERED", deliveredAt: new Date() } });
      await db.$transaction((tx) => notify(tx, { type: "shipmentDelivered", shipmentId: s.id, automatically: false }));
    }
    const mails = await mailsOf(order.email, "shipment-delivered");
    expect(mails).toHaveLength(order.shipments.length);
    for (const s of order.shipments) {
      const mail = mails.find((m) => m.dedupeKey === `shipmentDelivered:${s.id}`)!;
      // Expected figures straight from the ledger rows of this parcel's items.
      const rows = await db.$queryRaw<{ households: bigint; fen: bigint }[]>`
        SELECT COUNT(DISTINCT l."householdId") AS households, COALESCE(SUM(l."amountFen"), 0) AS fen
        FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId"
        WHERE l."kind" = 'HOUSEHOLD_BENEFIT' AND i."shipmentId" = ${s.id}`;
      const households = Number(rows[0]!.households);
      const fen = Number(rows[0]!.fen);
      expect(households).toBeGreaterThan(0);
      expect(mail.text).toContain(`帮助了 ${households} 户`);
      expect(mail.text).toContain(`¥${(fen / 100).toFixed(2)}`);
      expect(mail.text).toContain("您已确认收到");
    }
    // Never a household's name.
    const names = (await db.household.findMany({ where: { headName: { not: null } }, select: { headName: true } })).map((h) => h.headName!);
    for (const m of mails) for (const name of names) expect(m.text).not.toContain(name);
  });

  test("delivered automatically, English, with a plural", async () => {
    const order = await placeFor("en", "STRIPE");
    await pay(order.id, order.totalFen, "STRIPE");
    const s = order.shipments[0]!;
    await ship(s.id, { carrier: "ZTO", trackingNumber: "75312345678901" });
    await db.shipment.update({ where: { id: s.id }, data: { status: "DELIVERED", deliveredAt: new Date(), deliveredAutomatically: true } });
    await notify(db, { type: "shipmentDelivered", shipmentId: s.id, automatically: true });
    const [mail] = await mailsOf(order.email, "shipment-delivered");
    expect(mail!.text).toContain("shipped 15 days ago");
    expect(mail!.text).toMatch(/supported \d+ households? lifted out of poverty, bringing them ¥\d/);
  });

  test("opt-out skips only the delivered mail: placed, paid and shipped still go", async () => {
    const order = await placeFor("zh-CN", "STRIPE", { mailOptOut: true });
    await pay(order.id, order.totalFen, "STRIPE");
    const s = order.shipments[0]!;
    await ship(s.id, { carrier: "JD", trackingNumber: "JDX000123456789" });
    await notify(db, { type: "shipmentShipped", shipmentId: s.id });
    await db.shipment.update({ where: { id: s.id }, data: { status: "DELIVERED", deliveredAt: new Date() } });
    await notify(db, { type: "shipmentDelivered", shipmentId: s.id, automatically: false });
    expect((await mailsTo(order.email)).map((m) => m.kind)).toEqual(["order-placed", "payment-received", "shipment-shipped"]);
  });
});

describe("refund decided", () => {
  test("approved: the amount; rejected: the reason the buyer gave; each in the buyer's language", async () => {
    const zh = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(zh.id, zh.totalFen);
    const approved = await db.refund.create({
      data: { orderId: zh.id, amountFen: 1234, items: [], reason: "", requestedById: zh.buyerId, status: "SUCCEEDED", decidedAt: new Date() },
    });
    await notify(db, { type: "refundDecided", refundId: approved.id });
    const [a] = await mailsOf(zh.email, "refund-decided");
    expect(a!.subject).toBe(`唐县好物：订单 ${zh.number} 的退款已通过`);
    expect(a!.text).toContain("¥12.34");

    const en = await placeFor("en", "STRIPE");
    await pay(en.id, en.totalFen, "STRIPE");
    const rejected = await db.refund.create({
      data: { orderId: en.id, amountFen: en.totalFen, items: [], reason: "瓶子碎了", reasonCode: "DAMAGED", shipmentId: en.shipments[0]!.id, requestedById: en.buyerId, status: "REJECTED", decidedAt: new Date() },
    });
    await notify(db, { type: "refundDecided", refundId: rejected.id });
    const [r] = await mailsOf(en.email, "refund-decided");
    expect(r!.subject).toBe(`Tang County Market: refund request for order ${en.number} declined`);
    expect(r!.text).toContain("Your reason: Damaged · 瓶子碎了");
  });

  test("a request still open is not announced", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(order.id, order.totalFen);
    const open = await db.refund.create({ data: { orderId: order.id, amountFen: 100, items: [], reason: "不想要了", requestedById: order.buyerId } });
    await notify(db, { type: "refundDecided", refundId: open.id });
    expect(await mailsOf(order.email, "refund-decided")).toHaveLength(0);
  });
});

describe("once, and only with the change", () => {
  test("a second notify of every event writes nothing", async () => {
    const order = await placeFor("zh-CN", "BANK_TRANSFER");
    await pay(order.id, order.totalFen);
    const s = order.shipments[0]!;
    await ship(s.id, { carrier: "YTO", trackingNumber: "YT1234567890123" });
    const refund = await db.refund.create({ data: { orderId: order.id, amountFen: 100, items: [], reason: "x", requestedById: order.buyerId, status: "REJECTED" } });
    const events = [
      { type: "orderPlaced", orderId: order.id },
      { type: "paymentReceived", orderId: order.id },
      { type: "shipmentShipped", shipmentId: s.id },
      { type: "shipmentDelivered", shipmentId: s.id, automatically: false },
      { type: "refundDecided", refundId: refund.id },
    ] as const;
    for (const e of events) await notify(db, e);
    const before = await db.mailMessage.count({ where: { to: order.email } });
    expect(before).toBe(5);
    for (const e of events) await db.$transaction((tx) => notify(tx, e));
    await Promise.all(events.map((e) => db.$transaction((tx) => notify(tx, e))));
    expect(await db.mailMessage.count({ where: { to: order.email } })).toBe(before);
  });

  test("a transaction that rolls back leaves no mail", async () => {
    const order = await placeFor("zh-CN", "STRIPE");
    await expect(
      db.$transaction(async (tx) => {
        await cancelPendingOrder(tx, order.id, "buyer");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, { type: "paymentReceived", orderId: order.id });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await mailsTo(order.email)).map((m) => m.kind)).toEqual(["order-placed"]);
  });

  test("an unknown id writes nothing", async () => {
    const before = await db.mailMessage.count();
    await notify(db, { type: "orderPlaced", orderId: "no-such-order" });
    await notify(db, { type: "shipmentShipped", shipmentId: "no-such-shipment" });
    await notify(db, { type: "refundDecided", refundId: "no-such-refund" });
    expect(await db.mailMessage.count()).toBe(before);
  });
});
