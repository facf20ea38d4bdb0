import "server-only";
// Stores what lib/domain/ledger.ts plans: the entries of a payment or a refund, and their rollups, inside the
// caller's transaction (the one that marks the order paid or records the refund). Each entry has an
// idempotency key under a unique constraint, and each writer first looks at what is already there, so writing
// the same payment or refund twice writes nothing new.
import { monthOfDay, parseBeneficiaries, partyKey, planPayment, planRefund, refundedItemsFen, rollupDeltas, shanghaiDay, type LineSnapshot, type PlannedEntry, type RollupContext, type RollupDeltas } from "@/lib/domain/ledger";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

const PAID = "paid:";
const REFUND = "refund:";

async function lineSnapshots(tx: Tx, orderId: string): Promise<{ lines: LineSnapshot[]; productOf: Map<string, string> }> {
  const items = await tx.orderItem.findMany({
    where: { orderId },
    select: {
      id: true,
      productId: true,
      cooperativeId: true,
      originVillageId: true,
      categoryId: true,
      unitPriceFen: true,
      quantity: true,
      benefitRuleType: true,
      benefitBasisPoints: true,
      benefitFenPerUnit: true,
      beneficiaries: true,
    },
  });
  const lines = items.map((i) => ({
    orderItemId: i.id,
    cooperativeId: i.cooperativeId,
    villageId: i.originVillageId,
    categoryId: i.categoryId,
    unitPriceFen: i.unitPriceFen,
    quantity: i.quantity,
    benefitRuleType: i.benefitRuleType,
    benefitBasisPoints: i.benefitBasisPoints,
    benefitFenPerUnit: i.benefitFenPerUnit,
    beneficiaries: parseBeneficiaries(i.beneficiaries),
  }));
  return { lines, productOf: new Map(items.map((i) => [i.id, i.productId])) };
}

async function store(tx: Tx, entries: PlannedEntry[], keyOf: (e: PlannedEntry) => string, ids: { orderId: string; paymentId: string | null; refundId: string | null }, day: string, context: RollupContext) {
  if (entries.length === 0) return;
  await tx.ledgerEntry.createMany({
    data: entries.map((e) => ({
      idempotencyKey: keyOf(e),
      kind: e.kind,
      orderId: ids.orderId,
      orderItemId: e.orderItemId,
      paymentId: ids.paymentId,
      refundId: ids.refundId,
      cooperativeId: e.cooperativeId,
      householdId: e.householdId,
      villageId: e.villageId,
      categoryId: e.categoryId,
      amountFen: e.amountFen,
      units: e.units,
      day: new Date(`${day}T00:00:00.000Z`),
    })),
  });
  await applyRollups(tx, day, rollupDeltas(entries, context.buyerId !== null, context));
}

/**
 * Adds to the rollups, daily and monthly: per table one `INSERT … ON CONFLICT DO UPDATE`, tables and rows always in
 * the same order, so that concurrent payments lock the rows they share in the same order and cannot deadlock.
 */
async function applyRollups(tx: Tx, day: string, deltas: RollupDeltas) {
  const month = monthOfDay(day);
  const writes: Prisma.Sql[] = [];
  if (deltas.sales.length > 0) {
    for (const [table, column, date] of [
      ["SalesDailyRollup", "day", day],
      ["SalesMonthlyRollup", "month", month],
    ] as const) {
      writes.push(Prisma.sql`
        INSERT INTO ${Prisma.raw(`"${table}"`)} ("dimension", "key", ${Prisma.raw(`"${column}"`)}, "orders", "units", "revenueFen", "householdBenefitFen")
        VALUES ${Prisma.join(deltas.sales.map((r) => Prisma.sql`(${r.dimension}::"RollupDimension", ${r.key}, ${date}::date, ${r.orders}, ${r.units}, ${r.revenueFen}, ${r.householdBenefitFen})`))}
        ON CONFLICT ("dimension", "key", ${Prisma.raw(`"${column}"`)}) DO UPDATE SET
          "orders" = ${Prisma.raw(`"${table}"`)}."orders" + EXCLUDED."orders",
          "units" = ${Prisma.raw(`"${table}"`)}."units" + EXCLUDED."units",
          "revenueFen" = ${Prisma.raw(`"${table}"`)}."revenueFen" + EXCLUDED."revenueFen",
          "householdBenefitFen" = ${Prisma.raw(`"${table}"`)}."householdBenefitFen" + EXCLUDED."householdBenefitFen"`);
    }
  }
  if (deltas.households.length > 0) {
    writes.push(Prisma.sql`
      INSERT INTO "HouseholdDailyIncome" ("householdId", "cooperativeId", "villageId", "categoryId", "day", "amountFen")
      VALUES ${Prisma.join(deltas.households.map((r) => Prisma.sql`(${r.householdId}, ${r.cooperativeId}, ${r.villageId}, ${r.categoryId}, ${day}::date, ${r.amountFen})`))}
      ON CONFLICT ("householdId", "cooperativeId", "villageId", "categoryId", "day") DO UPDATE SET
        "amountFen" = "HouseholdDailyIncome"."amountFen" + EXCLUDED."amountFen"`);
  }
  if (deltas.householdMonths.length > 0) {
    writes.push(Prisma.sql`
      INSERT INTO "HouseholdMonthlyIncome" ("dimension", "key", "householdId", "month", "amountFen")
      VALUES ${Prisma.join(deltas.householdMonths.map((r) => Prisma.sql`(${r.dimension}::"RollupDimension", ${r.key}, ${r.householdId}, ${month}::date, ${r.amountFen})`))}
      ON CONFLICT ("dimension", "key", "householdId", "month") DO UPDATE SET
        "amountFen" = "HouseholdMonthlyIncome"."amountFen" + EXCLUDED."amountFen"`);
  }
  if (deltas.buyers.length > 0) {
    writes.push(Prisma.sql`
      INSERT INTO "BuyerMonthlyOrders" ("key", "month", "buyerId", "orders")
      VALUES ${Prisma.join(deltas.buyers.map((r) => Prisma.sql`(${r.key}, ${month}::date, ${r.buyerId}, ${r.orders})`))}
      ON CONFLICT ("key", "month", "buyerId") DO UPDATE SET
        "orders" = "BuyerMonthlyOrders"."orders" + EXCLUDED."orders"`);
  }
  // One statement each, in order (a data-modifying WITH would save round trips but leaves their order to the planner).
  for (const w of writes) await tx.$executeRaw(w);
}

