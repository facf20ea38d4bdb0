import "server-only";
// Reconciliation (`npm run ledger:check`): recomputes the ledger from the orders' snapshots and the rollups (daily
// and monthly) from the ledger, independently of the code that wrote them, and lists every difference. An empty list
// means every paid fen is where it should be.
import type { Db } from "@/lib/db/client";
import { parseBeneficiaries, partyKey, planPayment, planRefund, refundedItemsFen, type PlannedEntry } from "@/lib/domain/ledger";
import { isPaidOrder } from "@/lib/domain/order-state";
import { parseMonth } from "@/lib/domain/reports";
import { ROLLUP_TABLES, rollupDifferences } from "@/lib/server/rollups/rebuild";
import { monthSums } from "@/lib/server/settlements/sums";

const BATCH = 500;

export interface LedgerCheckResult {
  ordersChecked: number;
  entriesChecked: number;
  differences: string[];
}

function compareEntries(orderNumber: string, what: string, expected: Map<string, { amountFen: number; units: number }>, actual: Map<string, { amountFen: number; units: number }>, out: string[]) {
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key) ?? { amountFen: 0, units: 0 };
    const a = actual.get(key) ?? { amountFen: 0, units: 0 };
    if (e.amountFen !== a.amountFen || e.units !== a.units) {
      out.push(`order ${orderNumber}: ${what} for ${key}: expected ${e.amountFen} fen / ${e.units} units, ledger has ${a.amountFen} fen / ${a.units} units`);
    }
  }
}

function sumByParty(entries: readonly PlannedEntry[]): Map<string, { amountFen: number; units: number }> {
  const m = new Map<string, { amountFen: number; units: number }>();
  for (const e of entries) {
    const row = m.get(partyKey(e)) ?? { amountFen: 0, units: 0 };
    row.amountFen += e.amountFen;
    row.units += e.units;
    m.set(partyKey(e), row);
  }
  return m;
}

/** Every order's entries against its snapshots and refunded total, in batches (memory stays flat). */
async function checkOrders(db: Db, out: string[]): Promise<{ orders: number; entries: number }> {
  let cursor: string | undefined;
  let orders = 0;
  let entries = 0;
  for (;;) {
    const batch = await db.order.findMany({
      where: { OR: [{ paidAt: { not: null } }, { ledgerEntries: { some: {} } }] },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        number: true,
        status: true,
        paidAt: true,
        itemsFen: true,
        totalFen: true,
        refundedFen: true,
        items: {
          select: {
            id: true,
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
        },
        ledgerEntries: { select: { idempotencyKey: true, kind: true, orderItemId: true, refundId: true, cooperativeId: true, householdId: true, villageId: true, categoryId: true, amountFen: true, units: true } },
        refunds: { where: { recorded: true }, select: { amountFen: true } },
      },
    });
    if (batch.length === 0) break;
    cursor = batch.at(-1)?.id;
    for (const order of batch) {
      orders++;
      entries += order.ledgerEntries.length;
      const paid = order.paidAt !== null && isPaidOrder(order.status);
      if (!paid) {
        out.push(`order ${order.number}: ${order.ledgerEntries.length} ledger entries but the order is ${order.status}, not paid`);
        continue;
      }
      const planned = planPayment(
        order.items.map((i) => ({
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
        })),
      );
      const paidRows = order.ledgerEntries.filter((e) => e.idempotencyKey.startsWith("paid:"));
      const refundRows = order.ledgerEntries.filter((e) => e.idempotencyKey.startsWith("refund:"));
      const other = order.ledgerEntries.length - paidRows.length - refundRows.length;
      if (other > 0) out.push(`order ${order.number}: ${other} ledger entries neither from its payment nor from a refund`);
      compareEntries(order.number, "payment", sumByParty(planned), sumByParty(paidRows), out);
      // What the refunded total should have reversed, computed in one step from the snapshots.
      const expectedReversal = planRefund(
        [...planned].sort((a, b) => (`paid:${partyKey(a)}` < `paid:${partyKey(b)}` ? -1 : 1)),
        new Map(),
        refundedItemsFen(order.refundedFen, order.itemsFen, order.totalFen),
      );
      compareEntries(order.number, "refunds", sumByParty(expectedReversal), sumByParty(refundRows), out);
      const untraced = refundRows.filter((e) => e.refundId === null).length;
      if (untraced > 0) out.push(`order ${order.number}: ${untraced} reversing entries that name no refund`);
      // The refunded total is the counted refunds' sum, capped at the order's total (a refund Stripe has failed,
      // whose event is still on its way, may count meanwhile).
      const recorded = order.refunds.reduce((s, r) => s + r.amountFen, 0);
      if (Math.min(recorded, order.totalFen) !== order.refundedFen) out.push(`order ${order.number}: refunded ${order.refundedFen} fen, but its counted refunds add up to ${recorded}`);
      const net = order.ledgerEntries.reduce((s, e) => s + e.amountFen, 0);
      const expectedNet = order.itemsFen - refundedItemsFen(order.refundedFen, order.itemsFen, order.totalFen);
      if (net !== expectedNet) out.push(`order ${order.number}: ledger nets ${net} fen, expected ${expectedNet} (items ${order.itemsFen}, refunded ${order.refundedFen} of ${order.totalFen})`);
    }
  }
  return { orders, entries };
}

