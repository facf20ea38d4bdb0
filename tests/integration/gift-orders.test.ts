// A union's gift order (issue 15, item 4), on PostgreSQL from TEST_DATABASE_URL (else embedded PGlite):
//   - a valid list places atomically: one order of the organisation (bank transfer, its invoice title and address),
//     a shipment per recipient and cooperative with the recipient's own address, an item per recipient and product
//     on that shipment, totals to the fen computed here independently (tier price at the list's total, shipping
//     per parcel), reservations equal to the list's totals, the stock taken, the list marked placed; the
//     cooperative's queue shows each parcel at its recipient's address once paid;
//   - above the organisation's threshold it waits for an approver, its stock held for the approval window;
//   - a list asking for more than the stock places nothing and says, per product, what it wants and what there is;
//   - bad rows (a bad phone, an address outside Beijing, the same recipient twice) block placing;
//   - another organisation's list is not found, and nothing is written;
//   - a gift list and ordinary checkouts racing for the last units never oversell: the list gets all of its
//     units or none;
//   - (PostgreSQL only: it needs a second connection) a gift order chosen as a deadlock's victim is rolled back
//     whole and placed on its next attempt, once;
//   - a GBK file and an Excel workbook read, and a 20,000-row file and a 6 MB file are refused whole.
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { bulkShip } from "@/lib/server/fulfilment/bulk-ship";
import { listFulfilmentQueue } from "@/lib/server/fulfilment/queue";
import { shipShipment } from "@/lib/server/fulfilment/ship";
import { discardGiftList, getGiftList, placeGiftList, uploadGiftList } from "@/lib/server/orgs/gift-orders";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { placeOrder } from "@/lib/server/orders/place-order";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase, onOwnConnection, untilSomeoneWaitsForALock } from "../helpers/db";
import { checkoutInput } from "../helpers/orders";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_gift_orders");
  db = t.db;
  await seedDatabase(db);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