/**
 * The payment's entries, from the rules snapshotted on the order's items. Called by markOrderPaid only.
 * Returns the number of entries written (0 when the order's payment is already in the ledger).
 */
export async function writePaymentLedger(tx: Tx, orderId: string, paymentId: string | null, at: Date): Promise<number> {
  if ((await tx.ledgerEntry.count({ where: { orderId, idempotencyKey: { startsWith: PAID } } })) > 0) return 0;
  const { lines, productOf } = await lineSnapshots(tx, orderId);
  const { buyerId } = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { buyerId: true } });
  const entries = planPayment(lines);
  await store(tx, entries, (e) => `${PAID}${partyKey(e)}`, { orderId, paymentId, refundId: null }, shanghaiDay(at), { productOf, buyerId });
  return entries.length;
}

const toPlanned = (row: { kind: PlannedEntry["kind"]; orderItemId: string; cooperativeId: string; householdId: string | null; villageId: string; categoryId: string; amountFen: number; units: number }): PlannedEntry => ({
  kind: row.kind,
  orderItemId: row.orderItemId,
  cooperativeId: row.cooperativeId,
  householdId: row.householdId,
  villageId: row.villageId,
  categoryId: row.categoryId,
  amountFen: row.amountFen,
  units: row.units,
});

/**
 * Brings the order's reversing entries to its refunded total (cumulative, shipping included; see planRefund),
 * up or, when a counted refund failed, back down.
 * Called by recordRefund only. Nothing happens for an order that never reached the ledger (e.g. refunded
 * because it was paid after it was cancelled).
 */
export async function writeRefundLedger(tx: Tx, order: { id: string; itemsFen: number; totalFen: number }, refundedFen: number, refundId: string | null, at: Date): Promise<number> {
  const rows = await tx.ledgerEntry.findMany({
    where: { orderId: order.id },
    select: { idempotencyKey: true, kind: true, orderItemId: true, paymentId: true, cooperativeId: true, householdId: true, villageId: true, categoryId: true, amountFen: true, units: true },
  });
  const paidRows = rows.filter((r) => r.idempotencyKey.startsWith(PAID)).sort((a, b) => (a.idempotencyKey < b.idempotencyKey ? -1 : 1));
  if (paidRows.length === 0) return 0;
  const reversed = new Map<string, number>();
  let written = 0;
  for (const r of rows) {
    if (!r.idempotencyKey.startsWith(REFUND)) continue;
    reversed.set(partyKey(r), (reversed.get(partyKey(r)) ?? 0) + r.amountFen);
    written++;
  }
  const entries = planRefund(paidRows.map(toPlanned), reversed, refundedItemsFen(refundedFen, order.itemsFen, order.totalFen));
  const paymentId = paidRows[0]?.paymentId ?? null;
  // The refunded total can come back down (Stripe fails a refund it had counted) and rise to the same figure
  // again, so the key also holds how many reversing entries the order had before: two writers that both got
  // past the order's lock with the same view would collide on it, and one would roll back.
  if (entries.length === 0) return 0;
  const items = await tx.orderItem.findMany({ where: { orderId: order.id }, select: { id: true, productId: true } });
  await store(tx, entries, (e) => `${REFUND}${written}:${refundedFen}:${partyKey(e)}`, { orderId: order.id, paymentId, refundId }, shanghaiDay(at), { productOf: new Map(items.map((i) => [i.id, i.productId])), buyerId: null });
  return entries.length;
}
