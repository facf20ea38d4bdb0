import "server-only";
// Money going back to a buyer: a buyer's refund request, an admin's decision on it, and the accounting that
// every refund path ends in (recordRefund). All take the order's row lock first, as every money path does
// (lifecycle.ts), so two requests sent at once open one refund, a decision never pays back more than the order
// has left, and Stripe's events about one order apply one at a time. Which status follows which, and what the
// refund rows add up to, is decided in lib/domain/order-state.ts. The server actions are thin wrappers that turn
// these outcomes into messages.
import type Stripe from "stripe";
import { ownOrderWhere } from "@/lib/server/queries/orders";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  bulkMove,
  canTransition,
  CAPTURED_PAYMENT_STATUSES,
  isCountedRefund,
  isRefundableOrder,
  next,
  OPEN_REFUND_STATUSES,
  paymentStatusAfterRefunds,
  REFUNDABLE_PAYMENT_STATUSES,
  settle,
  type OrderStatus,
  type Settlement,
  type StripeRefundEvent,
} from "@/lib/domain/order-state";
import { afterSalesProblem, type AfterSalesProblem, type RefundReasonCode } from "@/lib/domain/delivery";
import { audit } from "@/lib/server/audit";
import { writeRefundLedger } from "@/lib/server/ledger/write";
import { log } from "@/lib/server/log";
import { notify } from "@/lib/server/notify";
import { lockOrder } from "./lifecycle";

type Tx = Prisma.TransactionClient;

export type RequestRefundOutcome =
  | "ok"
  | "notFound"
  | "notPaid"
  | "open"
  /** The named shipment is not one of this order's (another order's id, or none at all): nothing is written. */
  | "shipmentNotFound"
  /** After shipping a request names a dispatched parcel and a reason (lib/domain/delivery.ts afterSalesProblem). */
  | AfterSalesProblem;

/**
 * The buyer asks for what is left of their paid order. One open request per order. Once a parcel of the order
 * has shipped, the request is after-sales: it names one of the order's dispatched shipments and a reason code
 * (with free text for OTHER). The amount is still what is left of the order; the admin decides, and the money
 * goes back through the one path below (decideRefund → recordRefund).
 */
export async function requestRefund(
  db: Db,
  input: { orderId: string; buyerId: string; organisationId?: string | null; reason: string; shipmentId?: string | null; reasonCode?: RefundReasonCode | null },
): Promise<RequestRefundOutcome> {
  return db.$transaction(async (tx) => {
    await lockOrder(tx, input.orderId);
    const order = await tx.order.findFirst({
      where: { id: input.orderId, ...ownOrderWhere(input.buyerId, input.organisationId) },
      select: {
        id: true,
        status: true,
        totalFen: true,
        refundedFen: true,
        payments: { where: { status: { in: [...REFUNDABLE_PAYMENT_STATUSES] } }, select: { id: true }, take: 1 },
        shipments: { select: { id: true, status: true } },
      },
    });
    if (!order) return "notFound";
    if (!isRefundableOrder(order.status) || order.totalFen - order.refundedFen <= 0) return "notPaid";
    if (await tx.refund.count({ where: { orderId: order.id, status: { in: [...OPEN_REFUND_STATUSES] } } })) return "open";
    const named = input.shipmentId ? order.shipments.find((s) => s.id === input.shipmentId) : undefined;
    if (input.shipmentId && !named) return "shipmentNotFound";
    const problem = afterSalesProblem({
      orderShipments: order.shipments.map((s) => s.status),
      shipment: named?.status,
      reasonCode: input.reasonCode ?? undefined,
      reason: input.reason,
    });
    if (problem) return problem;
    const refund = await tx.refund.create({
      data: {
        orderId: order.id,
        paymentId: order.payments[0]?.id ?? null,
        amountFen: order.totalFen - order.refundedFen,
        items: [],
        reason: input.reason,
        requestedById: input.buyerId,
        shipmentId: named?.id ?? null,
        reasonCode: input.reasonCode ?? null,
      },
      select: { id: true, amountFen: true },
    });
    await audit(tx, {
      action: "refund.requested",
      actorId: input.buyerId,
      entityType: "Refund",
      entityId: refund.id,
      metadata: { orderId: order.id, amountFen: refund.amountFen, shipmentId: named?.id ?? null, reasonCode: input.reasonCode ?? null },
    });
    return "ok";
  });
}

