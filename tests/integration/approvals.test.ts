// Issue 15, item 3 on real PostgreSQL: an organisation's order above its threshold waits for an approver with its
// stock held for the approval window; it cannot be paid meanwhile; an approval starts the transfer window (the
// reservations with it) and mails the purchaser; a rejection needs a note, cancels the order and gives the stock
// back; nobody deciding in time lets the sweep release it; another organisation's approver, or the purchaser
// approving their own order while another approver exists, is refused with nothing written.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { RESERVATION_MS } from "@/lib/domain/checkout";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { checkoutInput, productIdOf } from "../helpers/orders";

const shared = vi.hoisted((): { db: unknown } => ({ db: null }));
vi.mock("@/lib/server/db", () => ({ db: new Proxy({}, { get: (_t, prop) => Reflect.get(shared.db as object, prop) as unknown }) }));

const { placeOrder } = await import("@/lib/server/orders/place-order");
const { markOrderPaid } = await import("@/lib/server/orders/lifecycle");
const { sweepExpiredReservations } = await import("@/lib/server/orders/sweep");
const { decideApproval, approvalQueue } = await import("@/lib/server/orgs/approvals");
const { buyingOrganisation } = await import("@/lib/server/orgs/organisations");
const { confirmReceipt } = await import("@/lib/server/orders/delivery");
const { listBuyerOrders, getBuyerOrder } = await import("@/lib/server/queries/orders");

let t: TestDatabase;
let db: Db;
let product: string;

