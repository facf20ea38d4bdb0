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
