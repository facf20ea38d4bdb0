// What a cooperative may do with a shipment given its order, and what shipping does to the order. The expected
// outcomes are written out by hand.
import { describe, expect, test } from "vitest";
import { decidePack, decideShip, isLate, orderBlocks, orderStatusAfterShipping, parcelReference, parseParcelReference } from "@/lib/domain/fulfilment";
import type { OrderStatus, RefundStatus, ShipmentStatus } from "@/lib/domain/order-state";

const data = { carrier: "SF", carrierName: null, trackingNumber: "SF1234567890123" };
const none: { status: RefundStatus }[] = [];

describe("orderBlocks", () => {
  test.each<[OrderStatus, RefundStatus[], string | null]>([
    ["PAID", [], null],
    ["PARTIALLY_SHIPPED", [], null],
    ["PAID", ["REJECTED", "SUCCEEDED", "FAILED"], null], // decided refunds (a partial one) do not block
    ["PAID", ["REQUESTED"], "openRefund"],
    ["PARTIALLY_SHIPPED", ["APPROVED"], "openRefund"],
    ["PENDING_PAYMENT", [], "orderNotPaid"],
    ["CANCELLED", [], "orderCancelled"],
    ["REFUNDED", [], "orderRefunded"],
  ])("%s with refunds %j → %s", (status, refunds, expected) => {
    expect(orderBlocks({ status }, refunds.map((r) => ({ status: r })))).toBe(expected);
  });
});

describe("decidePack", () => {
  test.each<[ShipmentStatus, OrderStatus, unknown]>([
    ["PENDING", "PAID", { kind: "move", to: "PACKED" }],
    ["PACKED", "PAID", { kind: "unchanged" }],
    ["SHIPPED", "PARTIALLY_SHIPPED", { kind: "refused", reason: "alreadyShipped" }],
    ["DELIVERED", "DELIVERED", { kind: "refused", reason: "delivered" }],
    ["CANCELLED", "CANCELLED", { kind: "refused", reason: "shipmentCancelled" }],
    ["PENDING", "PENDING_PAYMENT", { kind: "refused", reason: "orderNotPaid" }],
    ["PENDING", "REFUNDED", { kind: "refused", reason: "orderRefunded" }],
  ])("%s of a %s order → %j", (status, orderStatus, expected) => expect(decidePack({ status }, { status: orderStatus }, none)).toEqual(expected));
});

describe("decideShip", () => {
  const shipment = (status: ShipmentStatus, sent: Partial<typeof data> | null = null) => ({ status, carrier: sent?.carrier ?? null, carrierName: null, trackingNumber: sent?.trackingNumber ?? null });
  test.each<[string, ReturnType<typeof shipment>, OrderStatus, RefundStatus[], unknown]>([
    ["packed, paid", shipment("PACKED"), "PAID", [], { kind: "move", packedToo: false }],
    ["to pack, paid: packed on the way", shipment("PENDING"), "PAID", [], { kind: "move", packedToo: true }],
    ["packed, order partly shipped", shipment("PACKED"), "PARTIALLY_SHIPPED", [], { kind: "move", packedToo: false }],
    ["shipped with the same data", shipment("SHIPPED", data), "SHIPPED", [], { kind: "unchanged" }],
    ["shipped with another number", shipment("SHIPPED", { ...data, trackingNumber: "SF9999999999999" }), "SHIPPED", [], { kind: "refused", reason: "alreadyShipped" }],
    ["shipped with another carrier", shipment("SHIPPED", { ...data, carrier: "ZTO" }), "SHIPPED", [], { kind: "refused", reason: "alreadyShipped" }],
    ["shipped, an open refund since: the same data is still no change", shipment("SHIPPED", data), "SHIPPED", ["REQUESTED"], { kind: "unchanged" }],
    ["delivered", shipment("DELIVERED", data), "DELIVERED", [], { kind: "refused", reason: "delivered" }],
    ["cancelled", shipment("CANCELLED"), "CANCELLED", [], { kind: "refused", reason: "shipmentCancelled" }],
    ["open refund request", shipment("PACKED"), "PAID", ["REQUESTED"], { kind: "refused", reason: "openRefund" }],
    ["approved refund not yet paid", shipment("PENDING"), "PAID", ["APPROVED"], { kind: "refused", reason: "openRefund" }],
    ["refunded order (its parcel left PACKED)", shipment("PACKED"), "REFUNDED", [], { kind: "refused", reason: "orderRefunded" }],
    ["unpaid order", shipment("PENDING"), "PENDING_PAYMENT", [], { kind: "refused", reason: "orderNotPaid" }],
  ])("%s", (_name, s, orderStatus, refunds, expected) => {
    expect(decideShip(s, { status: orderStatus }, refunds.map((r) => ({ status: r })), data)).toEqual(expected);
  });
});

describe("orderStatusAfterShipping", () => {
  test.each<[OrderStatus, ShipmentStatus[], OrderStatus | null]>([
    ["PAID", ["SHIPPED", "PENDING", "PACKED"], "PARTIALLY_SHIPPED"],
    ["PARTIALLY_SHIPPED", ["SHIPPED", "SHIPPED", "PACKED"], null],
    ["PARTIALLY_SHIPPED", ["SHIPPED", "SHIPPED", "SHIPPED"], "SHIPPED"],
    ["PAID", ["SHIPPED"], "SHIPPED"],
    ["PARTIALLY_SHIPPED", ["DELIVERED", "SHIPPED"], "SHIPPED"],
    ["PAID", ["SHIPPED", "CANCELLED"], "SHIPPED"], // a cancelled parcel does not hold the order back
    ["PAID", ["PENDING", "PACKED"], null],
    ["SHIPPED", ["SHIPPED", "SHIPPED"], null],
    ["REFUNDED", ["SHIPPED"], null],
  ])("%s with %j → %s", (current, shipments, expected) => expect(orderStatusAfterShipping(current, shipments)).toBe(expected));
});

test("late after 48 hours", () => {
  const paid = new Date("2026-12-01T00:00:00Z");
  expect(isLate(paid, new Date("2026-12-03T00:00:00Z"))).toBe(false);
  expect(isLate(paid, new Date("2026-12-03T00:00:01Z"))).toBe(true);
});

describe("a parcel's reference on the slip and the pickup list", () => {
  test.each<[string, number, string]>([
    ["TX20261201-20KF0S", 0, "TX20261201-20KF0S"],
    ["TX20261201-20KF0S", 1, "TX20261201-20KF0S-1"],
    ["TX20261201-20KF0S", 500, "TX20261201-20KF0S-500"],
  ])("%s, recipient %i → %s, and back", (number, recipientNo, reference) => {
    expect(parcelReference(number, recipientNo)).toBe(reference);
    expect(parseParcelReference(reference)).toEqual({ orderNumber: number, recipientNo });
  });

  test.each([
    // Not a recipient: no number after the order's, a zero, a leading zero, too long, or not an order number at all.
    ["TX20261201-20KF0S-0", { orderNumber: "TX20261201-20KF0S-0", recipientNo: 0 }],
    ["TX20261201-20KF0S-07", { orderNumber: "TX20261201-20KF0S-07", recipientNo: 0 }],
    ["TX20261201-20KF0S-123456", { orderNumber: "TX20261201-20KF0S-123456", recipientNo: 0 }],
    ["SF1234567890-7", { orderNumber: "SF1234567890-7", recipientNo: 0 }],
  ])("%s → %j", (reference, parsed) => {
    expect(parseParcelReference(reference)).toEqual(parsed);
  });
});