beforeAll(async () => {
  t = await createTestDatabase("shop_approvals");
  db = t.db;
  shared.db = db;
  await seedDatabase(db);
  product = await productIdOf(db, "tangxian-yellow-millet");
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

let seq = 0;
/** An organisation (threshold ¥100, window 48 h) with a purchaser and `approvers` approvers. */
async function organisation(approvers = 1, window = 48) {
  const n = ++seq;
  const org = await db.organisation.create({
    data: { kind: "BUDGET_UNIT", name: `审批测试单位 ${n}`, creditCode: `TEST-APPROVAL-${n}-${Date.now()}`, invoiceTitle: `审批测试单位 ${n}`, taxId: "91110105000000000X", address: "朝阳区示例路 1 号", district: "chaoyang", approvalThresholdFen: 10_000, approvalWindowHours: window },
    select: { id: true },
  });
  const user = (tag: string) => db.user.create({ data: { email: `${tag}-${n}-${Date.now()}@example.test`, name: `${tag} ${n}`, locale: "zh-CN" }, select: { id: true, email: true } });
  const purchaser = await user("purchaser");
  await db.organisationMember.create({ data: { organisationId: org.id, userId: purchaser.id, roles: ["PURCHASER"] } });
  const approverIds: string[] = [];
  for (let i = 0; i < approvers; i++) {
    const a = await user(`approver${i}`);
    await db.organisationMember.create({ data: { organisationId: org.id, userId: a.id, roles: ["APPROVER"] } });
    approverIds.push(a.id);
  }
  return { organisationId: org.id, purchaser, approverIds };
}

/** The purchaser's cart of `units` of the product, placed for the organisation at `now`. */
async function placeFor(o: Awaited<ReturnType<typeof organisation>>, units: number, now = new Date()) {
  const placed = await tryPlaceFor(o, units, now);
  if (!placed.ok) throw new Error(placed.code);
  return placed;
}

async function tryPlaceFor(o: Awaited<ReturnType<typeof organisation>>, units: number, now = new Date()) {
  await db.cart.upsert({ where: { userId: o.purchaser.id }, create: { userId: o.purchaser.id, items: { create: [{ productId: product, quantity: units }] } }, update: { items: { create: [{ productId: product, quantity: units }] } } });
  const buying = await buyingOrganisation(db, o.purchaser.id);
  expect(buying).not.toBeNull();
  return placeOrder(db, { ...checkoutInput(o.purchaser.id, [{ productId: product, quantity: units }], "BANK_TRANSFER"), organisation: { ...buying!, buyerName: "采购员" } }, now);
}

const stock = async () => (await db.product.findUniqueOrThrow({ where: { id: product }, select: { stock: true } })).stock;
const orderRow = (id: string) =>
  db.order.findUniqueOrThrow({ where: { id }, select: { status: true, approvalStatus: true, approvalNote: true, approvalDecidedById: true, reservedUntil: true, organisationId: true, buyerType: true, invoiceTitle: true, totalFen: true } });
const mails = (key: string) => db.mailMessage.findMany({ where: { dedupeKey: { startsWith: key } }, select: { to: true, subject: true, text: true } });

describe("approvals", () => {
  test("an order at or under the threshold needs none; above it waits, its stock held for the window, its approvers mailed", async () => {
    const o = await organisation(2);
    const small = await placeFor(o, 1);
    expect(small.awaitingApproval).toBe(false);
    expect(await orderRow(small.orderId)).toMatchObject({ approvalStatus: "NONE", organisationId: o.organisationId, buyerType: "INSTITUTION", invoiceTitle: expect.stringContaining("审批测试单位") });

    const now = new Date();
    const before = await stock();
    const big = await placeFor(o, 20, now);
    expect(big.awaitingApproval).toBe(true);
    const row = await orderRow(big.orderId);
    expect(row.approvalStatus).toBe("PENDING");
    expect(row.reservedUntil!.getTime()).toBe(now.getTime() + 48 * 3_600_000);
    expect(await stock()).toBe(before - 20);
    // Both approvers are told; the purchaser's own "placed" mail says not to pay yet.
    expect((await mails(`approvalRequested:${big.orderId}`)).map((m) => m.to).sort()).toHaveLength(2);
    const placedMail = await db.mailMessage.findFirstOrThrow({ where: { dedupeKey: `orderPlaced:${big.orderId}` }, select: { text: true } });
    expect(placedMail.text).toContain("请暂勿付款");
    expect((await approvalQueue(db, { organisationId: o.organisationId })).map((q) => q.id)).toEqual([big.orderId]);
  });

  test("a waiting order cannot be paid; once approved it can, within the transfer window", async () => {
    const o = await organisation(1);
    const placed = await placeFor(o, 20);
    const pay = () => db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen }));
    expect(await pay()).toBe("notApproved");
    expect((await orderRow(placed.orderId)).status).toBe("PENDING_PAYMENT");

    const decidedAt = new Date(Date.now() + 60_000);
    const approved = await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: true, note: "同意，按预算执行" }, decidedAt);
    expect(approved).toEqual({ ok: true, number: placed.number });
    const row = await orderRow(placed.orderId);
    expect(row).toMatchObject({ approvalStatus: "APPROVED", approvalNote: "同意，按预算执行", approvalDecidedById: o.approverIds[0] });
    expect(row.reservedUntil!.getTime()).toBe(decidedAt.getTime() + RESERVATION_MS.BANK_TRANSFER);
    const reservations = await db.stockReservation.findMany({ where: { orderId: placed.orderId }, select: { status: true, expiresAt: true } });
    expect(reservations).toEqual([{ status: "ACTIVE", expiresAt: row.reservedUntil }]);
    const [mail] = await mails(`orderApproval:${placed.orderId}`);
    expect(mail).toMatchObject({ to: o.purchaser.email });
    expect(mail!.text).toContain("审批测试单位");
    expect(mail!.text).toContain("91110105000000000X");
    // A second decision finds nothing waiting.
    expect(await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: false, note: "改主意" })).toMatchObject({ ok: false, status: 409 });
    expect(await pay()).toBe("paid");
    expect(await db.auditLog.count({ where: { entityId: placed.orderId, action: "order.approved" } })).toBe(1);
  });

  test("a rejection needs its note; with it the order is cancelled, its stock back, the purchaser told why", async () => {
    const o = await organisation(1);
    const before = await stock();
    const placed = await placeFor(o, 30);
    expect(await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: false, note: "  " })).toMatchObject({ ok: false, status: 400, field: "note" });
    expect((await orderRow(placed.orderId)).approvalStatus).toBe("PENDING");
    expect(await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: false, note: "超出本季度预算" })).toMatchObject({ ok: true });
    expect(await orderRow(placed.orderId)).toMatchObject({ status: "CANCELLED", approvalStatus: "REJECTED", approvalNote: "超出本季度预算" });
    expect(await stock()).toBe(before);
    const sent = await db.mailMessage.findMany({ where: { to: o.purchaser.email, dedupeKey: { in: [`orderApproval:${placed.orderId}`, `orderCancelled:${placed.orderId}`] } }, select: { dedupeKey: true, text: true } });
    // One mail, with the note; not a second "cancelled" one.
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain("超出本季度预算");
  });

  test("nobody decides in time: the sweep cancels it and releases the stock, and a late decision is refused", async () => {
    const o = await organisation(1, 2);
    const before = await stock();
    const now = new Date();
    const placed = await placeFor(o, 25, now);
    expect(await stock()).toBe(before - 25);
    // An hour in, the sweep leaves it; after the two-hour window it releases it.
    await sweepExpiredReservations(db, new Date(now.getTime() + 3_600_000));
    expect((await orderRow(placed.orderId)).status).toBe("PENDING_PAYMENT");
    const late = new Date(now.getTime() + 2 * 3_600_000 + 1);
    expect(await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: true, note: "" }, late)).toMatchObject({ ok: false, status: 410 });
    await sweepExpiredReservations(db, late);
    expect((await orderRow(placed.orderId)).status).toBe("CANCELLED");
    expect(await stock()).toBe(before);
  });

  test("another organisation's approver finds nothing, and the purchaser does not approve their own order", async () => {
    const a = await organisation(1);
    const b = await organisation(1);
    const placed = await placeFor(a, 20);
    // B's approver naming A's order, under B (the action passes the caller's own organisation).
    expect(await decideApproval(db, b.approverIds[0]!, { organisationId: b.organisationId, orderId: placed.orderId, approve: true, note: "" })).toMatchObject({ ok: false, status: 404 });
    // A's purchaser, made an approver too, tries their own order while A has another approver.
    await db.organisationMember.update({ where: { userId: a.purchaser.id }, data: { roles: ["APPROVER", "PURCHASER"] } });
    expect(await decideApproval(db, a.purchaser.id, { organisationId: a.organisationId, orderId: placed.orderId, approve: true, note: "" })).toMatchObject({ ok: false, status: 403 });
    expect(await orderRow(placed.orderId)).toMatchObject({ approvalStatus: "PENDING", approvalDecidedById: null });
    expect(await db.auditLog.count({ where: { entityId: placed.orderId } })).toBe(0);
    // The sole approver (a small union's officer) may approve their own.
    const solo = await organisation(0);
    await db.organisationMember.update({ where: { userId: solo.purchaser.id }, data: { roles: ["APPROVER", "PURCHASER"] } });
    const own = await placeFor(solo, 20);
    expect(await decideApproval(db, solo.purchaser.id, { organisationId: solo.organisationId, orderId: own.orderId, approve: true, note: "" })).toMatchObject({ ok: true });
  });

  test("rejected, or cancelled undecided: the order can never be paid afterwards", async () => {
    const o = await organisation(1, 1);
    const rejected = await placeFor(o, 20);
    await decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: rejected.orderId, approve: false, note: "不买了" });
    const now = new Date();
    const expired = await placeFor(o, 20, now);
    await sweepExpiredReservations(db, new Date(now.getTime() + 3_600_001));
    expect((await orderRow(expired.orderId)).status).toBe("CANCELLED");
    for (const placed of [rejected, expired]) {
      const before = await stock();
      const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen }));
      expect(outcome).toBe("notApproved");
      expect((await orderRow(placed.orderId)).status).toBe("CANCELLED");
      expect(await stock()).toBe(before);
      expect(await db.payment.count({ where: { orderId: placed.orderId, status: "SUCCEEDED" } })).toBe(0);
    }
  });

  test("an organisation above its threshold with nobody to approve: refused at placing, nothing written", async () => {
    const o = await organisation(0);
    const before = await stock();
    const orders = await db.order.count({ where: { organisationId: o.organisationId } });
    const placed = await tryPlaceFor(o, 20);
    expect(placed).toEqual({ ok: false, code: "noApprover" });
    expect(await stock()).toBe(before);
    expect(await db.order.count({ where: { organisationId: o.organisationId } })).toBe(orders);
    // The cart is kept for buying privately instead.
    expect(await db.cartItem.count({ where: { cart: { userId: o.purchaser.id } } })).toBe(1);
  });

  test("a purchaser removed from the organisation no longer reads or acts on the orders they placed for it", async () => {
    const o = await organisation(1);
    const placed = await placeFor(o, 1);
    expect((await listBuyerOrders(db, { buyerId: o.purchaser.id, organisationId: o.organisationId })).map((r) => r.id)).toContain(placed.orderId);
    await db.organisationMember.delete({ where: { userId: o.purchaser.id } });
    expect((await listBuyerOrders(db, { buyerId: o.purchaser.id, organisationId: null })).map((r) => r.id)).not.toContain(placed.orderId);
    expect(await getBuyerOrder(db, { buyerId: o.purchaser.id, organisationId: null, orderId: placed.orderId, locale: "zh-CN" })).toBeNull();
    const shipment = await db.shipment.findFirstOrThrow({ where: { orderId: placed.orderId }, select: { id: true } });
    expect(await confirmReceipt(db, { buyerId: o.purchaser.id, organisationId: null, shipmentId: shipment.id })).toBe("notFound");
  });

  test("two approvers deciding at once: exactly one decision stands", async () => {
    const o = await organisation(2);
    const placed = await placeFor(o, 20);
    const [x, y] = await Promise.all([
      decideApproval(db, o.approverIds[0]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: true, note: "" }),
      decideApproval(db, o.approverIds[1]!, { organisationId: o.organisationId, orderId: placed.orderId, approve: false, note: "不同意" }),
    ]);
    expect([x.ok, y.ok].filter(Boolean)).toHaveLength(1);
    const row = await orderRow(placed.orderId);
    expect(row.approvalStatus).toBe(x.ok ? "APPROVED" : "REJECTED");
    expect(await db.auditLog.count({ where: { entityId: placed.orderId, action: { in: ["order.approved", "order.rejected"] } } })).toBe(1);
  });
});
