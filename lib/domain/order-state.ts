// The states an order, its payments, its refunds and its shipments move through, and every move allowed: four
// tables of from-state → event → to-state. lib/server/orders/* takes the locks and saves; every status it
// writes is looked up here, so the hardest money rules are testable without a database. The state names mirror
// the Prisma enums (tests/unit/order-state.test.ts fails to compile when they drift apart).

export const ORDER_STATUSES = ["PENDING_PAYMENT", "PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"] as const;
export const PAYMENT_STATUSES = ["PENDING", "SUCCEEDED", "FAILED", "EXPIRED", "REFUNDED", "PARTIALLY_REFUNDED"] as const;
export const REFUND_STATUSES = ["REQUESTED", "APPROVED", "SUCCEEDED", "REJECTED", "FAILED"] as const;
export const SHIPMENT_STATUSES = ["PENDING", "PACKED", "SHIPPED", "DELIVERED", "CANCELLED"] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** How much of a sum of money has gone back: decides the payment's status, and the order's. */
export type RefundLevel = "refundedNothing" | "refundedInPart" | "refundedInFull";

export type OrderEvent =
  | "paid" // a payment arrived (for a cancelled order too, when its stock can be taken again)
  | "cancelled" // by the buyer, by the reservation's expiry, or because the payment failed
  | "shippedInPart"
  | "shippedInFull"
  | "delivered"
  | RefundLevel;

export type PaymentEvent = "succeeded" | "failed" | "expired" | RefundLevel;

export type RefundEvent =
  | "approved" // an admin approved it and Stripe is asked to pay it
  | "paidByOperator" // an admin approved it and the operator's bank pays it (no Stripe refund to wait for)
  | "rejected"
  | "stripeUnreachable" // Stripe refused or did not answer: the request goes back to the admins' list
  | StripeRefundEvent;

/** What one of Stripe's refund events says of a refund (stripe-webhook.ts maps Stripe's status strings). */
export type StripeRefundEvent = "stripePending" | "stripeSucceeded" | "stripeFailed";

export type ShipmentEvent =
  | "packed"
  | "shipped"
  | "delivered"
  | "cancelled" // its order was cancelled, or refunded in full before the parcel was packed
  | "reopened"; // its cancelled order was paid after all, or a full refund fell short

type Table<S extends string, E extends string> = { readonly [F in S]: { readonly [V in E]?: S } };

const REFUNDED_ONCE_PAID = { refundedInFull: "REFUNDED" } as const;

const ORDER: Table<OrderStatus, OrderEvent> = {
  PENDING_PAYMENT: { paid: "PAID", cancelled: "CANCELLED" },
  PAID: { shippedInPart: "PARTIALLY_SHIPPED", shippedInFull: "SHIPPED", ...REFUNDED_ONCE_PAID },
  PARTIALLY_SHIPPED: { shippedInFull: "SHIPPED", ...REFUNDED_ONCE_PAID },
  SHIPPED: { delivered: "DELIVERED", ...REFUNDED_ONCE_PAID },
  DELIVERED: { ...REFUNDED_ONCE_PAID },
  CANCELLED: { paid: "PAID" },
  // A counted refund failed after all: the order is to be sent again.
  REFUNDED: { refundedInPart: "PAID", refundedNothing: "PAID" },
};

// A captured payment's status follows the refunded total, whichever way it moves.
const FOLLOWS_REFUNDS = { refundedNothing: "SUCCEEDED", refundedInPart: "PARTIALLY_REFUNDED", refundedInFull: "REFUNDED" } as const;

const PAYMENT: Table<PaymentStatus, PaymentEvent> = {
  PENDING: { succeeded: "SUCCEEDED", failed: "FAILED", expired: "EXPIRED" },
  // Money can still arrive for a session that was closed: the order is paid after its cancellation.
  FAILED: { succeeded: "SUCCEEDED" },
  EXPIRED: { succeeded: "SUCCEEDED" },
  SUCCEEDED: FOLLOWS_REFUNDS,
  PARTIALLY_REFUNDED: FOLLOWS_REFUNDS,
  REFUNDED: FOLLOWS_REFUNDS,
};

