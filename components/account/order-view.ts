// How the buyer's order page reads an order's states: pure, so the rules are tested without a page.
import type { OrderStatus, ShipmentStatus } from "@/lib/domain/order-state";

/** What the buyer reads about a parcel: "UNPAID" while its order waits for payment (not "to ship" yet). */
export type ParcelState = ShipmentStatus | "UNPAID";

/** A shipment is PENDING both before and after payment; before it, the parcel waits for the money, not the packer. */
export function parcelState(orderStatus: OrderStatus, shipmentStatus: ShipmentStatus): ParcelState {
  return orderStatus === "PENDING_PAYMENT" && shipmentStatus === "PENDING" ? "UNPAID" : shipmentStatus;
}

type Viewed = { status: OrderStatus; reservedUntil: Date | null; cancelledAt: Date | null; shipments: { status: ShipmentStatus }[] };

/**
 * An unpaid order whose reservation ran out is shown as cancelled (when its time ran out) before the sweep timer
 * gets to it: pages never write, and the buyer should not be offered a transfer or a cancel that is moot.
 */
export function asShown<O extends Viewed>(order: O, expired: boolean): O {
  if (!expired || order.status !== "PENDING_PAYMENT") return order;
  return { ...order, status: "CANCELLED", cancelledAt: order.reservedUntil, shipments: order.shipments.map((s) => ({ ...s, status: "CANCELLED" })) };
}

/** The order list's line about parcels, most advanced first: e.g. [{ DELIVERED, 1 }, { PENDING, 2 }]. */
const SUMMARY_ORDER: readonly ParcelState[] = ["DELIVERED", "SHIPPED", "PACKED", "PENDING", "UNPAID", "CANCELLED"];

/**
 * How many of an order's parcels are in each state, for the buyer's order list. Nothing for an order not (or
 * no longer) to be sent: unpaid, cancelled (its parcels are all cancelled), or refunded before any parcel left.
 */
export function shippingSummary(orderStatus: OrderStatus, shipments: readonly { status: ShipmentStatus }[]): { state: ParcelState; count: number }[] {
  if (orderStatus === "PENDING_PAYMENT" || orderStatus === "CANCELLED") return [];
  const counts = new Map<ParcelState, number>();
  for (const s of shipments) {
    const state = parcelState(orderStatus, s.status);
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  if (orderStatus === "REFUNDED" && !counts.has("SHIPPED") && !counts.has("DELIVERED")) return [];
  return SUMMARY_ORDER.filter((s) => counts.has(s)).map((state) => ({ state, count: counts.get(state) ?? 0 }));
}
