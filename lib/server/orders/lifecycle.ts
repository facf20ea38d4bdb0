import "server-only";
// The order's state changes that move stock: a pending order cancelled, an order paid. Each runs inside the
// caller's transaction, first takes the order's row lock (so a webhook, an admin and the expiry sweep acting on
// one order queue up and each sees the status the previous one left), then makes a conditional update on that
// status: two deliveries of the same event, or any race between them, change the order once. Which status
// follows which is decided in lib/domain/order-state.ts; money going back to the buyer is accounted in refunds.ts.
import { HOT_ROW_TRANSACTION, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mayPay } from "@/lib/domain/approval";
import { sellableWhere } from "@/lib/domain/catalog";
import { bulkMove, CAPTURED_PAYMENT_STATUSES, next } from "@/lib/domain/order-state";
import { writePaymentLedger } from "@/lib/server/ledger/write";
import { byProductId } from "@/lib/server/orders/order-rows";
import { notify } from "@/lib/server/notify";

type Tx = Prisma.TransactionClient;

/** Takes the order's row lock until the transaction ends. False when there is no such order. */
export async function lockOrder(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows.length === 1;
}

/** A conditional update that found the order in another state after its lock was taken: a bug, so roll back. */
class LostRace extends Error {}

/** "rejected": the organisation's approver said no (lib/server/orgs/approvals.ts mails the purchaser with the note itself). */
export type CancelReason = "buyer" | "expired" | "paymentFailed" | "rejected";

/**
 * cancelPendingOrder in a transaction of its own (a buyer's cancellation, the expiry sweep), waiting for a connection
 * as long as a checkout does (./place-order.ts): during a rush every pooled connection may be held by an order queued
 * on a hot product's row, and Prisma's default wait of 2 s would fail the cancellation while the rush lasts.
 */
export function cancelPendingOrderAlone(db: Db, orderId: string, reason: CancelReason, now = new Date()): Promise<boolean> {
  return db.$transaction((tx) => cancelPendingOrder(tx, orderId, reason, now), HOT_ROW_TRANSACTION);
}

/** PENDING_PAYMENT → CANCELLED, giving reserved stock back. Returns false when the order was not pending. */
export async function cancelPendingOrder(tx: Tx, orderId: string, reason: CancelReason, now = new Date()): Promise<boolean> {
  if (!(await lockOrder(tx, orderId))) return false;
  const order = bulkMove("order", "cancelled");
  const moved = await tx.order.updateMany({ where: { id: orderId, status: { in: order.from } }, data: { status: order.to, cancelledAt: now } });
  if (moved.count !== 1) return false;
  // Given back in the order a checkout locks product rows in (./order-rows.ts byProductId): in any other, a
  // cancellation sharing two products with a checkout could deadlock with it.
  const reservations = await tx.stockReservation.findMany({
    where: { orderId, status: "ACTIVE" },
    select: { id: true, productId: true, quantity: true },
    orderBy: { id: "asc" },
  });
  for (const r of reservations.sort(byProductId)) {
    await tx.product.update({ where: { id: r.productId }, data: { stock: { increment: r.quantity } } });
  }
  await tx.stockReservation.updateMany({
    where: { orderId, status: "ACTIVE" },
    data: { status: reason === "expired" ? "EXPIRED" : "RELEASED", closedAt: now },
  });
  const payment = bulkMove("payment", reason === "paymentFailed" ? "failed" : "expired");
  await tx.payment.updateMany({ where: { orderId, status: { in: payment.from } }, data: { status: payment.to } });
  const shipments = bulkMove("shipment", "cancelled");
  await tx.shipment.updateMany({ where: { orderId, status: { in: shipments.from } }, data: { status: shipments.to } });
  if (reason !== "rejected") await notify(tx, { type: "orderCancelled", orderId, reason: reason === "expired" ? "expired" : "cancelled" });
  return true;
}

/**
 * "notApproved": an organisation's order its approver has not approved — still waiting, rejected, or cancelled when
 * nobody decided in time; nothing is written (lib/domain/approval.ts mayPay).
 */
export type PaidOutcome = "paid" | "alreadyPaid" | "amountMismatch" | "notFound" | "paidAfterCancel" | "notApproved";

export interface PaymentProof {
  orderId: string;
  method: "STRIPE" | "BANK_TRANSFER";
  amountFen: number;
  stripeCheckoutSessionId?: string;
  stripePaymentIntentId?: string | null;
  bankReference?: string;
  confirmedById?: string;
}

