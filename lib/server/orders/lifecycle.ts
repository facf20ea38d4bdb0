import "server-only";
// The order's state changes that move stock and money. Each runs inside the caller's transaction, first takes
// the order's row lock (so a webhook, an admin and the expiry sweep acting on one order queue up and each sees
// the status the previous one left), then makes a conditional update on that status: two deliveries of the
// same event, or any race between them, change the order once.
import type { Prisma } from "@/lib/generated/prisma/client";
import { SELLABLE_WHERE } from "@/lib/domain/catalog";
import { writePaymentLedger, writeRefundLedger } from "@/lib/server/ledger/write";

type Tx = Prisma.TransactionClient;

/** Takes the order's row lock until the transaction ends. False when there is no such order. */
export async function lockOrder(tx: Tx, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows.length === 1;
}

/** A conditional update that found the order in another state after its lock was taken: a bug, so roll back. */
class LostRace extends Error {}

export type CancelReason = "buyer" | "expired" | "paymentFailed";

/** PENDING_PAYMENT → CANCELLED, giving reserved stock back. Returns false when the order was not pending. */
export async function cancelPendingOrder(tx: Tx, orderId: string, reason: CancelReason, now = new Date()): Promise<boolean> {
  if (!(await lockOrder(tx, orderId))) return false;
  const moved = await tx.order.updateMany({ where: { id: orderId, status: "PENDING_PAYMENT" }, data: { status: "CANCELLED", cancelledAt: now } });
  if (moved.count !== 1) return false;
  const reservations = await tx.stockReservation.findMany({ where: { orderId, status: "ACTIVE" }, select: { id: true, productId: true, quantity: true } });
  for (const r of reservations) {
    await tx.product.update({ where: { id: r.productId }, data: { stock: { increment: r.quantity } } });
  }
  await tx.stockReservation.updateMany({
    where: { orderId, status: "ACTIVE" },
    data: { status: reason === "expired" ? "EXPIRED" : "RELEASED", closedAt: now },
  });
  await tx.payment.updateMany({ where: { orderId, status: "PENDING" }, data: { status: reason === "paymentFailed" ? "FAILED" : "EXPIRED" } });
  await tx.shipment.updateMany({ where: { orderId }, data: { status: "CANCELLED" } });
  return true;
}