export type DecideRefundOutcome =
  | { kind: "decided"; amountFen: number }
  | { kind: "notFound" }
  /** Another admin decided first. */
  | { kind: "taken" }
  /** The order has been refunded in full meanwhile (e.g. in Stripe's Dashboard). */
  | { kind: "nothingLeft" }
  /** Stripe refused or could not be reached: the request is back in the admin's list. */
  | { kind: "stripeFailed"; error: string };

/**
 * An admin approves or rejects a refund request. The decision is a conditional update from REQUESTED under the
 * order's lock, so two admins clicking at once decide once, and the amount is capped at what the order still
 * has. A Stripe payment (when Stripe is configured) is refunded through Stripe's refund API with one idempotency
 * key per refund; the request is APPROVED before Stripe is asked, so the charge.refunded webhook, which may
 * arrive before Stripe's answer does, finds it. Any other payment (a bank transfer) is refunded by the
 * operator's bank and recorded here, through the same recordRefund as Stripe's.
 */
export async function decideRefund(
  db: Db,
  stripe: Stripe | null,
  input: { refundId: string; decision: "approve" | "reject"; actorId: string },
  now = new Date(),
): Promise<DecideRefundOutcome> {
  const refund = await db.refund.findUnique({
    where: { id: input.refundId },
    select: { id: true, orderId: true, status: true, payment: { select: { method: true, stripePaymentIntentId: true } } },
  });
  if (!refund) return { kind: "notFound" };
  const intent = stripe && refund.payment?.method === "STRIPE" ? refund.payment.stripePaymentIntentId : null;
  const event = input.decision === "reject" ? "rejected" : intent ? "approved" : "paidByOperator";
  if (!canTransition("refund", refund.status, event)) return { kind: "taken" };
  const move = bulkMove("refund", event);

  const outcome = await db.$transaction(async (tx): Promise<DecideRefundOutcome> => {
    await lockOrder(tx, refund.orderId);
    const order = await tx.order.findUniqueOrThrow({ where: { id: refund.orderId }, select: { totalFen: true, refundedFen: true } });
    const current = await tx.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { amountFen: true, status: true } });
    if (!canTransition("refund", current.status, event)) return { kind: "taken" };
    // Refunds Stripe is still working on are not in refundedFen yet, but their money is spoken for.
    const inFlight = await tx.refund.aggregate({ where: { orderId: refund.orderId, id: { not: refund.id }, status: "APPROVED", recorded: false }, _sum: { amountFen: true } });
    const amountFen = Math.min(current.amountFen, order.totalFen - order.refundedFen - (inFlight._sum.amountFen ?? 0));
    if (event !== "rejected" && amountFen <= 0) return { kind: "nothingLeft" };
    const moved = await tx.refund.updateMany({
      where: { id: refund.id, status: { in: move.from } },
      data: { status: move.to, decidedById: input.actorId, decidedAt: now, ...(event === "rejected" ? {} : { amountFen }), ...(move.to === "SUCCEEDED" ? { succeededAt: now } : {}) },
    });
    if (moved.count !== 1) return { kind: "taken" };
    if (event === "paidByOperator" && !(await recordRefund(tx, { orderId: refund.orderId, refundId: refund.id }, now))) {
      // Cannot happen under the lock with the capped amount; if it does, nothing of this decision is kept.
      throw new Error(`refund ${refund.id}: the order's refunded total did not grow`);
    }
    await audit(tx, { action: event === "rejected" ? "refund.rejected" : "refund.approved", actorId: input.actorId, entityType: "Refund", entityId: refund.id, metadata: { amountFen } });
    // The buyer's mail is written with the decision (sent after it commits).
    await notify(tx, { type: "refundDecided", refundId: refund.id });
    return { kind: "decided", amountFen };
  });
  if (outcome.kind !== "decided" || event !== "approved" || !intent || !stripe) return outcome;

  try {
    const created = await stripe.refunds.create(
      { payment_intent: intent, amount: outcome.amountFen, metadata: { orderId: refund.orderId, refundId: refund.id } },
      // One key per refund request, whatever its amount: if an earlier try reached Stripe (its answer lost) and
      // the amount has changed since, Stripe refuses the new one rather than refunding twice, and the earlier
      // refund's own event settles the request.
      { idempotencyKey: `refund-${refund.id}` },
    );
    // Stripe's refund.created event may have arrived first and set it already.
    await db.refund.updateMany({ where: { id: refund.id, stripeRefundId: null }, data: { stripeRefundId: created.id } });
    return outcome;
  } catch (error) {
    // Back to the admin's list, unless Stripe's own event has meanwhile shown that the refund exists after all
    // (an answer lost on the way back): then the event has given the row its Stripe id, and it stays.
    log.error({ err: error, refundId: refund.id, orderId: refund.orderId }, "stripe refund failed");
    const back = bulkMove("refund", "stripeUnreachable");
    await db.refund.updateMany({ where: { id: refund.id, status: { in: back.from }, stripeRefundId: null, recorded: false }, data: { status: back.to, decidedById: null, decidedAt: null } });
    return { kind: "stripeFailed", error: error instanceof Error ? error.message : "?" };
  }
}

