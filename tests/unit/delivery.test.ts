// When a parcel counts as delivered and what that does to its order: every order status against every mix of
// parcel states that matters, and the 15-day boundary of the sweep.
import { describe, expect, test } from "vitest";
import { AUTO_DELIVER_AFTER_DAYS, autoDeliverAt, autoDeliverCutoff, orderStatusAfterDelivery } from "@/lib/domain/delivery";
import { ORDER_STATUSES, type OrderStatus, type ShipmentStatus } from "@/lib/domain/order-state";

describe("the order once a parcel is delivered", () => {
  test.each<[OrderStatus, ShipmentStatus[], OrderStatus | null]>([
    // Every live parcel delivered: the order is delivered.
    ["SHIPPED", ["DELIVERED"], "DELIVERED"],
    ["SHIPPED", ["DELIVERED", "DELIVERED", "DELIVERED"], "DELIVERED"],
    // A cancelled parcel does not hold the order back (it is not live).
    ["SHIPPED", ["DELIVERED", "CANCELLED"], "DELIVERED"],
    // One parcel still on its way, or not sent: the order stays.
    ["SHIPPED", ["DELIVERED", "SHIPPED"], null],
    ["PARTIALLY_SHIPPED", ["DELIVERED", "PENDING"], null],
    ["PARTIALLY_SHIPPED", ["DELIVERED", "PACKED"], null],
    // Parcels all delivered while the order was never moved past PAID/PARTIALLY_SHIPPED: shipped in full on the way.
    ["PAID", ["DELIVERED"], "DELIVERED"],
    ["PARTIALLY_SHIPPED", ["DELIVERED", "DELIVERED"], "DELIVERED"],
    // Refunded, cancelled or unpaid orders are never moved by a delivery; a delivered one stays.
    ["REFUNDED", ["DELIVERED"], null],
    ["CANCELLED", ["DELIVERED"], null],
    ["PENDING_PAYMENT", ["DELIVERED"], null],
    ["DELIVERED", ["DELIVERED"], null],
    // No live parcel at all: nothing to deliver.
    ["SHIPPED", ["CANCELLED"], null],
    ["SHIPPED", [], null],
  ])("order %s with parcels %j → %s", (order, parcels, expected) => {
    expect(orderStatusAfterDelivery(order, parcels)).toBe(expected);
  });

  test.each(ORDER_STATUSES)("order %s: a parcel still shipped keeps it as it is", (order) => {
    expect(orderStatusAfterDelivery(order, ["DELIVERED", "SHIPPED"])).toBeNull();
  });
});

describe("the 15-day boundary", () => {
  const now = new Date("2026-12-16T04:00:00Z");
  test("the cutoff is exactly 15 days of 24 hours before now, and autoDeliverAt is its inverse", () => {
    expect(AUTO_DELIVER_AFTER_DAYS).toBe(15);
    expect(autoDeliverCutoff(now).toISOString()).toBe("2026-12-01T04:00:00.000Z");
    expect(autoDeliverAt(autoDeliverCutoff(now)).getTime()).toBe(now.getTime());
  });

  test.each([
    ["14 days ago", new Date("2026-12-02T04:00:00Z"), false],
    ["15 days ago to the millisecond (not more than 15)", new Date("2026-12-01T04:00:00Z"), false],
    ["15 days and a second ago", new Date("2026-12-01T03:59:59Z"), true],
    ["30 days ago", new Date("2026-11-16T04:00:00Z"), true],
  ])("shipped %s → due: %s", (_label, shippedAt, due) => {
    expect(shippedAt < autoDeliverCutoff(now)).toBe(due);
  });
});
