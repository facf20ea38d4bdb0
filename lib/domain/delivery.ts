// After a parcel leaves the cooperative: when it counts as delivered, what its delivery does to the order, and
// what a refund request about a parcel must say. Pure: lib/server/orders/delivery.ts and refunds.ts take the
// locks and save.
import { next, type OrderStatus, type ShipmentStatus } from "./order-state";

/** A shipment shipped this long ago and not confirmed by its buyer counts as delivered (the sweep). */
export const AUTO_DELIVER_AFTER_DAYS = 15;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Shipments shipped before this moment are due for automatic delivery at `now`. */
export function autoDeliverCutoff(now: Date): Date {
  return new Date(now.getTime() - AUTO_DELIVER_AFTER_DAYS * DAY_MS);
}

/**
 * The order's status once its shipments are as given, when a delivery moves it: DELIVERED when every live
 * (not cancelled) shipment is delivered, otherwise null (the order stays as it is). An order still marked PAID
 * or PARTIALLY_SHIPPED whose parcels are all delivered has shipped in full on the way (the machine's own
 * steps, shippedInFull then delivered); an order refunded or cancelled is never moved by a delivery.
 */
export function orderStatusAfterDelivery(order: OrderStatus, shipments: readonly ShipmentStatus[]): OrderStatus | null {
  const live = shipments.filter((s) => s !== "CANCELLED");
  if (live.length === 0 || live.some((s) => s !== "DELIVERED")) return null;
  const direct = next("order", order, "delivered");
  if (direct) return direct;
  const shipped = next("order", order, "shippedInFull");
  return shipped ? next("order", shipped, "delivered") : null;
}

/** When a parcel shipped at `shippedAt` counts as delivered unless its buyer confirms it first. */
export function autoDeliverAt(shippedAt: Date): Date {
  return new Date(shippedAt.getTime() + AUTO_DELIVER_AFTER_DAYS * DAY_MS);
}

/** The reasons a buyer picks for a refund request about a parcel (the Prisma enum RefundReason). */
export const REFUND_REASONS = ["DAMAGED", "WRONG_ITEM", "NOT_RECEIVED", "OTHER"] as const;
export type RefundReasonCode = (typeof REFUND_REASONS)[number];

/** A parcel that has left the cooperative: a refund request about it is after-sales. */
export const isDispatched = (status: ShipmentStatus): boolean => status === "SHIPPED" || status === "DELIVERED";

export type AfterSalesProblem = "shipmentRequired" | "shipmentNotDispatched" | "reasonCodeRequired" | "reasonTextRequired";

/**
 * What is missing from a refund request, given the order's shipments (null: nothing). Once any parcel of the
 * order has shipped, the request names one dispatched parcel of the order and a reason code; the free text is
 * required when no code says what went wrong (none given, or OTHER). `shipment` is the named shipment's status
 * when it belongs to the order (the caller refuses an id that does not), undefined when none is named.
 */
export function afterSalesProblem(input: {
  orderShipments: readonly ShipmentStatus[];
  shipment: ShipmentStatus | undefined;
  reasonCode: RefundReasonCode | undefined;
  reason: string;
}): AfterSalesProblem | null {
  const afterShipping = input.orderShipments.some(isDispatched);
  if (afterShipping && input.shipment === undefined) return "shipmentRequired";
  if (input.shipment !== undefined && !isDispatched(input.shipment)) return "shipmentNotDispatched";
  if (input.shipment !== undefined && input.reasonCode === undefined) return "reasonCodeRequired";
  if ((input.reasonCode === undefined || input.reasonCode === "OTHER") && input.reason.trim().length < 2) return "reasonTextRequired";
  return null;
}