/**
 * The one place an order becomes paid. Every payment path (Stripe webhook, admin bank-transfer confirmation)
 * calls this inside its transaction; the benefit ledger is written here too (issue 5), so that it is written
 * exactly once per paid order.
 *
 * A payment for an order that was cancelled meanwhile (e.g. the reservation expired just before Stripe's
 * webhook arrived, or the buyer cancelled in one tab while paying in another) takes the stock again if it is
 * still there and still certified; if not, the money is recorded and a refund is opened for an admin, and the
 * order stays cancelled.
 */
export async function markOrderPaid(tx: Tx, proof: PaymentProof, now = new Date()): Promise<PaidOutcome> {
  if (!(await lockOrder(tx, proof.orderId))) return "notFound";
  const order = await tx.order.findUnique({
    where: { id: proof.orderId },
    select: { id: true, status: true, totalFen: true, approvalStatus: true, items: { select: { productId: true, quantity: true } } },
  });
  if (!order) return "notFound";
  const paid = next("order", order.status, "paid");
  if (!paid) return "alreadyPaid";
  // Whatever its status: a rejected or expired-unapproved order is cancelled, and must not come back paid either.
  if (!mayPay(order.approvalStatus)) return "notApproved";
  if (proof.amountFen !== order.totalFen) return "amountMismatch";
  if (order.status === "CANCELLED") {
    // A second delivery of a payment already recorded against this cancelled order: its refund is open.
    const recorded = await tx.payment.findFirst({ where: { orderId: order.id, status: { in: [...CAPTURED_PAYMENT_STATUSES] } }, select: { id: true } });
    if (recorded) return "paidAfterCancel";
  }

  const pending = await tx.payment.findFirst({ where: { orderId: order.id, method: proof.method }, orderBy: { createdAt: "desc" }, select: { id: true, status: true } });
  const succeeded = pending ? next("payment", pending.status, "succeeded") : "SUCCEEDED";
  // Money already captured was caught above (an order is paid, or cancelled with its captured payment recorded).
  if (!succeeded) throw new Error(`payment ${pending?.id} of order ${order.id} is ${pending?.status}: it cannot succeed again`);
  const paymentData = {
    status: succeeded,
    succeededAt: now,
    ...(proof.stripeCheckoutSessionId ? { stripeCheckoutSessionId: proof.stripeCheckoutSessionId } : {}),
    ...(proof.stripePaymentIntentId ? { stripePaymentIntentId: proof.stripePaymentIntentId } : {}),
    ...(proof.bankReference ? { bankReference: proof.bankReference } : {}),
    ...(proof.confirmedById ? { confirmedById: proof.confirmedById } : {}),
  };
  const payment = pending
    ? await tx.payment.update({ where: { id: pending.id }, data: paymentData, select: { id: true } })
    : await tx.payment.create({ data: { orderId: order.id, method: proof.method, amountFen: proof.amountFen, ...paymentData }, select: { id: true } });

  if (order.status === "CANCELLED") {
    const taken: { productId: string; quantity: number }[] = [];
    for (const item of [...order.items].sort(byProductId)) {
      // Only what may still be sold (invariant 6): a product whose certificate was revoked meanwhile is refunded.
      const got = await tx.product.updateMany({ where: { id: item.productId, stock: { gte: item.quantity }, ...sellableWhere() }, data: { stock: { decrement: item.quantity } } });
      if (got.count !== 1) break;
      taken.push(item);
    }
    if (taken.length !== order.items.length) {
      for (const t of taken) await tx.product.update({ where: { id: t.productId }, data: { stock: { increment: t.quantity } } });
      await tx.refund.create({
        data: { orderId: order.id, paymentId: payment.id, amountFen: proof.amountFen, items: [], reason: "paid after the order was cancelled; the goods can no longer be sold", status: "REQUESTED" },
      });
      return "paidAfterCancel";
    }
    const shipments = bulkMove("shipment", "reopened");
    await tx.shipment.updateMany({ where: { orderId: order.id, status: { in: shipments.from } }, data: { status: shipments.to } });
  }

  const moved = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: paid, paidAt: now, cancelledAt: null },
  });
  if (moved.count !== 1) throw new LostRace(`order ${order.id} changed status while locked`);
  await tx.stockReservation.updateMany({ where: { orderId: order.id, status: { in: ["ACTIVE", "EXPIRED", "RELEASED"] } }, data: { status: "CONVERTED", closedAt: now } });
  // The benefit ledger and its rollups, in this transaction: a paid order is in the ledger, or not paid.
  await writePaymentLedger(tx, order.id, payment.id, now);
  await notify(tx, { type: "paymentReceived", orderId: order.id });
  return "paid";
}
