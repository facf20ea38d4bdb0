import "server-only";
// The order's state changes that move stock and money. Each runs inside the caller's transaction, first takes
// the order's row lock (so a webhook, an admin and the expiry sweep acting on one order queue up and each sees
// the status the previous one left), then makes a conditional update on that status: two deliveries of the
// same event, or any race between them, change the order once.
import type { Prisma } from "@/lib/generated/prisma/client";
import { SELLABLE_WHERE } from "@/lib/domain/catalog";
import { REFUNDABLE_STATUSES } from "@/lib/domain/checkout";
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

/** The reason on refund rows for money refunded with no request in the shop (Stripe's Dashboard). */
export const REFUNDED_IN_STRIPE = "refunded outside the shop";


/** One Stripe Refund object, as refund.created / refund.updated (or a charge's refund list) tell it. */
export interface StripeRefundFact {
  id: string;
  amountFen: number;
  status: string;
  /** metadata.refundId: the shop's refund row this Stripe refund answers, when the shop asked for it. */
  refundId?: string | null;
  paymentId: string;
  /** When Stripe made the event. */
  at: Date;
}

export type RefundProof = { orderId: string } & (
  | {
      /**
       * Stripe's charge.refunded: the charge's running total of refunds when the event was made (asOf). Only
       * money that no Stripe refund of this payment explains yet is counted, on the payment's "outside the
       * shop" row, and a total lower than what is counted changes nothing (an older event arriving late).
       */
      chargeRefundedFen: number;
      paymentId?: string;
      asOf?: Date;
    }
  | { /** One Stripe refund and its status: counted when pending or succeeded, taken back when it fails. */ stripeRefund: StripeRefundFact }
  | { /** An admin's decided refund of a payment Stripe does not refund (a bank transfer): its amount. */ refundId: string }
  | { /** Money back with no request and no Stripe refund to name (an operator's manual refund). */ addFen: number; paymentId?: string }
);

type OrderMoney = { id: string; status: string; itemsFen: number; totalFen: number; refundedFen: number };

const COUNTED_STRIPE_STATUSES = new Set(["pending", "requires_action", "succeeded"]);
const FAILED_STRIPE_STATUSES = new Set(["failed", "canceled"]);

/**
 * The one place money going back to a buyer is recorded. Every refund path calls it: Stripe's charge.refunded
 * and refund.* events, and an admin's bank refund. Under the order's lock it changes the order's refund rows
 * (which are counted, for how much), then settles the order on them: its refundedFen is always the counted rows'
 * sum, capped at the order's total — a function of the facts known, not of the order they arrived in. Each
 * Stripe refund has its own row (the shop's request, or one made for a Dashboard refund); money charge.refunded
 * reports before any refund event explains it sits on the payment's "outside the shop" row until one does. When
 * the total moves, the order's and the payment's status, the shipments and the benefit ledger's reversing
 * entries follow, in this transaction. Returns true when the refunded total changed.
 */