/** The reason on refund rows for money refunded with no request in the shop (Stripe's Dashboard). */
export const REFUNDED_IN_STRIPE = "refunded outside the shop";

/** One Stripe Refund object, as refund.created / refund.updated (or a charge's refund list) tell it. */
export interface StripeRefundFact {
  id: string;
  amountFen: number;
  /** What Stripe's status says of it (stripe-webhook.ts maps the status); null when it says nothing we act on. */
  event: StripeRefundEvent | null;
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

type OrderMoney = { id: string; status: OrderStatus; itemsFen: number; totalFen: number; refundedFen: number };

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
    await settleOrder(tx, order, row.id, now);
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
      if (r.recorded || !isCountedRefund(r.status) || r.amountFen > grow) continue;
      await tx.refund.update({ where: { id: r.id }, data: { recorded: true } });
      await settleOrder(tx, order, r.id, now);
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
    await settleOrder(tx, order, poolId, now);
  }
  return order.refundedFen !== before;
}

async function succeededPaymentOf(tx: Tx, orderId: string): Promise<string | null> {
  const payment = await tx.payment.findFirst({ where: { orderId, status: { in: [...CAPTURED_PAYMENT_STATUSES] } }, orderBy: { createdAt: "desc" }, select: { id: true } });
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

/** Settles the order on its counted refund rows (see settle): moves its refunded total there if it is not. */
async function settleOrder(tx: Tx, order: OrderMoney, refundId: string, now: Date): Promise<void> {
  const rows = await tx.refund.findMany({ where: { orderId: order.id, recorded: true }, select: { amountFen: true, status: true, recorded: true } });
  const settled = settle(rows, order.totalFen, order.status);
  if (settled.refundedFen !== order.refundedFen) await moveRefundedTotal(tx, order, settled, refundId, now);
}

async function applyStripeRefund(tx: Tx, order: OrderMoney, fact: StripeRefundFact, now: Date): Promise<void> {
  const select = { id: true, amountFen: true, status: true, recorded: true, stripeRefundId: true } as const;
  let row =
    (await tx.refund.findUnique({ where: { stripeRefundId: fact.id }, select })) ??
    (fact.refundId ? await tx.refund.findFirst({ where: { id: fact.refundId, orderId: order.id, stripeRefundId: null }, select }) : null);
  if (!row) {
    if (!fact.event) return;
    // A refund made in Stripe's Dashboard: a row of its own, so its money and its fate are tracked like ours.
    row = await tx.refund.create({
      data: { orderId: order.id, paymentId: fact.paymentId, amountFen: fact.amountFen, items: [], reason: REFUNDED_IN_STRIPE, status: "APPROVED", stripeRefundId: fact.id, decidedAt: fact.at },
      select,
    });
  } else if (row.stripeRefundId === null) {
    await tx.refund.update({ where: { id: row.id }, data: { stripeRefundId: fact.id } });
    row = { ...row, stripeRefundId: fact.id };
  }
  if (!fact.event) return;
  // Stripe's failed and canceled are final: a late "pending" event changes nothing after them. Whatever else the
  // shop's row said (a request put back after Stripe's answer was lost, even one an admin then rejected), Stripe
  // has made this refund: the row follows Stripe.
  const status = next("refund", row.status, fact.event);
  if (!status) return;

  if (fact.event === "stripeFailed") {
    await tx.refund.update({ where: { id: row.id }, data: { status, recorded: false, failedAt: fact.at } });
    // Not counted on its own row, its money may sit on the outside-the-shop row (charge.refunded came first):
    // take it off. Should that money have been another refund's, that refund's own event counts it again.
    if (!row.recorded) await takeFromOutside(tx, order.id, fact.paymentId, fact.amountFen);
    await settleOrder(tx, order, row.id, now);
    return;
  }
  if (row.recorded) {
    if (status !== row.status) await tx.refund.update({ where: { id: row.id }, data: { status, ...(status === "SUCCEEDED" ? { succeededAt: fact.at } : {}) } });
    return;
  }
  // Money charge.refunded already counted on the outside-the-shop row was this refund's: it moves here. The row
  // holds Stripe's whole amount, even past the order's total (a refund that failed but whose event is late
  // still counts): the cap is applied to the sum, so the late failure brings the order to the right total.
  await takeFromOutside(tx, order.id, fact.paymentId, fact.amountFen);
  await tx.refund.update({
    where: { id: row.id },
    data: { recorded: true, amountFen: fact.amountFen, status, ...(fact.event === "stripeSucceeded" ? { succeededAt: fact.at } : {}), ...(row.status === "REQUESTED" ? { decidedAt: fact.at } : {}) },
  });
  await settleOrder(tx, order, row.id, now);
}

/** The order's refunded total moves (up, or down when a counted refund failed), and all that follows it. */
async function moveRefundedTotal(tx: Tx, order: OrderMoney, settled: Settlement, refundId: string, now: Date): Promise<void> {
  const { refundedFen, orderStatus } = settled;
  await tx.order.update({ where: { id: order.id }, data: { refundedFen, ...(orderStatus !== order.status ? { status: orderStatus } : {}) } });
  // All the money back: what the cooperatives have not packed is not to be sent. Not all of it after all: the
  // order is to be sent again.
  if (settled.shipments) {
    const move = bulkMove("shipment", settled.shipments);
    await tx.shipment.updateMany({ where: { orderId: order.id, status: { in: move.from } }, data: { status: move.to } });
  }
  // The payment's status says how much of it went back.
  const payments = await tx.payment.findMany({ where: { orderId: order.id, status: { in: [...CAPTURED_PAYMENT_STATUSES] } }, select: { id: true, status: true, amountFen: true } });
  for (const p of payments) {
    const status = paymentStatusAfterRefunds(p.status, refundedFen, p.amountFen);
    if (!status) throw new Error(`payment ${p.id} is ${p.status}: refunds cannot move it`);
    await tx.payment.update({ where: { id: p.id }, data: { status } });
  }
  await writeRefundLedger(tx, order, refundedFen, refundId, now);
  order.refundedFen = refundedFen;
  order.status = orderStatus;
}