// Whatever the shop's row says, Stripe has the last word about a refund it made; its failure is final.
const STRIPE_DECIDES = { stripePending: "APPROVED", stripeSucceeded: "SUCCEEDED", stripeFailed: "FAILED" } as const;

const REFUND: Table<RefundStatus, RefundEvent> = {
  REQUESTED: { approved: "APPROVED", paidByOperator: "SUCCEEDED", rejected: "REJECTED", ...STRIPE_DECIDES },
  APPROVED: { stripeUnreachable: "REQUESTED", ...STRIPE_DECIDES },
  // A late "pending" (events arrive in any order) does not take a succeeded refund back.
  SUCCEEDED: { ...STRIPE_DECIDES, stripePending: "SUCCEEDED" },
  REJECTED: { ...STRIPE_DECIDES },
  FAILED: {},
};

const SHIPMENT: Table<ShipmentStatus, ShipmentEvent> = {
  PENDING: { packed: "PACKED", cancelled: "CANCELLED" },
  PACKED: { shipped: "SHIPPED" },
  SHIPPED: { delivered: "DELIVERED" },
  DELIVERED: {},
  CANCELLED: { reopened: "PENDING" },
};

interface Machines {
  order: { state: OrderStatus; event: OrderEvent };
  payment: { state: PaymentStatus; event: PaymentEvent };
  refund: { state: RefundStatus; event: RefundEvent };
  shipment: { state: ShipmentStatus; event: ShipmentEvent };
}
export type Machine = keyof Machines;
export type StateOf<M extends Machine> = Machines[M]["state"];
export type EventOf<M extends Machine> = Machines[M]["event"];

export const TRANSITIONS: { readonly [M in Machine]: Table<StateOf<M>, EventOf<M>> } = { order: ORDER, payment: PAYMENT, refund: REFUND, shipment: SHIPMENT };

/** The state `event` moves `from` to, or null when the machine does not allow it. */
export function next<M extends Machine>(machine: M, from: StateOf<M>, event: EventOf<M>): StateOf<M> | null {
  const row: { readonly [V in EventOf<M>]?: StateOf<M> } = TRANSITIONS[machine][from];
  return row[event] ?? null;
}

export function canTransition<M extends Machine>(machine: M, from: StateOf<M>, event: EventOf<M>): boolean {
  return next(machine, from, event) !== null;
}

/**
 * Every state `event` moves, and the one state they all move to: for a conditional update of many rows
 * (`where: { status: { in: from } }, data: { status: to }`). Throws for an event that leads to different
 * states from different ones (a bulk update cannot say which).
 */
export function bulkMove<M extends Machine>(machine: M, event: EventOf<M>): { from: StateOf<M>[]; to: StateOf<M> } {
  const table = TRANSITIONS[machine];
  const from: StateOf<M>[] = [];
  const targets = new Set<StateOf<M>>();
  for (const state of Object.keys(table) as StateOf<M>[]) {
    const to = next(machine, state, event);
    if (to === null) continue;
    from.push(state);
    targets.add(to);
  }
  const [to, ...others] = [...targets];
  if (to === undefined || others.length > 0) throw new Error(`${machine} event ${event} has ${targets.size} target states, not one`);
  return { from, to };
}

// The lists the rest of the code filters by. Each exists here only.

/** An order that has been paid and not refunded in full: it can be refunded. */
export const REFUNDABLE_ORDER_STATUSES = ["PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED"] as const satisfies readonly OrderStatus[];

/** An order that has been paid (refunded in full included): its payment is in the benefit ledger. */
export const PAID_ORDER_STATUSES = [...REFUNDABLE_ORDER_STATUSES, "REFUNDED"] as const satisfies readonly OrderStatus[];

/** A payment whose money arrived (some or all of it may have gone back since). */
export const CAPTURED_PAYMENT_STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"] as const satisfies readonly PaymentStatus[];