export type PaidOutcome = "paid" | "alreadyPaid" | "amountMismatch" | "notFound" | "paidAfterCancel";

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
    select: { id: true, status: true, totalFen: true, items: { select: { productId: true, quantity: true } } },
  });
  if (!order) return "notFound";
  if (order.status !== "PENDING_PAYMENT" && order.status !== "CANCELLED") return "alreadyPaid";
  if (proof.amountFen !== order.totalFen) return "amountMismatch";
  if (order.status === "CANCELLED") {
    // A second delivery of a payment already recorded against this cancelled order: its refund is open.
    const recorded = await tx.payment.findFirst({ where: { orderId: order.id, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, select: { id: true } });
    if (recorded) return "paidAfterCancel";
  }

  const paymentData = {
    status: "SUCCEEDED" as const,
    succeededAt: now,
    ...(proof.stripeCheckoutSessionId ? { stripeCheckoutSessionId: proof.stripeCheckoutSessionId } : {}),
    ...(proof.stripePaymentIntentId ? { stripePaymentIntentId: proof.stripePaymentIntentId } : {}),
    ...(proof.bankReference ? { bankReference: proof.bankReference } : {}),
    ...(proof.confirmedById ? { confirmedById: proof.confirmedById } : {}),
  };
  const pending = await tx.payment.findFirst({ where: { orderId: order.id, method: proof.method }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const payment = pending
    ? await tx.payment.update({ where: { id: pending.id }, data: paymentData, select: { id: true } })
    : await tx.payment.create({ data: { orderId: order.id, method: proof.method, amountFen: proof.amountFen, ...paymentData }, select: { id: true } });

  if (order.status === "CANCELLED") {
    const taken: { productId: string; quantity: number }[] = [];
    for (const item of [...order.items].sort((a, b) => (a.productId < b.productId ? -1 : 1))) {
      // Only what may still be sold (invariant 6): a product whose certificate was revoked meanwhile is refunded.
      const got = await tx.product.updateMany({ where: { id: item.productId, stock: { gte: item.quantity }, ...SELLABLE_WHERE }, data: { stock: { decrement: item.quantity } } });
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
    await tx.shipment.updateMany({ where: { orderId: order.id }, data: { status: "PENDING" } });
  }

  const moved = await tx.order.updateMany({
    where: { id: order.id, status: order.status },
    data: { status: "PAID", paidAt: now, cancelledAt: null },
  });
  if (moved.count !== 1) throw new LostRace(`order ${order.id} changed status while locked`);
  await tx.stockReservation.updateMany({ where: { orderId: order.id, status: { in: ["ACTIVE", "EXPIRED", "RELEASED"] } }, data: { status: "CONVERTED", closedAt: now } });
  // The benefit ledger and its rollups, in this transaction: a paid order is in the ledger, or not paid.
  await writePaymentLedger(tx, order.id, payment.id, now);
  return "paid";
}

/** The reason on the refund row that stands for money refunded with no request in the shop (Stripe's Dashboard). */
export const REFUNDED_IN_STRIPE = "refunded outside the shop";

/** Statuses of an order that has been paid and not yet refunded in full. */
export const REFUNDABLE = ["PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED"] as const;

export interface RefundProof {
  orderId: string;
  /** The order's running total of refunds after this one (Stripe's charge.amount_refunded) … */
  refundedTotalFen?: number;
  /** … or this refund's amount, added to what the order has already had back (a bank refund). */
  addFen?: number;
  /** The refund request this money answers, when known. */
  refundId?: string;
  /**
   * Else the payment it came back from (by default the order's succeeded payment). A refund an admin approved
   * for it, not yet counted, and of exactly this amount is the one answered; any other money (refunded with no
   * request, in Stripe's Dashboard) goes on a refund row of its own, so that every reversing ledger entry traces
   * back to one refund and the refund rows always add up to the order's refunded total.
   */
  paymentId?: string;
}

/**
 * The one place money going back to a buyer is recorded: the order's refunded total (it only grows, capped at
 * the order's total), the order's and the payment's status, and the benefit ledger's reversing entries,
 * proportional, in this transaction. Every refund path (Stripe's webhook, an admin's bank refund) calls this.
 * Returns false when the total did not grow (a replay, or an older event arriving late).
 */
export async function recordRefund(tx: Tx, proof: RefundProof, now = new Date()): Promise<boolean> {
  if (!(await lockOrder(tx, proof.orderId))) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: proof.orderId }, select: { id: true, status: true, itemsFen: true, totalFen: true, refundedFen: true } });
  const wanted = proof.refundedTotalFen ?? order.refundedFen + (proof.addFen ?? 0);
  const refundedFen = Math.min(Math.max(wanted, 0), order.totalFen);
  if (refundedFen <= order.refundedFen) return false;
  const delta = refundedFen - order.refundedFen;
  const full = refundedFen >= order.totalFen;
  await tx.order.update({
    where: { id: order.id },
    data: { refundedFen, ...(full && (REFUNDABLE as readonly string[]).includes(order.status) ? { status: "REFUNDED" as const } : {}) },
  });
  // All the money is back: what the cooperatives have not packed yet is not to be sent.
  if (full) await tx.shipment.updateMany({ where: { orderId: order.id, status: "PENDING" }, data: { status: "CANCELLED" } });

  let refundId = proof.refundId ?? null;
  const paymentId = refundId
    ? ((await tx.refund.findUniqueOrThrow({ where: { id: refundId }, select: { paymentId: true } })).paymentId ?? null)
    : (proof.paymentId ??
      (await tx.payment.findFirst({ where: { orderId: order.id, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, orderBy: { createdAt: "desc" }, select: { id: true } }))?.id ??
      null);
  if (paymentId) {
    // The payment's status follows the money, forward only: a late partial refund never undoes a full one.
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { amountFen: true } });
    const paymentFull = refundedFen >= payment.amountFen;
    await tx.payment.updateMany({
      where: { id: paymentId, status: { in: paymentFull ? ["SUCCEEDED", "PARTIALLY_REFUNDED"] : ["SUCCEEDED"] } },
      data: { status: paymentFull ? "REFUNDED" : "PARTIALLY_REFUNDED" },
    });
  }
  if (refundId) {
    await tx.refund.update({ where: { id: refundId }, data: { recorded: true } });
  } else {
    // Stripe's charge.refunded says the charge's running total, not which refund. The money is the approved
    // refund's only when the amounts agree (whether or not Stripe's refund.* event has already marked it
    // succeeded); a Dashboard refund arriving meanwhile is never credited to someone else's request.
    const approved = await tx.refund.findFirst({
      where: { orderId: order.id, paymentId, status: { in: ["APPROVED", "SUCCEEDED"] }, recorded: false, amountFen: delta },
      orderBy: { decidedAt: "asc" },
      select: { id: true },
    });
    if (approved) {
      refundId = (await tx.refund.update({ where: { id: approved.id }, data: { status: "SUCCEEDED", recorded: true, succeededAt: now }, select: { id: true } })).id;
    } else {
      // Refunds made outside the shop add up in one row per payment, so that one row is the same whatever
      // order Stripe's events arrive in.
      const outside = await tx.refund.findFirst({ where: { orderId: order.id, paymentId, reason: REFUNDED_IN_STRIPE, requestedById: null }, select: { id: true } });
      refundId = outside
        ? (await tx.refund.update({ where: { id: outside.id }, data: { amountFen: { increment: delta }, succeededAt: now }, select: { id: true } })).id
        : (
            await tx.refund.create({
              data: { orderId: order.id, paymentId, amountFen: delta, items: [], reason: REFUNDED_IN_STRIPE, status: "SUCCEEDED", recorded: true, succeededAt: now },
              select: { id: true },
            })
          ).id;
    }
  }
  await writeRefundLedger(tx, order, refundedFen, refundId, now);
  return true;
}