export async function recordRefund(tx: Tx, proof: RefundProof, now = new Date()): Promise<boolean> {
  if (!(await lockOrder(tx, proof.orderId))) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: proof.orderId }, select: { id: true, status: true, itemsFen: true, totalFen: true, refundedFen: true } });
  const before = order.refundedFen;

  if ("stripeRefund" in proof) {
    await applyStripeRefund(tx, order, proof.stripeRefund, now);
    return order.refundedFen !== before;
  }

  if ("refundId" in proof) {
    const row = await tx.refund.findFirst({ where: { id: proof.refundId, orderId: order.id, recorded: false }, select: { id: true, amountFen: true } });
    if (!row) return false;
    const amount = Math.min(row.amountFen, order.totalFen - order.refundedFen);
    if (amount <= 0) return false;
    await tx.refund.update({ where: { id: row.id }, data: { recorded: true, amountFen: amount } });
    await settle(tx, order, row.id, now);
    return order.refundedFen !== before;
  }

  const paymentId = proof.paymentId ?? (await succeededPaymentOf(tx, order.id));
  let grow: number;
  if ("chargeRefundedFen" in proof) {
    // What Stripe refunds of this payment already explain, and what failed after the event was made (the
    // charge's total then still held it).
    const rows = paymentId
      ? await tx.refund.findMany({
          where: { paymentId, stripeRefundId: { not: null } },
          select: { id: true, amountFen: true, recorded: true, status: true, failedAt: true },
          orderBy: [{ decidedAt: "asc" }, { createdAt: "asc" }],
        })
      : [];
    const explained = rows.filter((r) => r.recorded).reduce((s, r) => s + r.amountFen, 0);
    const failedSince = proof.asOf ? rows.filter((r) => r.status === "FAILED" && r.failedAt && r.failedAt >= proof.asOf!).reduce((s, r) => s + r.amountFen, 0) : 0;
    const pool = await outsideRow(tx, order.id, paymentId);
    grow = Math.min(proof.chargeRefundedFen - failedSince, order.totalFen) - explained - (pool?.amountFen ?? 0);
    // Refunds Stripe has created for this payment (it gave us their ids) are in its total even before their own
    // events arrive: the money is theirs, oldest first, while it covers them whole.
    for (const r of rows) {
      if (r.recorded || (r.status !== "APPROVED" && r.status !== "SUCCEEDED") || r.amountFen > grow) continue;
      await tx.refund.update({ where: { id: r.id }, data: { recorded: true } });
      await settle(tx, order, r.id, now);
      grow -= r.amountFen;
    }
  } else {
    grow = Math.min(proof.addFen, order.totalFen - order.refundedFen);
  }
  if (grow > 0) {
    const pool = await outsideRow(tx, order.id, paymentId);
    const poolId = pool
      ? (await tx.refund.update({ where: { id: pool.id }, data: { amountFen: { increment: grow }, succeededAt: now }, select: { id: true } })).id
      : (
          await tx.refund.create({
            data: { orderId: order.id, paymentId, amountFen: grow, items: [], reason: REFUNDED_IN_STRIPE, status: "SUCCEEDED", recorded: true, succeededAt: now },
            select: { id: true },
          })
        ).id;
    await settle(tx, order, poolId, now);
  }
  return order.refundedFen !== before;
}