/** A payment with money left to give back: a buyer's refund request names it. */
export const REFUNDABLE_PAYMENT_STATUSES = ["SUCCEEDED", "PARTIALLY_REFUNDED"] as const satisfies readonly PaymentStatus[];

/** A refund still to be decided or paid: an order has at most one. */
export const OPEN_REFUND_STATUSES = ["REQUESTED", "APPROVED"] as const satisfies readonly RefundStatus[];

/**
 * A refund whose money may be counted in the order's refunded total, once it is recorded: approved (Stripe's
 * "pending" included) or succeeded. A failed, rejected or merely requested refund never counts.
 */
export const COUNTED_REFUND_STATUSES = ["APPROVED", "SUCCEEDED"] as const satisfies readonly RefundStatus[];

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export const isRefundableOrder = (status: OrderStatus): boolean => includes(REFUNDABLE_ORDER_STATUSES, status);
export const isPaidOrder = (status: OrderStatus): boolean => includes(PAID_ORDER_STATUSES, status);
export const isOpenRefund = (status: RefundStatus): boolean => includes(OPEN_REFUND_STATUSES, status);
export const isCountedRefund = (status: RefundStatus): boolean => includes(COUNTED_REFUND_STATUSES, status);

/** How much of `amountFen` the refunded total covers. Nothing refunded wins over "in full" for a zero amount. */
export function refundLevel(refundedFen: number, amountFen: number): RefundLevel {
  if (refundedFen <= 0) return "refundedNothing";
  return refundedFen >= amountFen ? "refundedInFull" : "refundedInPart";
}

/** A captured payment's status once `refundedFen` of the order has gone back. */
export function paymentStatusAfterRefunds(current: PaymentStatus, refundedFen: number, amountFen: number): PaymentStatus | null {
  return next("payment", current, refundLevel(refundedFen, amountFen));
}

export interface RefundRow {
  /** Fen; a bigint too (a database sum), summed exactly either way. */
  amountFen: number | bigint;
  status: RefundStatus;
  /** Whether the shop has counted this refund's money (set when Stripe or the operator says it is paid out). */
  recorded: boolean;
}

export interface Settlement {
  /** The counted refunds' sum, capped at the order's total (and never below zero). */
  refundedFen: number;
  orderStatus: OrderStatus;
  /** The status of a payment of the order's whole total. */
  paymentStatus: PaymentStatus;
  /** What happens to the order's shipments that allow it: "cancelled" with a full refund, "reopened" when it falls short. */
  shipments: ShipmentEvent | null;
}

/**
 * An order's refunded total is a function of the refund facts known, not of the order they arrived in: the sum
 * of its counted rows, capped at its total (a refund Stripe has since failed may still count while its event is
 * on the way). A paid order refunded in full is REFUNDED and its unpacked parcels are not sent; when the total
 * falls short again (a counted refund failed), it is PAID and they are. An order never paid keeps its status.
 */
export function settle(rows: readonly RefundRow[], totalFen: number, current: OrderStatus): Settlement {
  let sum = 0n;
  for (const r of rows) if (r.recorded && isCountedRefund(r.status)) sum += BigInt(r.amountFen);
  const refundedFen = sum <= 0n ? 0 : sum >= BigInt(totalFen) ? totalFen : Number(sum);
  const level = refundLevel(refundedFen, totalFen);
  const orderStatus = next("order", current, level) ?? current;
  const shipments = orderStatus === current ? null : orderStatus === "REFUNDED" ? "cancelled" : "reopened";
  return { refundedFen, orderStatus, paymentStatus: FOLLOWS_REFUNDS[level], shipments };
}

/**
 * An unpaid order whose reservation ran out is as good as cancelled, whether or not the sweep has released it yet:
 * reads show it so, without writing (lib/server/orders/sweep.ts does the releasing).
 */
export function isReservationExpired(order: { status: OrderStatus; reservedUntil: Date | null }, now = new Date()): boolean {
  return order.status === "PENDING_PAYMENT" && order.reservedUntil !== null && order.reservedUntil < now;
}
