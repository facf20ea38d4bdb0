// What a cooperative may do with one of its shipments, and what shipping it does to the order. Pure: the
// server (lib/server/fulfilment/*) takes the locks and writes what these functions decide. Which state follows
// which is lib/domain/order-state.ts's (the SHIPMENT and ORDER tables); this file only adds the rules that
// look at the order around the shipment.
import { next, type OrderStatus, type RefundStatus, type ShipmentStatus, isOpenRefund } from "./order-state";

/** The queue's filters. "toPack" is a PENDING shipment of a paid order (an unpaid order's is not listed). */
export const QUEUE_STATES = ["toPack", "packed", "shipped", "delivered", "cancelled"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export const isQueueState = (v: string): v is QueueState => (QUEUE_STATES as readonly string[]).includes(v);

/** Orders whose parcels are to be packed and sent: paid, and not yet sent in full. */
export const FULFILLABLE_ORDER_STATUSES = ["PAID", "PARTIALLY_SHIPPED"] as const satisfies readonly OrderStatus[];

/** Hours after payment from which an unsent shipment is on the admins' late list. */
export const LATE_AFTER_HOURS = 48;

export type FulfilmentRefusal = "orderNotPaid" | "orderCancelled" | "orderRefunded" | "openRefund" | "shipmentCancelled" | "alreadyShipped" | "delivered";

/** Why the order around a shipment forbids packing or shipping it now, or null when it allows it. */
export function orderBlocks(order: { status: OrderStatus }, refunds: readonly { status: RefundStatus }[]): FulfilmentRefusal | null {
  if (order.status === "CANCELLED") return "orderCancelled";
  if (order.status === "REFUNDED") return "orderRefunded";
  if (order.status === "PENDING_PAYMENT") return "orderNotPaid";
  // A request still to be decided may become a full refund, which cancels the parcels not yet sent.
  if (refunds.some((r) => isOpenRefund(r.status))) return "openRefund";
  return null;
}

export type PackDecision = { kind: "move"; to: ShipmentStatus } | { kind: "unchanged" } | { kind: "refused"; reason: FulfilmentRefusal };

/** Mark packed: PENDING → PACKED; PACKED again is no change. */
export function decidePack(shipment: { status: ShipmentStatus }, order: { status: OrderStatus }, refunds: readonly { status: RefundStatus }[]): PackDecision {
  if (shipment.status === "PACKED") return { kind: "unchanged" };
  if (shipment.status === "CANCELLED") return { kind: "refused", reason: "shipmentCancelled" };
  if (shipment.status === "SHIPPED") return { kind: "refused", reason: "alreadyShipped" };
  if (shipment.status === "DELIVERED") return { kind: "refused", reason: "delivered" };
  const blocked = orderBlocks(order, refunds);
  if (blocked) return { kind: "refused", reason: blocked };
  const to = next("shipment", shipment.status, "packed");
  return to ? { kind: "move", to } : { kind: "refused", reason: "orderNotPaid" };
}

export interface ShippingData {
  carrier: string;
  carrierName: string | null;
  trackingNumber: string;
}

export type ShipDecision =
  /** `packedToo`: the shipment was still to pack; shipping it packs it on the way (PENDING → PACKED → SHIPPED). */
  | { kind: "move"; packedToo: boolean }
  | { kind: "unchanged" }
  | { kind: "refused"; reason: FulfilmentRefusal };

const same = (a: ShippingData, b: { carrier: string | null; carrierName: string | null; trackingNumber: string | null }) =>
  a.carrier === b.carrier && a.trackingNumber === b.trackingNumber && (a.carrierName ?? null) === (b.carrierName ?? null);

/**
 * Ship with a carrier and a tracking number. The same data sent again for a shipped parcel is no change (a
 * double click, a pickup list uploaded twice); other data for it is refused (the buyer was told the first).
 */
export function decideShip(
  shipment: { status: ShipmentStatus; carrier: string | null; carrierName: string | null; trackingNumber: string | null },
  order: { status: OrderStatus },
  refunds: readonly { status: RefundStatus }[],
  data: ShippingData,
): ShipDecision {
  if (shipment.status === "SHIPPED") return same(data, shipment) ? { kind: "unchanged" } : { kind: "refused", reason: "alreadyShipped" };
  if (shipment.status === "DELIVERED") return { kind: "refused", reason: "delivered" };
  if (shipment.status === "CANCELLED") return { kind: "refused", reason: "shipmentCancelled" };
  const blocked = orderBlocks(order, refunds);
  if (blocked) return { kind: "refused", reason: blocked };
  if (shipment.status === "PENDING") return next("shipment", "PENDING", "packed") ? { kind: "move", packedToo: true } : { kind: "refused", reason: "orderNotPaid" };
  return next("shipment", shipment.status, "shipped") ? { kind: "move", packedToo: false } : { kind: "refused", reason: "orderNotPaid" };
}

/**
 * The order's status once its shipments are in these states: shipped in full when every parcel not cancelled
 * has left (shipped or delivered), in part when some have. Null when the order's status does not move (an
 * order already SHIPPED, or one the ORDER table does not let shipping move).
 */
export function orderStatusAfterShipping(current: OrderStatus, shipments: readonly ShipmentStatus[]): OrderStatus | null {
  const live = shipments.filter((s) => s !== "CANCELLED");
  const sent = live.filter((s) => s === "SHIPPED" || s === "DELIVERED").length;
  if (sent === 0) return null;
  const to = next("order", current, sent === live.length ? "shippedInFull" : "shippedInPart");
  return to && to !== current ? to : null;
}

/** Whether a shipment paid at `paidAt` and not yet sent is late at `now`. */
export function isLate(paidAt: Date, now: Date): boolean {
  return now.getTime() - paidAt.getTime() > LATE_AFTER_HOURS * 3600_000;
}

/**
 * A parcel's reference, as the cooperative writes it on the courier's pickup list and the packing slip: the order
 * number for an ordinary order's parcel; for a gift order's (one parcel per recipient, all sharing the order's
 * number) the number, a dash and the recipient's place in the list ("TX20261201-20KF0S-7").
 */
export function parcelReference(orderNumber: string, recipientNo: number): string {
  return recipientNo > 0 ? `${orderNumber}-${recipientNo}` : orderNumber;
}

/**
 * The order number and recipient a reference names. Order numbers are "TX" + a Beijing date + "-" + letters and
 * digits (lib/domain/checkout.ts orderNumber), so a further "-" and digits can only be a recipient.
 */
export function parseParcelReference(reference: string): { orderNumber: string; recipientNo: number } {
  const m = /^(TX\d{8}-[A-Z0-9]+)-([1-9]\d{0,4})$/.exec(reference);
  return m ? { orderNumber: m[1]!, recipientNo: Number(m[2]) } : { orderNumber: reference, recipientNo: 0 };
}
