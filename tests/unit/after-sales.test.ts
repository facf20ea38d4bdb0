// What a refund request must say once a parcel has shipped (lib/domain/delivery.ts afterSalesProblem), the form's
// schema, and the order list's line about parcels.
import { describe, expect, test } from "vitest";
import { shippingSummary } from "@/components/account/order-view";
import { afterSalesProblem, type AfterSalesProblem, type RefundReasonCode } from "@/lib/domain/delivery";
import type { OrderStatus, ShipmentStatus } from "@/lib/domain/order-state";
import { afterSalesRefundSchema, mailPreferencesSchema } from "@/lib/validation/after-sales";

describe("a refund request, before and after shipping", () => {
  test.each<[string, ShipmentStatus[], ShipmentStatus | undefined, RefundReasonCode | undefined, string, AfterSalesProblem | null]>([
    ["before shipping, a reason in words", ["PENDING", "PACKED"], undefined, undefined, "不想要了", null],
    ["before shipping, no words", ["PENDING"], undefined, undefined, " ", "reasonTextRequired"],
    ["after shipping, no parcel named", ["SHIPPED", "PENDING"], undefined, "DAMAGED", "", "shipmentRequired"],
    ["after delivery, no parcel named", ["DELIVERED"], undefined, undefined, "坏了", "shipmentRequired"],
    ["a parcel not yet sent named", ["SHIPPED", "PACKED"], "PACKED", "NOT_RECEIVED", "", "shipmentNotDispatched"],
    ["a cancelled parcel named", ["SHIPPED", "CANCELLED"], "CANCELLED", "DAMAGED", "", "shipmentNotDispatched"],
    ["a shipped parcel and no reason code", ["SHIPPED"], "SHIPPED", undefined, "坏了", "reasonCodeRequired"],
    ["damaged, no words needed", ["SHIPPED"], "SHIPPED", "DAMAGED", "", null],
    ["wrong item on a delivered parcel", ["DELIVERED"], "DELIVERED", "WRONG_ITEM", "", null],
    ["not received", ["SHIPPED"], "SHIPPED", "NOT_RECEIVED", "", null],
    ["other needs words", ["SHIPPED"], "SHIPPED", "OTHER", "", "reasonTextRequired"],
    ["other with words", ["SHIPPED"], "SHIPPED", "OTHER", "少了一瓶", null],
  ])("%s", (_label, orderShipments, shipment, reasonCode, reason, expected) => {
    expect(afterSalesProblem({ orderShipments, shipment, reasonCode, reason })).toBe(expected);
  });
});

describe("the refund form's schema", () => {
  test("blank selects are no value; a request before shipping is the old one", () => {
    const parsed = afterSalesRefundSchema.safeParse({ orderId: "o1", shipmentId: "", reasonCode: "", reason: " 单位活动取消 " });
    expect(parsed.success && parsed.data).toEqual({ orderId: "o1", shipmentId: undefined, reasonCode: undefined, reason: "单位活动取消" });
  });

  test.each([
    [{ orderId: "o1", reason: "" }, "reason"],
    [{ orderId: "o1", shipmentId: "s1", reason: "坏了" }, "reasonCode"],
    [{ orderId: "o1", shipmentId: "s1", reasonCode: "LOST", reason: "" }, "reasonCode"],
    [{ orderId: "o1", shipmentId: "s1", reasonCode: "OTHER", reason: "x" }, "reason"],
    [{ orderId: "o1", shipmentId: "s\u0000", reasonCode: "DAMAGED" }, "shipmentId"],
  ])("%j is refused at %s", (input, field) => {
    const parsed = afterSalesRefundSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain(field);
  });

  test("a parcel and a code are enough", () => {
    expect(afterSalesRefundSchema.safeParse({ orderId: "o1", shipmentId: "s1", reasonCode: "DAMAGED" }).success).toBe(true);
  });

  test.each([
    [{ nonEssential: "on" }, true],
    [{}, false],
    [{ nonEssential: "" }, false],
  ])("mail preference %j → non-essential %s", (input, expected) => {
    expect(mailPreferencesSchema.parse(input).nonEssential).toBe(expected);
  });
});

describe("the order list's line about parcels", () => {
  const p = (...s: ShipmentStatus[]) => s.map((status) => ({ status }));
  test.each<[OrderStatus, { status: ShipmentStatus }[], { state: string; count: number }[]]>([
    ["PENDING_PAYMENT", p("PENDING", "PENDING"), []],
    ["CANCELLED", p("CANCELLED"), []],
    ["PAID", p("PENDING", "PENDING"), [{ state: "PENDING", count: 2 }]],
    ["PARTIALLY_SHIPPED", p("PENDING", "SHIPPED", "PACKED"), [{ state: "SHIPPED", count: 1 }, { state: "PACKED", count: 1 }, { state: "PENDING", count: 1 }]],
    ["SHIPPED", p("SHIPPED", "DELIVERED"), [{ state: "DELIVERED", count: 1 }, { state: "SHIPPED", count: 1 }]],
    ["REFUNDED", p("CANCELLED", "CANCELLED"), []],
    ["REFUNDED", p("DELIVERED", "CANCELLED"), [{ state: "DELIVERED", count: 1 }, { state: "CANCELLED", count: 1 }]],
  ])("order %s, parcels %j", (order, parcels, expected) => {
    expect(shippingSummary(order, parcels)).toEqual(expected);
  });
});