/** Every rollup against its GROUP BY of the ledger, row by row (lib/server/rollups/rebuild.ts). */
async function checkRollups(db: Db, out: string[]): Promise<void> {
  for (const table of ROLLUP_TABLES) {
    for (const d of await rollupDifferences(db, table)) out.push(`${d.what}: expected ${d.expected}; stored ${d.actual}`);
  }
}

/**
 * Every settlement statement against its month's ledger sums for its cooperative (lib/server/settlements/sums.ts),
 * month by month. A CONFIRMED or PAID statement can never differ (entries are dated the day money moves, so a
 * later refund lands in a later month); an OPEN one differs only if it was drawn up before its month ended and not
 * regenerated since.
 */
async function checkSettlements(db: Db, out: string[]): Promise<void> {
  const months = await db.settlement.findMany({ distinct: ["periodStart"], select: { periodStart: true }, orderBy: { periodStart: "asc" } });
  for (const { periodStart } of months) {
    const month = parseMonth(periodStart.toISOString().slice(0, 7));
    if (!month) continue;
    const [stored, sums] = await Promise.all([
      db.settlement.findMany({ where: { periodStart }, select: { cooperativeId: true, status: true, amountFen: true, salesFen: true, refundsFen: true, adjustmentsFen: true } }),
      monthSums(db, month),
    ]);
    const expected = new Map(sums.map((s) => [s.cooperativeId, s]));
    for (const s of stored) {
      const e = expected.get(s.cooperativeId) ?? { amountFen: 0, salesFen: 0, refundsFen: 0, adjustmentsFen: 0 };
      if (e.amountFen !== s.amountFen || e.salesFen !== s.salesFen || e.refundsFen !== s.refundsFen || e.adjustmentsFen !== s.adjustmentsFen) {
        out.push(
          `settlement ${s.cooperativeId} ${month.month} (${s.status}): expected amount ${e.amountFen} (sales ${e.salesFen}, refunds ${e.refundsFen}, adjustments ${e.adjustmentsFen}); stored amount ${s.amountFen} (sales ${s.salesFen}, refunds ${s.refundsFen}, adjustments ${s.adjustmentsFen})`,
        );
      }
    }
  }
}

export async function checkLedger(db: Db): Promise<LedgerCheckResult> {
  const differences: string[] = [];
  const { orders, entries } = await checkOrders(db, differences);
  await checkRollups(db, differences);
  await checkSettlements(db, differences);
  return { ordersChecked: orders, entriesChecked: entries, differences };
}
