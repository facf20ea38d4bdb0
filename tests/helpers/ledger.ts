// The benefit ledger's assertions, once for every suite that writes orders: checkLedger finds no difference, and
// each order's entries say what the order says.
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkLedger, type LedgerCheckResult } from "@/lib/server/ledger/check";

/** checkLedger finds no difference between the ledger, its rollups and the orders; its result, for more checks. */
export async function expectLedgerReconciled(db: Db): Promise<LedgerCheckResult> {
  const result = await checkLedger(db);
  expect(result.differences).toEqual([]);
  return result;
}

/**
 * Every order in the database against the benefit ledger: checkLedger finds no difference, an order never paid has
 * no entries, and a paid one's payment entries sum to its items revenue and its entries net that less the items'
 * part of its refunds, floor(refunded × items / total). Returns how many orders are PAID.
 */
export async function expectLedgerOfEveryOrder(db: Db): Promise<{ paid: number }> {
  await expectLedgerReconciled(db);
  const orders = await db.order.findMany({
    select: { number: true, status: true, paidAt: true, itemsFen: true, totalFen: true, refundedFen: true, ledgerEntries: { select: { idempotencyKey: true, amountFen: true } } },
  });
  for (const o of orders) {
    const payment = o.ledgerEntries.filter((e) => e.idempotencyKey.startsWith("paid:")).reduce((s, e) => s + e.amountFen, 0);
    const net = o.ledgerEntries.reduce((s, e) => s + e.amountFen, 0);
    const product = o.refundedFen * o.itemsFen;
    const refundedItems = o.refundedFen >= o.totalFen ? o.itemsFen : (product - (product % o.totalFen)) / o.totalFen;
    if (o.paidAt === null) expect({ number: o.number, status: o.status, entries: o.ledgerEntries.length }).toEqual({ number: o.number, status: o.status, entries: 0 });
    else expect({ number: o.number, status: o.status, payment, net }).toEqual({ number: o.number, status: o.status, payment: o.itemsFen, net: o.itemsFen - refundedItems });
  }
  return { paid: orders.filter((o) => o.status === "PAID").length };
}
