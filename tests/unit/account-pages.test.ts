// The buyer's account, sign-in and checkout pages: English plurals in their messages, the way back to the
// checkout kept between sign-in and sign-up, and how an unpaid order's parcel reads.
import { describe, expect, test } from "vitest";
import { onwardPath, toCheckout, withNext } from "@/app/[locale]/(auth)/onward";
import { asShown, parcelState } from "@/components/account/order-view";
import { translator } from "@/lib/i18n/translate";

describe("English plurals and plain words", () => {
  const en = translator("en");
  const zh = translator("zh-CN");
  test.each([
    [1, "Too many attempts. Please try again in 1 minute."],
    [15, "Too many attempts. Please try again in 15 minutes."],
  ])("throttled, %i minute(s)", (minutes, expected) => {
    expect(en("auth.errors.throttled", { minutes })).toBe(expected);
  });

  test("the Chinese throttle message keeps its wording", () => {
    expect(zh("auth.errors.throttled", { minutes: 1 })).toBe("尝试次数过多，请 1 分钟后再试。");
  });

  test.each([
    ["impact.orders", { count: 1 }, "1 paid order"],
    ["impact.orders", { count: 3 }, "3 paid orders"],
    ["impact.villageHouseholds", { village: "Nanhongcheng", count: 1 }, "Nanhongcheng (1 household)"],
    ["impact.villageHouseholds", { village: "Nanhongcheng", count: 2 }, "Nanhongcheng (2 households)"],
  ] as const)("%s %j", (key, vars, expected) => {
    expect(en(key, vars)).toBe(expected);
  });

  test("households per village in Chinese: the 户 is in the message", () => {
    expect(zh("impact.villageHouseholds", { village: "南洪城村", count: 2 })).toBe("南洪城村（2 户）");
  });

  test("a held order's deadline is in Beijing time", () => {
    expect(zh("orders.reservedUntil", { time: new Date("2026-12-01T16:30:00Z") })).toContain("00:30");
  });

  test("no jargon for a cancelled order or missing online payment", () => {
    expect(zh("orders.cancelled")).toBe("订单已取消，未扣款。");
    expect(en("orders.cancelled")).toBe("Order cancelled. You were not charged.");
    expect(zh("checkout.noStripe")).not.toMatch(/Stripe|配置|库存/);
    expect(zh("checkout.noStripe")).toContain("仅支持对公转账");
    expect(zh("checkout.errors.stripeFailed")).not.toContain("库存");
  });
});

describe("the way back to the checkout", () => {
  test.each([
    ["/checkout", "/checkout"],
    ["/products?category=wine", "/products?category=wine"],
    ["/account", null],
    [undefined, null],
    [["/checkout", "/x"], null],
    ["//evil.example/checkout", null],
    ["https://evil.example/checkout", null],
    ["/\\evil.example", null],
    ["/admin", null],
    ["/coop/products", null],
    ["/api/auth/signout", null],
  ] as const)("next=%j → %j", (next, expected) => {
    expect(onwardPath(next as string | string[] | undefined)).toBe(expected);
  });

  test("a link to the other page keeps it, encoded", () => {
    expect(withNext("/sign-up", "/checkout")).toBe("/sign-up?next=%2Fcheckout");
    expect(withNext("/sign-in", null)).toBe("/sign-in");
  });

  test.each([
    ["/checkout", true],
    ["/checkout?x=1", true],
    ["/checkouts", false],
    ["/cart", false],
    [null, false],
  ] as const)("toCheckout(%j) = %j", (path, expected) => {
    expect(toCheckout(path)).toBe(expected);
  });
});

describe("an unpaid order's parcel", () => {
  test.each([
    ["PENDING_PAYMENT", "PENDING", "UNPAID"],
    ["PAID", "PENDING", "PENDING"],
    ["PARTIALLY_SHIPPED", "SHIPPED", "SHIPPED"],
    ["CANCELLED", "CANCELLED", "CANCELLED"],
  ] as const)("order %s, shipment %s → %s", (order, shipment, expected) => {
    expect(parcelState(order, shipment)).toBe(expected);
  });
});

describe("an unpaid order whose reservation ran out", () => {
  const until = new Date("2026-12-01T00:00:00Z");
  const order = { status: "PENDING_PAYMENT" as const, reservedUntil: until, cancelledAt: null, shipments: [{ status: "PENDING" as const }] };
  test("reads as cancelled at the end of its reservation, parcels too", () => {
    expect(asShown(order, true)).toEqual({ status: "CANCELLED", reservedUntil: until, cancelledAt: until, shipments: [{ status: "CANCELLED" }] });
  });
  test("is left alone while the reservation runs", () => {
    expect(asShown(order, false)).toBe(order);
  });
  test("a paid order is never rewritten", () => {
    const paid = { ...order, status: "PAID" as const };
    expect(asShown(paid, true)).toBe(paid);
  });
});
