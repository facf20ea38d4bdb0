// Batches and the public origin page on a real database: creating a batch (with and without booking it as stock
// received), a lot number used twice (one after the other and at once), another cooperative's product, a trace
// code clash; then the trace facts — public facts only (no household's name, code or id anywhere in them), 404 for
// a bad, unknown or draft code, and the benefit paid equal to the ledger's household entries after a payment
// and a refund.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { isTraceCodeShape } from "@/lib/domain/trace-code";
import { createBatch, getBatchLabel, listBatches, type CreateBatchInput } from "@/lib/server/listings/batches";
import { getTraceFacts } from "@/lib/server/queries/trace";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { recordRefund } from "@/lib/server/orders/refunds";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let managerA: string;
let coopA: string;
const TX = { maxWait: 60_000, timeout: 60_000 };

beforeAll(async () => {
  t = await createTestDatabase("shop_batch_trace");
  db = t.db;
  await seedDatabase(db);
  const a = await db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
  managerA = a.id;
  coopA = a.cooperatives[0]!.cooperativeId;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

const scopeA = () => ({ cooperativeIds: [coopA], cooperativeId: coopA });
const input = (productId: string, over: Partial<CreateBatchInput> = {}): CreateBatchInput => ({
  scope: scopeA(),
  productId,
  lotNumber: "NHC-T-001",
  productionDay: "2026-09-15",
  quantity: 120,
  noteZh: "南洪城村 3 号地块采摘；质检合格",
  noteEn: "Picked on plot 3; passed quality test",
  receive: false,
  actorId: managerA,
  ...over,
});

async function footprint(productId: string) {
  const p = await db.product.findUniqueOrThrow({ where: { id: productId }, select: { stock: true } });
  return {
    stock: p.stock,
    batches: await db.batch.count({ where: { productId } }),
    movements: await db.stockMovement.count({ where: { productId } }),
    audits: await db.auditLog.count({ where: { entityId: productId } }),
  };
}

describe("creating batches", () => {
  test("a batch gets a trace code and an audit row; with 'received' it books its quantity as stock, in one go", async () => {
    const id = await productIdOf(db, "nanhongcheng-marselan");
    const before = await footprint(id);
    const plain = await createBatch(db, input(id));
    expect(plain).toMatchObject({ ok: true, stockAfter: null });
    if (!plain.ok) return;
    expect(isTraceCodeShape(plain.traceCode)).toBe(true);
    const row = await db.batch.findUniqueOrThrow({ where: { id: plain.batchId } });
    expect(row).toMatchObject({ productId: id, lotNumber: "NHC-T-001", traceCode: plain.traceCode, quantity: 120, noteEn: "Picked on plot 3; passed quality test" });
    expect(row.productionDate.toISOString()).toBe("2026-09-15T00:00:00.000Z");
    expect(await footprint(id)).toEqual({ ...before, batches: before.batches + 1, audits: before.audits + 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: id, action: "product.batch-created" }, select: { actorId: true, metadata: true } });
    expect(audit).toMatchObject({ actorId: managerA, metadata: { batchId: plain.batchId, lotNumber: "NHC-T-001", received: false } });

    const received = await createBatch(db, input(id, { lotNumber: "NHC-T-002", quantity: 30, receive: true }));
    expect(received).toMatchObject({ ok: true, stockAfter: before.stock + 30 });
    const movement = await db.stockMovement.findFirstOrThrow({ where: { productId: id }, orderBy: { createdAt: "desc" } });
    expect(movement).toMatchObject({ reason: "RECEIVED", delta: 30, stockAfter: before.stock + 30, note: "NHC-T-002", actorId: managerA });
    expect(await footprint(id)).toEqual({ stock: before.stock + 30, batches: before.batches + 2, movements: before.movements + 1, audits: before.audits + 3 });

    const listed = await listBatches(db, { cooperativeIds: [coopA], productId: id });
    expect(listed?.batches.map((b) => b.lotNumber)).toEqual(expect.arrayContaining(["NHC-T-001", "NHC-T-002"]));
    const label = await getBatchLabel(db, { cooperativeIds: [coopA], productId: id, batchId: plain.batchId });
    expect(label?.traceCode).toBe(plain.traceCode);
  });

  test("a lot number the product already has is refused and nothing is written; another product may use it", async () => {
    const id = await productIdOf(db, "nanhongcheng-marselan");
    const before = await footprint(id);
    expect(await createBatch(db, input(id, { receive: true }))).toEqual({ ok: false, code: "duplicateLot" });
    expect(await footprint(id)).toEqual(before);
    const other = await productIdOf(db, "nanhongcheng-merlot");
    expect(await createBatch(db, input(other))).toMatchObject({ ok: true });
  });

  test("two creates of one lot at once: one batch, one refusal", async () => {
    const id = await productIdOf(db, "nanhongcheng-rose");
    const before = await footprint(id);
    const results = await Promise.all(Array.from({ length: 4 }, () => createBatch(db, input(id, { lotNumber: "NHC-RACE-1", receive: true, quantity: 10 }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array.from({ length: 3 }, () => ({ ok: false, code: "duplicateLot" })));
    expect(await footprint(id)).toEqual({ stock: before.stock + 10, batches: before.batches + 1, movements: before.movements + 1, audits: before.audits + 2 });
  });

  test("another cooperative's product, or an archived one, is refused with nothing written", async () => {
    const theirs = await productIdOf(db, "hongnancheng-hawthorn-canned");
    const before = await footprint(theirs);
    expect(await createBatch(db, input(theirs))).toEqual({ ok: false, code: "notFound" });
    expect(await listBatches(db, { cooperativeIds: [coopA], productId: theirs })).toBeNull();
    const batch = await db.batch.findFirstOrThrow({ where: { productId: theirs }, select: { id: true } });
    expect(await getBatchLabel(db, { cooperativeIds: [coopA], productId: theirs, batchId: batch.id })).toBeNull();
    // A's product id with B's batch id.
    const ours = await productIdOf(db, "nanhongcheng-marselan");
    expect(await getBatchLabel(db, { cooperativeIds: [coopA], productId: ours, batchId: batch.id })).toBeNull();
    expect(await footprint(theirs)).toEqual(before);

    const archived = await productIdOf(db, "nanhongcheng-sweet-red");
    await db.product.update({ where: { id: archived }, data: { listingStatus: "ARCHIVED" } });
    const b2 = await footprint(archived);
    expect(await createBatch(db, input(archived))).toEqual({ ok: false, code: "archived" });
    expect(await footprint(archived)).toEqual(b2);
    await db.product.update({ where: { id: archived }, data: { listingStatus: "ON_SALE" } });
  });

  test("a trace code that clashes with an existing one is drawn again", async () => {
    const id = await productIdOf(db, "nanhongcheng-chardonnay");
    const taken = (await db.batch.findFirstOrThrow({ select: { traceCode: true } })).traceCode;
    const draws = [taken, taken, "fresh23456"];
    const result = await createBatch(db, input(id, { lotNumber: "NHC-CLASH" }), () => draws.shift()!);
    expect(result).toMatchObject({ ok: true, traceCode: "fresh23456" });
  });
});

describe("the public trace facts", () => {
  test("a code of the wrong shape, an unknown code, or a batch of a product never certified: nothing", async () => {
    expect(await getTraceFacts(db, "../../etc")).toBeNull();
    expect(await getTraceFacts(db, "ABC")).toBeNull();
    expect(await getTraceFacts(db, "zzzzzzzzzz")).toBeNull();
    // The seed's uncertified wine is in review, never certified.
    const inReview = await productIdOf(db, "nanhongcheng-late-harvest-white");
    const created = await createBatch(db, input(inReview, { lotNumber: "NHC-REVIEW" }));
    if (!created.ok) throw new Error("batch not created");
    expect(await getTraceFacts(db, created.traceCode)).toBeNull();
    await db.product.update({ where: { id: inReview }, data: { listingStatus: "DRAFT" } });
    expect(await getTraceFacts(db, created.traceCode)).toBeNull();
    await db.product.update({ where: { id: inReview }, data: { listingStatus: "IN_REVIEW" } });
  });

  test("public facts only, and the benefit paid is the ledger's household entries for the product, net of refunds", async () => {
    const id = await productIdOf(db, "nanhongcheng-merlot");
    const created = await createBatch(db, input(id, { lotNumber: "NHC-TRACE-1" }));
    if (!created.ok) throw new Error("batch not created");
    const ledgerSum = async () =>
      (await db.ledgerEntry.aggregate({ where: { kind: "HOUSEHOLD_BENEFIT", orderItem: { productId: id } }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;

    const first = await getTraceFacts(db, created.traceCode);
    expect(first).not.toBeNull();
    expect(first?.batch).toEqual({ lotNumber: "NHC-TRACE-1", productionDay: "2026-09-15", quantity: 120, noteZh: "南洪城村 3 号地块采摘；质检合格", noteEn: "Picked on plot 3; passed quality test" });
    expect(first?.product.onSale).toBe(true);
    expect(first?.certificate.state).toBe("valid");
    const beneficiaries = await db.productBeneficiary.count({ where: { productId: id, weight: { gt: 0 } } });
    expect(beneficiaries).toBeGreaterThan(0);
    expect(first?.households.supported).toBe(beneficiaries);
    expect(first?.benefitPaidFen).toBe(await ledgerSum());

    // Pay an order of 4 bottles: the benefit paid grows by exactly the ledger's household entries of its line.
    const before = first?.benefitPaidFen ?? 0;
    const order = await placeTestOrder(db, "STRIPE", [[id, 4]], "trace");
    await db.$transaction((tx) => markOrderPaid(tx, { orderId: order.orderId, method: "STRIPE", amountFen: order.totalFen }), TX);
    const line = await db.orderItem.findFirstOrThrow({ where: { orderId: order.orderId, productId: id }, select: { id: true } });
    const lineBenefit = (await db.ledgerEntry.aggregate({ where: { kind: "HOUSEHOLD_BENEFIT", orderItemId: line.id }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
    expect(lineBenefit).toBeGreaterThan(0);
    const paid = await getTraceFacts(db, created.traceCode);
    expect(paid?.benefitPaidFen).toBe(before + lineBenefit);
    expect(paid?.benefitPaidFen).toBe(await ledgerSum());
    expect(paid?.households.paid).toBeGreaterThan(0);

    // A partial refund writes reversing entries: the page shows the net.
    await db.$transaction((tx) => recordRefund(tx, { orderId: order.orderId, addFen: Math.floor(order.totalFen / 2) }), TX);
    const refunded = await getTraceFacts(db, created.traceCode);
    expect(refunded?.benefitPaidFen).toBe(await ledgerSum());
    expect(refunded?.benefitPaidFen).toBeLessThan(before + lineBenefit);
    await expectLedgerReconciled(db);

    // Nothing identifying a household: no id, code or name of any household, anywhere in the facts.
    const serialised = JSON.stringify(refunded);
    const households = await db.household.findMany({ select: { id: true, code: true, headName: true, idCardNumber: true } });
    expect(households.length).toBeGreaterThan(0);
    for (const h of households) {
      for (const secret of [h.id, h.code, h.headName, h.idCardNumber]) if (secret) expect(serialised).not.toContain(secret);
    }
    expect(Object.keys(refunded ?? {}).sort()).toEqual(["batch", "benefitPaidFen", "category", "certificate", "code", "cooperative", "households", "product", "village"]);
    expect(Object.keys(refunded?.households ?? {}).sort()).toEqual(["paid", "supported"]);
    // No database ids either (only the trace code and public slugs).
    expect(serialised).not.toContain(id);
    expect(serialised).not.toContain(created.batchId);
  });

  test("a product taken off sale still shows its batch, marked as not on sale", async () => {
    const id = await productIdOf(db, "nanhongcheng-cabernet-sauvignon");
    const created = await createBatch(db, input(id, { lotNumber: "NHC-OFF-1" }));
    if (!created.ok) throw new Error("batch not created");
    await db.product.update({ where: { id }, data: { listingStatus: "OFF_SALE" } });
    const facts = await getTraceFacts(db, created.traceCode);
    expect(facts?.product.onSale).toBe(false);
    expect(facts?.batch.lotNumber).toBe("NHC-OFF-1");
    await db.product.update({ where: { id }, data: { listingStatus: "ARCHIVED" } });
    expect((await getTraceFacts(db, created.traceCode))?.product.onSale).toBe(false);
    await db.product.update({ where: { id }, data: { listingStatus: "ON_SALE" } });
    expect((await getTraceFacts(db, created.traceCode))?.product.onSale).toBe(true);
  });
});