async function succeededPaymentOf(tx: Tx, orderId: string): Promise<string | null> {
  const payment = await tx.payment.findFirst({ where: { orderId, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return payment?.id ?? null;
}

/** The payment's row for money refunded outside the shop that no Stripe refund has explained yet. */
function outsideRow(tx: Tx, orderId: string, paymentId: string | null) {
  return tx.refund.findFirst({ where: { orderId, paymentId, reason: REFUNDED_IN_STRIPE, requestedById: null, stripeRefundId: null }, select: { id: true, amountFen: true } });
}

/** Takes up to amountFen off the outside-the-shop row; returns how much it held of it. */
async function takeFromOutside(tx: Tx, orderId: string, paymentId: string, amountFen: number): Promise<number> {
  const pool = await outsideRow(tx, orderId, paymentId);
  const take = Math.min(pool?.amountFen ?? 0, amountFen);
  if (pool && take > 0) await tx.refund.update({ where: { id: pool.id }, data: { amountFen: { decrement: take } } });
  return take;
}

/** The order's refunded total is its counted refund rows' sum, capped at its total: moves it there if it is not. */
async function settle(tx: Tx, order: OrderMoney, refundId: string, now: Date): Promise<void> {
  const counted = await tx.refund.aggregate({ where: { orderId: order.id, recorded: true }, _sum: { amountFen: true } });
  const target = Math.min(order.totalFen, Math.max(counted._sum.amountFen ?? 0, 0));
  if (target !== order.refundedFen) await moveRefundedTotal(tx, order, target, refundId, now);
}

async function applyStripeRefund(tx: Tx, order: OrderMoney, fact: StripeRefundFact, now: Date): Promise<void> {
  const counted = COUNTED_STRIPE_STATUSES.has(fact.status);
  const failed = FAILED_STRIPE_STATUSES.has(fact.status);
  const select = { id: true, amountFen: true, status: true, recorded: true, stripeRefundId: true } as const;
  let row =
    (await tx.refund.findUnique({ where: { stripeRefundId: fact.id }, select })) ??
    (fact.refundId ? await tx.refund.findFirst({ where: { id: fact.refundId, orderId: order.id, stripeRefundId: null }, select }) : null);
  if (!row) {
    if (!counted && !failed) return;
    // A refund made in Stripe's Dashboard: a row of its own, so its money and its fate are tracked like ours.
    row = await tx.refund.create({
      data: { orderId: order.id, paymentId: fact.paymentId, amountFen: fact.amountFen, items: [], reason: REFUNDED_IN_STRIPE, status: "APPROVED", stripeRefundId: fact.id, decidedAt: fact.at },
      select,
    });
  } else if (row.stripeRefundId === null) {
    await tx.refund.update({ where: { id: row.id }, data: { stripeRefundId: fact.id } });
    row = { ...row, stripeRefundId: fact.id };
  }
  // Stripe's failed and canceled are final: a late "pending" event changes nothing after them.
  if (row.status === "FAILED") return;

  if (failed) {
    await tx.refund.update({ where: { id: row.id }, data: { status: "FAILED", recorded: false, failedAt: fact.at } });
    // Not counted on its own row, its money may sit on the outside-the-shop row (charge.refunded came first):
    // take it off. Should that money have been another refund's, that refund's own event counts it again.
    if (!row.recorded) await takeFromOutside(tx, order.id, fact.paymentId, fact.amountFen);
    await settle(tx, order, row.id, now);
    return;
  }
  if (!counted) return;
  // Whatever the shop's row said (a request put back after Stripe's answer was lost, even one an admin then
  // rejected), Stripe has made this refund: the row follows Stripe.
  const status = fact.status === "succeeded" ? ("SUCCEEDED" as const) : ("APPROVED" as const);
  if (row.recorded) {
    if (status === "SUCCEEDED" && row.status !== "SUCCEEDED") await tx.refund.update({ where: { id: row.id }, data: { status, succeededAt: fact.at } });
    return;
  }
  // Money charge.refunded already counted on the outside-the-shop row was this refund's: it moves here. The row
  // holds Stripe's whole amount, even past the order's total (a refund that failed but whose event is late
  // still counts): the cap is applied to the sum, so the late failure brings the order to the right total.
  await takeFromOutside(tx, order.id, fact.paymentId, fact.amountFen);
  await tx.refund.update({
    where: { id: row.id },
    data: { recorded: true, amountFen: fact.amountFen, status, ...(status === "SUCCEEDED" ? { succeededAt: fact.at } : {}), ...(row.status === "REQUESTED" ? { decidedAt: fact.at } : {}) },
  });
  await settle(tx, order, row.id, now);
}

/** The order's refunded total moves (up, or down when a counted refund failed), and all that follows it. */
async function moveRefundedTotal(tx: Tx, order: OrderMoney, refundedFen: number, refundId: string, now: Date): Promise<void> {
  const full = refundedFen >= order.totalFen;
  const status = full && (REFUNDABLE_STATUSES as readonly string[]).includes(order.status) ? "REFUNDED" : !full && order.status === "REFUNDED" ? "PAID" : null;
  await tx.order.update({ where: { id: order.id }, data: { refundedFen, ...(status ? { status } : {}) } });
  // All the money back: what the cooperatives have not packed is not to be sent. Not all of it after all: the
  // order is to be sent again.
  if (status === "REFUNDED") await tx.shipment.updateMany({ where: { orderId: order.id, status: "PENDING" }, data: { status: "CANCELLED" } });
  if (status === "PAID") await tx.shipment.updateMany({ where: { orderId: order.id, status: "CANCELLED" }, data: { status: "PENDING" } });
  // The payment's status says how much of it went back.
  const payments = await tx.payment.findMany({ where: { orderId: order.id, status: { in: ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] } }, select: { id: true, amountFen: true } });
  for (const p of payments) {
    const back = Math.min(refundedFen, p.amountFen);
    await tx.payment.update({ where: { id: p.id }, data: { status: back <= 0 ? "SUCCEEDED" : back >= p.amountFen ? "REFUNDED" : "PARTIALLY_REFUNDED" } });
  }
  await writeRefundLedger(tx, order, refundedFen, refundId, now);
  order.refundedFen = refundedFen;
  if (status) order.status = status;
}