const enc = new TextEncoder();
const csv = (rows: (string | number)[][]) => enc.encode(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`);

/** A one-sheet workbook as Excel writes it (inline strings; numbers as numbers, as a phone typed in a cell is). */
function xlsx(rows: (string | number)[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const esc = (v: string) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const cells = (r: (string | number)[], y: number) =>
    r.map((c, x) => (typeof c === "number" ? `<c r="${col(x)}${y}"><v>${c}</v></c>` : `<c r="${col(x)}${y}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`)).join("");
  const xml = (body: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${body}`);
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": xml(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    "_rels/.rels": xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${cells(r, i + 1)}</row>`).join("")}</sheetData></worksheet>`),
  });
}

let orgs = 0;
/** A new organisation with one purchaser (threshold and Beijing-only as given). */
async function organisation(opts: { thresholdFen?: number | null; beijingOnly?: boolean } = {}) {
  const n = ++orgs;
  const user = await db.user.create({ data: { email: `purchaser-${n}@example.test`, name: `采购员${n}`, phone: "13911112222" }, select: { id: true } });
  const org = await db.organisation.create({
    data: {
      kind: "UNION",
      name: `测试工会${n}`,
      creditCode: `TEST${n}${Date.now()}`,
      invoiceTitle: `测试工会${n}发票抬头`,
      taxId: `91110105TEST${n}`,
      address: `朝阳区工会路 ${n} 号`,
      district: "chaoyang",
      approvalThresholdFen: opts.thresholdFen === undefined ? null : opts.thresholdFen,
      approvalWindowHours: 48,
      beijingOnlyDelivery: opts.beijingOnly ?? true,
      members: { create: { userId: user.id, roles: ["PURCHASER"] } },
    },
    select: { id: true },
  });
  return { organisationId: org.id, actorId: user.id };
}

async function product(slug: string) {
  return db.product.findUniqueOrThrow({
    where: { slug },
    select: { id: true, nameZh: true, nameEn: true, priceFen: true, stock: true, cooperativeId: true, cooperative: { select: { shippingFeeFen: true, freeShippingMinFen: true } } },
  });
}
const stockOf = async (id: string) => (await db.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;
const halfUp = (fen: number, bp: number) => Math.floor((fen * (10_000 - bp) + 5_000) / 10_000);

/** What an organisation has written: orders and everything under them. */
async function writtenFor(organisationId: string) {
  const orders = await db.order.findMany({ where: { organisationId }, select: { id: true } });
  const ids = orders.map((o) => o.id);
  return {
    orders: ids.length,
    items: await db.orderItem.count({ where: { orderId: { in: ids } } }),
    shipments: await db.shipment.count({ where: { orderId: { in: ids } } }),
    reservations: await db.stockReservation.count({ where: { orderId: { in: ids } } }),
    payments: await db.payment.count({ where: { orderId: { in: ids } } }),
  };
}

async function upload(org: { organisationId: string; actorId: string }, bytes: Uint8Array, fileName = "名单.csv") {
  const r = await uploadGiftList(db, { ...org, fileName, bytes });
  if (!r.ok) throw new Error(`upload refused: ${r.key}`);
  return r.id;
}

describe("a valid list", () => {
  test("places atomically: order, a parcel per recipient and cooperative at their address, items, totals to the fen, reservations = totals", async () => {
    const org = await organisation();
    const peach = await product("hongnancheng-yellow-peach-canned"); // canning cooperative
    const dates = await product("taihang-jujubes"); // dried fruit cooperative
    expect(peach.cooperativeId).not.toBe(dates.cooperativeId);
    // ≥20 units −5% on the peaches: the list's total, 21, reaches it though no row does.
    await db.product.update({ where: { id: peach.id }, data: { stock: 100, priceTiers: [{ minQuantity: 20, discountBp: 500 }] } });
    await db.product.update({ where: { id: dates.id }, data: { stock: 100, priceTiers: [] } });

    const recipients = Array.from({ length: 12 }, (_, i) => ({
      name: `收件人${"甲乙丙丁戊己庚辛壬癸子丑"[i]}`,
      phone: `1370000${String(1000 + i)}`,
      district: ["chaoyang", "haidian", "dongcheng"][i % 3]!,
      districtCell: ["朝阳区", "海淀", "北京市东城区"][i % 3]!,
      street: `测试路 ${i + 1} 号院 ${i + 1} 单元`,
      peach: i < 9 ? 2 : 1, // 9×2 + 3×1 = 21
      dates: i % 2 === 0 ? 1 : 0, // 6
    }));
    const bytes = csv([["姓名", "手机", "区", "详细地址", peach.nameZh, dates.nameEn], ...recipients.map((r) => [r.name, r.phone, r.districtCell, r.street, r.peach, r.dates || ""])]);
    const id = await upload(org, bytes);

    const preview = await getGiftList(db, { organisationId: org.organisationId }, id);
    expect(preview).not.toBeNull();
    expect(preview!.errors).toEqual([]);
    expect(preview!.totals.units).toEqual({ [peach.id]: 21, [dates.id]: 6 });

    // Independently: unit prices at the list's totals; one parcel per recipient and cooperative, each charged
    // its cooperative's fee unless its own items reach the free-shipping threshold.
    const peachUnit = halfUp(peach.priceFen, 500);
    const itemsFen = 21 * peachUnit + 6 * dates.priceFen;
    let shippingFen = 0;
    let parcels = 0;
    for (const r of recipients) {
      const p = r.peach * peachUnit;
      shippingFen += p >= peach.cooperative.freeShippingMinFen ? 0 : peach.cooperative.shippingFeeFen;
      parcels++;
      if (r.dates) {
        const d = r.dates * dates.priceFen;
        shippingFen += d >= dates.cooperative.freeShippingMinFen ? 0 : dates.cooperative.shippingFeeFen;
        parcels++;
      }
    }
    expect(preview!.quote).toMatchObject({ ok: true, itemsFen, shippingFen, totalFen: itemsFen + shippingFen });

    const now = new Date();
    const placed = await placeGiftList(db, { ...org, giftListId: id }, now);
    if (!placed.ok) throw new Error(`refused: ${placed.code}`);
    expect(placed.totalFen).toBe(itemsFen + shippingFen);
    expect(placed.approvalStatus).toBe("NONE");

    const order = await db.order.findUniqueOrThrow({
      where: { id: placed.orderId },
      include: { shipments: { include: { items: true }, orderBy: [{ recipientNo: "asc" }, { cooperativeId: "asc" }] }, reservations: true, payments: true },
    });
    const orgRow = await db.organisation.findUniqueOrThrow({ where: { id: org.organisationId } });
    expect(order).toMatchObject({
      organisationId: org.organisationId,
      buyerId: org.actorId,
      buyerType: "INSTITUTION",
      paymentMethod: "BANK_TRANSFER",
      status: "PENDING_PAYMENT",
      approvalStatus: "NONE",
      unitName: orgRow.name,
      invoiceTitle: orgRow.invoiceTitle,
      taxId: orgRow.taxId,
      district: orgRow.district,
      street: orgRow.address,
      itemsFen,
      shippingFen,
      totalFen: itemsFen + shippingFen,
    });
    expect(order.transferReference).toMatch(/^TXZZ-/);
    expect(order.shipments).toHaveLength(parcels);
    expect(order.shipments.reduce((s, x) => s + x.shippingFen, 0)).toBe(shippingFen);
    for (const s of order.shipments) {
      const r = recipients[s.recipientNo - 1]!;
      expect(s).toMatchObject({ recipient: r.name, phone: r.phone, district: r.district, street: r.street });
      // Every line on the parcel is its cooperative's, and its quantity is the recipient's.
      for (const item of s.items) {
        expect(item.cooperativeId).toBe(s.cooperativeId);
        expect(item.quantity).toBe(item.productId === peach.id ? r.peach : r.dates);
        expect(item.unitPriceFen).toBe(item.productId === peach.id ? peachUnit : dates.priceFen);
        expect(item.lineTotalFen).toBe(item.unitPriceFen * item.quantity);
      }
    }
    const items = order.shipments.flatMap((s) => s.items);
    expect(items).toHaveLength(12 + 6);
    expect(items.reduce((s, i) => s + i.lineTotalFen, 0)).toBe(itemsFen);
    expect(Object.fromEntries(order.reservations.map((r) => [r.productId, r.quantity]))).toEqual({ [peach.id]: 21, [dates.id]: 6 });
    expect(order.reservations.every((r) => r.status === "ACTIVE")).toBe(true);
    expect(order.payments).toMatchObject([{ method: "BANK_TRANSFER", status: "PENDING", amountFen: itemsFen + shippingFen }]);
    expect(await stockOf(peach.id)).toBe(100 - 21);
    expect(await stockOf(dates.id)).toBe(100 - 6);
    expect(await db.giftList.findUniqueOrThrow({ where: { id }, select: { status: true, orderId: true } })).toEqual({ status: "PLACED", orderId: placed.orderId });
    expect(await db.mailMessage.count({ where: { dedupeKey: `orderPlaced:${placed.orderId}` } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "gift-list.placed", entityId: id } })).toBe(1);

    // Placed once: a second click is refused and writes nothing more.
    expect(await placeGiftList(db, { ...org, giftListId: id })).toEqual({ ok: false, code: "placed" });
    expect(await writtenFor(org.organisationId)).toEqual({ orders: 1, items: 18, shipments: parcels, reservations: 2, payments: 1 });
    expect(await discardGiftList(db, { ...org, giftListId: id })).toEqual({ ok: false, code: "placed" });

    // Paid: the canning cooperative's queue shows each of its parcels at its recipient's address.
    expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: placed.orderId, method: "BANK_TRANSFER", amountFen: placed.totalFen, bankReference: "GIFT-TEST" }))).toBe("paid");
    const queue = await listFulfilmentQueue(db, { cooperativeId: peach.cooperativeId, cooperativeIds: [peach.cooperativeId] }, { page: 1 });
    const ours = queue!.shipments.filter((s) => s.order.id === placed.orderId);
    expect(ours).toHaveLength(12);
    expect(new Set(ours.map((s) => s.address.recipient))).toEqual(new Set(recipients.map((r) => r.name).filter((_, i) => i < 12)));
    for (const s of ours) {
      const r = recipients.find((x) => x.name === s.address.recipient)!;
      expect(s.address).toEqual({ recipient: r.name, phone: r.phone, district: r.district, street: r.street });
      // Each parcel has its own reference: the order's number and the recipient's place in the list.
      expect(s.reference).toBe(`${placed.number}-${s.recipientNo}`);
    }

    // The courier's pickup list ships gift parcels by those references; the bare order number names none of them.
    const scope = { cooperativeId: peach.cooperativeId, cooperativeIds: [peach.cooperativeId], actorId: org.actorId };
    const [first, second] = [...ours].sort((a, b) => a.recipientNo - b.recipientNo);
    const pickup = `订单号,快递公司,快递单号\r\n${first!.reference},SF,SF1234567890121\r\n${second!.reference},SF,SF1234567890122\r\n${placed.number},SF,SF1234567890123\r\n`;
    const shipped = await bulkShip(db, scope, new TextEncoder().encode(pickup), null);
    expect(shipped.ok && shipped.rows.map((r) => r.outcome)).toEqual(["shipped", "shipped", "invalid"]);
    expect(await db.shipment.count({ where: { orderId: placed.orderId, status: "SHIPPED" } })).toBe(2);

    // The purchaser is not mailed per parcel; once, when the last one leaves, with the count.
    const orderParcels = await db.shipment.findMany({ where: { orderId: placed.orderId }, select: { id: true, cooperativeId: true, status: true } });
    const mailsOf = () => db.mailMessage.findMany({ where: { OR: [{ dedupeKey: { in: orderParcels.map((p) => `shipmentShipped:${p.id}`) } }, { dedupeKey: `giftShipped:${placed.orderId}` }] }, select: { dedupeKey: true, text: true } });
    expect(await mailsOf()).toEqual([]);
    let n = 0;
    for (const p of orderParcels.filter((x) => x.status !== "SHIPPED")) {
      const done = await shipShipment(db, { cooperativeId: p.cooperativeId, cooperativeIds: [p.cooperativeId], actorId: org.actorId, shipmentId: p.id, carrier: "SF", carrierName: null, trackingNumber: `SF${String(2_000_000_000_000 + ++n)}`, source: "form" });
      expect(done.kind).toBe("done");
    }
    const sent = await mailsOf();
    expect(sent.map((m) => m.dedupeKey)).toEqual([`giftShipped:${placed.orderId}`]);
    expect(sent[0]!.text).toContain(`${orderParcels.length} 个包裹`);
  }, 60_000);

  test("above the organisation's threshold it waits for an approver, its stock held for the approval window", async () => {
    const org = await organisation({ thresholdFen: 1_000 });
    const approver = await db.user.create({ data: { email: `approver-${orgs}@example.test` }, select: { id: true } });
    await db.organisationMember.create({ data: { organisationId: org.organisationId, userId: approver.id, roles: ["APPROVER"] } });
    const peach = await product("hongnancheng-yellow-peach-canned");
    await db.product.update({ where: { id: peach.id }, data: { stock: 50 } });
    const id = await upload(org, csv([["姓名", "手机", "详细地址", peach.nameZh], ["赵六", "13600001111", "北京市朝阳区建国路 1 号", 1]]));
    const now = new Date();
    const placed = await placeGiftList(db, { ...org, giftListId: id }, now);
    if (!placed.ok) throw new Error(placed.code);
    expect(placed.approvalStatus).toBe("PENDING");
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, select: { approvalStatus: true, reservedUntil: true, shipments: { select: { district: true, street: true } } } });
    expect(order.approvalStatus).toBe("PENDING");
    expect(order.reservedUntil?.getTime()).toBe(now.getTime() + 48 * 3_600_000);
    // The approver is asked, in the same transaction.
    expect(await db.mailMessage.count({ where: { dedupeKey: `approvalRequested:${placed.orderId}:${approver.id}` } })).toBe(1);
    // The district written at the start of the address is taken from it.
    expect(order.shipments).toEqual([{ district: "chaoyang", street: "建国路 1 号" }]);
  });
});

describe("refusals write nothing", () => {
  test("a list asking for more than the stock: per product, what it wants and what there is", async () => {
    const org = await organisation();
    const peach = await product("hongnancheng-yellow-peach-canned");
    const dates = await product("taihang-jujubes");
    await db.product.update({ where: { id: peach.id }, data: { stock: 3 } });
    await db.product.update({ where: { id: dates.id }, data: { stock: 1 } });
    const id = await upload(
      org,
      csv([
        ["姓名", "手机", "区", "详细地址", peach.nameZh, dates.nameZh],
        ["孙一", "13500000001", "朝阳区", "建国路 10 号", 2, 1],
        ["孙二", "13500000002", "朝阳区", "建国路 11 号", 2, 1],
      ]),
    );
    const preview = await getGiftList(db, { organisationId: org.organisationId }, id);
    expect(preview!.shortfalls).toEqual([
      { productId: peach.id, wanted: 4, available: 3 },
      { productId: dates.id, wanted: 2, available: 1 },
    ]);
    expect(await placeGiftList(db, { ...org, giftListId: id })).toEqual({
      ok: false,
      code: "shortfall",
      products: [
        { zh: peach.nameZh, en: peach.nameEn, wanted: 4, available: 3 },
        { zh: dates.nameZh, en: dates.nameEn, wanted: 2, available: 1 },
      ],
    });
    expect(await writtenFor(org.organisationId)).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
    expect(await stockOf(peach.id)).toBe(3);
    expect(await stockOf(dates.id)).toBe(1);
    expect((await db.giftList.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  test("bad rows (a bad phone, outside Beijing, the same recipient twice) are shown by line and field, and block placing", async () => {
    const org = await organisation({ beijingOnly: true });
    const peach = await product("hongnancheng-yellow-peach-canned");
    await db.product.update({ where: { id: peach.id }, data: { stock: 100 } });
    const id = await upload(
      org,
      csv([
        ["姓名", "手机", "区", "详细地址", peach.nameZh],
        ["周一", "13800138000", "朝阳区", "建国路 1 号", 1],
        ["周二", "12345", "海淀区", "中关村大街 1 号", 1],
        ["周三", "13800138001", "河北省", "保定市唐县某村 1 号", 1],
        ["周一", "13800138000", "朝阳区", "建国路 1 号", 1],
      ]),
    );
    const preview = await getGiftList(db, { organisationId: org.organisationId }, id);
    expect(preview!.recipients.map((r) => r.line)).toEqual([2]);
    expect(preview!.errors.map((e) => [e.line, e.errors.map((x) => `${x.field}:${x.code}`)])).toEqual([
      [3, ["phone:phoneInvalid"]],
      [4, ["district:notBeijing"]],
      [5, ["row:duplicate"]],
    ]);
    expect(await placeGiftList(db, { ...org, giftListId: id })).toEqual({ ok: false, code: "hasErrors" });
    expect(await writtenFor(org.organisationId)).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
    expect(await stockOf(peach.id)).toBe(100);
  });

  test("another organisation's list is not found: no preview, no order, no discard", async () => {
    const a = await organisation();
    const b = await organisation();
    const peach = await product("hongnancheng-yellow-peach-canned");
    await db.product.update({ where: { id: peach.id }, data: { stock: 100 } });
    const id = await upload(a, csv([["姓名", "手机", "区", "详细地址", peach.nameZh], ["吴一", "13700000001", "朝阳区", "建国路 2 号", 1]]));
    expect(await getGiftList(db, { organisationId: b.organisationId }, id)).toBeNull();
    expect(await placeGiftList(db, { ...b, giftListId: id })).toEqual({ ok: false, code: "notFound" });
    expect(await discardGiftList(db, { ...b, giftListId: id })).toEqual({ ok: false, code: "notFound" });
    expect(await writtenFor(a.organisationId)).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
    expect(await writtenFor(b.organisationId)).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
    expect(await stockOf(peach.id)).toBe(100);
    expect((await db.giftList.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    // Its own organisation can discard it, and a discarded list is not placed.
    expect(await discardGiftList(db, { ...a, giftListId: id })).toEqual({ ok: true });
    expect(await placeGiftList(db, { ...a, giftListId: id })).toEqual({ ok: false, code: "discarded" });
  });

  test("a GBK file and a workbook read; a 20,000-row file and a 6 MB file are refused whole and store nothing", async () => {
    const org = await organisation();
    const gbk = new Uint8Array(readFileSync(path.join(__dirname, "../fixtures/gift-list-gbk.csv")));
    const id = await upload(org, gbk, "名单-gbk.csv");
    const preview = await getGiftList(db, { organisationId: org.organisationId }, id);
    expect(preview!.encoding).toBe("gb18030");
    expect(preview!.errors).toEqual([]);
    expect(preview!.recipients.map((r) => [r.name, r.phone, r.district])).toEqual([
      ["张伟", "13800138000", "chaoyang"],
      ["李娜", "13912345678", "haidian"],
      ["王芳", "13700001111", "xicheng"],
    ]);

    // An Excel workbook: the phone typed as a number, the quantity too.
    const book = await getGiftList(db, { organisationId: org.organisationId }, await upload(org, xlsx([["姓名", "手机", "区", "详细地址", "洪南城黄桃罐头"], ["赵敏", 13600002222, "丰台区", "丰台路 3 号", 2]]), "名单.xlsx"));
    expect(book!.encoding).toBe("xlsx");
    expect(book!.recipients).toMatchObject([{ line: 2, name: "赵敏", phone: "13600002222", district: "fengtai", address: "丰台路 3 号" }]);
    // Not a workbook after all: refused whole.
    expect(await uploadGiftList(db, { ...org, fileName: "broken.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).toMatchObject({ ok: false, key: "org.giftList.refusals.unreadable" });

    const before = await db.giftList.count({ where: { organisationId: org.organisationId } });
    const header = "姓名,手机,区,详细地址,洪南城黄桃罐头\r\n";
    const many = enc.encode(header + Array.from({ length: 20_000 }, (_, i) => `人${i},138${String(i).padStart(8, "0")},朝阳区,建国路 ${i} 号,1`).join("\r\n"));
    expect(await uploadGiftList(db, { ...org, fileName: "big.csv", bytes: many })).toMatchObject({ ok: false, status: 413, key: "org.giftList.refusals.tooManyRows", vars: { rows: 20_000 } });
    const huge = new Uint8Array(6 * 1024 * 1024).fill(0x41);
    expect(await uploadGiftList(db, { ...org, fileName: "huge.csv", bytes: huge })).toMatchObject({ ok: false, status: 413, key: "org.giftList.refusals.tooLarge" });
    expect(await db.giftList.count({ where: { organisationId: org.organisationId } })).toBe(before);
  });
});

describe("a gift list and ordinary checkouts racing for the last units", () => {
  test.each([0, 1, 2, 3])("round %i: never oversold; the list gets all of its units or none", async (round) => {
    const org = await organisation();
    const scarce = await product("taihang-black-dates");
    // The list wants 8; 12 buyers want 1 each; 14 in stock: some of them lose whichever way it goes.
    const STOCK = 14;
    await db.product.update({ where: { id: scarce.id }, data: { stock: STOCK } });
    const id = await upload(org, csv([["姓名", "手机", "区", "详细地址", scarce.nameZh], ...Array.from({ length: 8 }, (_, i) => [`抢购${i}号`, `1360000${String(2000 + i)}`, "朝阳区", `竞争路 ${i + 1} 号`, 1])]));
    const buyers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const user = await db.user.create({ data: { email: `racer-${round}-${i}@example.test` }, select: { id: true } });
        await db.cart.create({ data: { userId: user.id, items: { create: [{ productId: scarce.id, quantity: 1 }] } } });
        return user.id;
      }),
    );
    // The list joins the rush at a different place each round.
    const calls = buyers.map((userId) => () => placeOrder(db, checkoutInput(userId, [{ productId: scarce.id, quantity: 1 }], "BANK_TRANSFER")));
    const giftAt = round * 4;
    const all: (() => Promise<{ ok: boolean; code?: string }>)[] = [...calls.slice(0, giftAt), () => placeGiftList(db, { ...org, giftListId: id }), ...calls.slice(giftAt)];
    const results = await Promise.all(all.map((f) => f()));
    const gift = results[giftAt]!;
    const checkoutsWon = results.filter((r, i) => i !== giftAt && r.ok).length;

    const remaining = await stockOf(scarce.id);
    expect(remaining).toBeGreaterThanOrEqual(0);
    const sold = (gift.ok ? 8 : 0) + checkoutsWon;
    expect(remaining).toBe(STOCK - sold);
    const lines = await db.orderItem.aggregate({ where: { productId: scarce.id, order: { OR: [{ organisationId: org.organisationId }, { buyerId: { in: buyers } }] } }, _sum: { quantity: true } });
    expect(lines._sum.quantity ?? 0).toBe(sold);
    const written = await writtenFor(org.organisationId);
    if (gift.ok) expect(written).toEqual({ orders: 1, items: 8, shipments: 8, reservations: 1, payments: 1 });
    else {
      expect(gift).toMatchObject({ ok: false });
      expect(["soldOut", "shortfall"]).toContain(gift.code);
      expect(written).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
      expect((await db.giftList.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
    }
    // Nothing left over that someone could have had: every refusal met a stock too small for it.
    if (!gift.ok) expect(remaining).toBeLessThan(8);
    expect(checkoutsWon).toBe(Math.min(12, STOCK - (gift.ok ? 8 : 0)));
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("a gift order chosen as a deadlock's victim", () => {
  test("is rolled back whole and placed on its next attempt, once", async () => {
    const org = await organisation();
    const walnuts = await product("taihang-walnut-kernels");
    await db.product.update({ where: { id: walnuts.id }, data: { stock: 50 } });
    const id = await upload(org, csv([["姓名", "手机", "区", "详细地址", walnuts.nameZh], ["死锁甲", "13600003001", "朝阳区", "等待路 1 号", 2], ["死锁乙", "13600003002", "海淀区", "等待路 2 号", 1]]));

    await onOwnConnection(t.url!, async (holder) => {
      // Another transaction holds the product row (as a manager's listing edit does)...
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "Product" WHERE "id" = $1 FOR NO KEY UPDATE`, [walnuts.id]);
      const placing = placeGiftList(db, { ...org, giftListId: id });
      let settled = false;
      void placing.finally(() => (settled = true));
      // ...until the gift order, holding its list's row, waits for the product's.
      await untilSomeoneWaitsForALock(db, "the gift order");
      // Then that transaction wants the list's row: a cycle. The gift order has waited longest, so its deadlock check
      // (deadlock_timeout, 1 s) runs first and PostgreSQL rolls it back; its lock on the list goes with it.
      const listSeen = await holder.query<{ status: string }>(`SELECT "status"::text AS "status" FROM "GiftList" WHERE "id" = $1 FOR UPDATE`, [id]);
      expect(listSeen.rows).toEqual([{ status: "DRAFT" }]);
      expect(settled).toBe(false); // the next attempt now waits for the list
      expect(await writtenFor(org.organisationId)).toEqual({ orders: 0, items: 0, shipments: 0, reservations: 0, payments: 0 });
      await holder.query("COMMIT");

      const placed = await placing;
      expect(placed).toMatchObject({ ok: true });
      expect(await writtenFor(org.organisationId)).toEqual({ orders: 1, items: 2, shipments: 2, reservations: 1, payments: 1 });
      expect(await stockOf(walnuts.id)).toBe(47);
      expect((await db.giftList.findUniqueOrThrow({ where: { id } })).status).toBe("PLACED");
    });
  }, 60_000);
});
