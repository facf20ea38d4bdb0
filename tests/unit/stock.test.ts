// The stock rules (lib/domain/stock.ts): what each adjustment does to the stock on sale, and every refusal.
// Units on hand = stock on sale + units held by unpaid orders; nothing may take units those orders hold.
import { describe, expect, test } from "vitest";
import { isLowStock, MAX_LOW_STOCK_THRESHOLD, MAX_STOCK_UNITS, parseUnits, planAdjustment, type AdjustmentPlan, type StockReason } from "@/lib/domain/stock";

describe("planAdjustment", () => {
  test.each<[StockReason, number, number, number, AdjustmentPlan]>([
    // reason, units, stock, reserved → plan
    ["RECEIVED", 10, 0, 0, { ok: true, delta: 10, stockAfter: 10 }],
    ["RECEIVED", 1, 5, 3, { ok: true, delta: 1, stockAfter: 6 }],
    ["RECEIVED", 0, 5, 0, { ok: false, reason: "zeroUnits" }],
    ["RECEIVED", MAX_STOCK_UNITS, 1, 0, { ok: false, reason: "tooMuchStock", max: MAX_STOCK_UNITS }],
    ["RECEIVED", MAX_STOCK_UNITS - 10, 5, 5, { ok: true, delta: MAX_STOCK_UNITS - 10, stockAfter: MAX_STOCK_UNITS - 5 }],
    ["RECEIVED", MAX_STOCK_UNITS - 10, 5, 6, { ok: false, reason: "tooMuchStock", max: MAX_STOCK_UNITS }],
    ["DAMAGE", 3, 10, 0, { ok: true, delta: -3, stockAfter: 7 }],
    ["DAMAGE", 10, 10, 4, { ok: true, delta: -10, stockAfter: 0 }],
    ["DAMAGE", 11, 10, 4, { ok: false, reason: "damageAboveStock", stock: 10, reserved: 4 }],
    ["DAMAGE", 1, 0, 2, { ok: false, reason: "damageAboveStock", stock: 0, reserved: 2 }],
    ["DAMAGE", 0, 10, 0, { ok: false, reason: "zeroUnits" }],
    // A stocktake counts every unit on hand, including those unpaid orders hold: on sale = counted − held.
    ["STOCKTAKE", 20, 12, 5, { ok: true, delta: 3, stockAfter: 15 }],
    ["STOCKTAKE", 5, 12, 5, { ok: true, delta: -12, stockAfter: 0 }],
    ["STOCKTAKE", 17, 12, 5, { ok: true, delta: 0, stockAfter: 12 }],
    ["STOCKTAKE", 0, 3, 0, { ok: true, delta: -3, stockAfter: 0 }],
    ["STOCKTAKE", 4, 12, 5, { ok: false, reason: "countBelowReserved", reserved: 5 }],
    ["STOCKTAKE", 0, 0, 1, { ok: false, reason: "countBelowReserved", reserved: 1 }],
    ["STOCKTAKE", MAX_STOCK_UNITS, 0, 0, { ok: true, delta: MAX_STOCK_UNITS, stockAfter: MAX_STOCK_UNITS }],
    // Units that are not whole, negative or absurd never reach the arithmetic.
    ["RECEIVED", -1, 5, 0, { ok: false, reason: "invalidUnits" }],
    ["DAMAGE", -4, 5, 0, { ok: false, reason: "invalidUnits" }],
    ["RECEIVED", 1.5, 5, 0, { ok: false, reason: "invalidUnits" }],
    ["STOCKTAKE", 2.5, 0, 0, { ok: false, reason: "invalidUnits" }],
    ["RECEIVED", Number.NaN, 5, 0, { ok: false, reason: "invalidUnits" }],
    ["RECEIVED", Number.POSITIVE_INFINITY, 5, 0, { ok: false, reason: "invalidUnits" }],
    ["STOCKTAKE", MAX_STOCK_UNITS + 1, 0, 0, { ok: false, reason: "invalidUnits" }],
  ])("%s %d with stock %d and %d held → %j", (reason, units, stock, reserved, expected) => {
    expect(planAdjustment(reason, units, { stock, reserved })).toEqual(expected);
  });

  // Whatever the inputs, an accepted plan never leaves the stock negative and moves it by exactly its delta.
  test("no accepted plan leaves the stock below zero", () => {
    for (const reason of ["RECEIVED", "DAMAGE", "STOCKTAKE"] as const)
      for (const stock of [0, 1, 7, 50])
        for (const reserved of [0, 1, 7, 50])
          for (const units of [0, 1, 6, 7, 8, 49, 50, 51, 57, 100]) {
            const plan = planAdjustment(reason, units, { stock, reserved });
            if (!plan.ok) continue;
            expect(plan.stockAfter).toBeGreaterThanOrEqual(0);
            expect(plan.stockAfter - stock).toBe(plan.delta);
            if (reason === "STOCKTAKE") expect(plan.stockAfter + reserved).toBe(units);
          }
  });
});

describe("parseUnits", () => {
  test.each([
    ["12", 12],
    [" 12 ", 12],
    ["0", 0],
    ["007", 7],
    ["１２", 12], // a Chinese keyboard's full-width digits
    [String(MAX_STOCK_UNITS), MAX_STOCK_UNITS],
  ])("%j → %i", (input, value) => {
    expect(parseUnits(input)).toEqual({ ok: true, value });
  });

  test.each([
    ["", "required"],
    ["   ", "required"],
    ["-3", "negative"],
    ["- 3", "negative"],
    ["1.5", "notWholeNumber"],
    ["1.0", "notWholeNumber"],
    ["+3", "notWholeNumber"],
    ["1e3", "notWholeNumber"],
    ["12件", "notWholeNumber"],
    ["0x10", "notWholeNumber"],
    ["1,000", "notWholeNumber"],
    [String(MAX_STOCK_UNITS + 1), "tooLarge"],
    ["99999999999999999999999", "tooLarge"],
  ])("%j → %s", (input, reason) => {
    expect(parseUnits(input)).toEqual({ ok: false, reason });
  });

  test.each([
    ["0", { ok: true, value: 0 }],
    [String(MAX_LOW_STOCK_THRESHOLD), { ok: true, value: MAX_LOW_STOCK_THRESHOLD }],
    [String(MAX_LOW_STOCK_THRESHOLD + 1), { ok: false, reason: "tooLarge" }],
  ])("threshold %j → %j", (input, expected) => {
    expect(parseUnits(input, MAX_LOW_STOCK_THRESHOLD)).toEqual(expected);
  });
});

test.each([
  [0, 0, true],
  [10, 10, true],
  [11, 10, false],
  [0, 5, true],
  [1, 0, false],
])("stock %i with threshold %i is low: %s", (stock, threshold, low) => {
  expect(isLowStock(stock, threshold)).toBe(low);
});
