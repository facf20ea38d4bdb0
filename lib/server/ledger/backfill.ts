import "server-only";
// Orders paid before the benefit ledger existed get their entries once (`npm run ledger:backfill`): the payment's
// on the day it was paid, and their refunds' reversal. Safe to run again: an order already in the ledger is skipped,
// and each write is guarded by the ledger's unique keys.
import type { Db } from "@/lib/db/client";
import { CAPTURED_PAYMENT_STATUSES, PAID_ORDER_STATUSES } from "@/lib/domain/order-state";
import { REFUNDED_IN_STRIPE } from "@/lib/server/orders/refunds";
import { writePaymentLedger, writeRefundLedger } from "./write";


export async function backfillLedger(db: Db): Promise<{ orders: number; entries: number }> {
  const missing = await db.order.findMany({
    where: { status: { in: [...PAID_ORDER_STATUSES] }, paidAt: { not: null }, ledgerEntries: { none: {} } },
    select: { id: true },
    orderBy: { paidAt: "asc" },
  });
  let orders = 0;
  let entries = 0;
  for (const { id } of missing) {
    entries += await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Order" WHERE "id" = ${id} FOR UPDATE`;
      const order = await tx.order.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          paidAt: true,
          itemsFen: true,
          totalFen: true,
          refundedFen: true,
          payments: { where: { status: { in: [...CAPTURED_PAYMENT_STATUSES] } }, select: { id: true }, take: 1 },
          refunds: { where: { status: "SUCCEEDED" }, select: { id: true, amountFen: true, succeededAt: true }, orderBy: { succeededAt: "desc" } },
        },
      });
      let written = await writePaymentLedger(tx, order.id, order.payments[0]?.id ?? null, order.paidAt ?? new Date());
      if (written > 0 && order.refundedFen > 0) {
        // Refunds that succeeded before the ledger are the ones counted; money refunded with no refund row (in
        // Stripe's Dashboard) gets one, so every reversing entry traces back to a refund.
        await tx.refund.updateMany({ where: { orderId: order.id, status: "SUCCEEDED" }, data: { recorded: true } });
        const counted = order.refunds.reduce((s, r) => s + r.amountFen, 0);
        let last = order.refunds[0] ? { id: order.refunds[0].id, at: order.refunds[0].succeededAt } : null;
        if (counted < order.refundedFen) {
          const row = await tx.refund.create({
            data: { orderId: order.id, paymentId: order.payments[0]?.id ?? null, amountFen: order.refundedFen - counted, items: [], reason: REFUNDED_IN_STRIPE, status: "SUCCEEDED", recorded: true, succeededAt: last?.at ?? order.paidAt },
            select: { id: true, succeededAt: true },
          });
          last = { id: row.id, at: row.succeededAt };
        }
        written += await writeRefundLedger(tx, order, order.refundedFen, last?.id ?? null, last?.at ?? new Date());
      }
      return written;
    });
    orders++;
  }
  return { orders, entries };
}
