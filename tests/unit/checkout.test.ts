import { describe, expect, test } from "vitest";
import { cartFingerprint, cartLineRefusal, MAX_QUANTITY_PER_LINE, orderNumber, orderTotals, shippingFor, stockTakeRefusal, transferReference } from "@/lib/domain/checkout";
import { addToCartSchema, setCartQuantitySchema } from "@/lib/validation/checkout";

const terms = new Map([
  ["grape", { shippingFeeFen: 1000, freeShippingMinFen: 9900 }],
  ["canning", { shippingFeeFen: 800, freeShippingMinFen: 5000 }],
]);

describe("shippingFor", () => {
  test.each([
    [9899, 1000, "below the threshold: the fee"],
    [9900, 0, "at the threshold: free"],
    [0, 1000, "nothing bought (never charged in practice)"],
  ])("%i fen of items → %i fen (%s)", (items, fen) => {
    expect(shippingFor(items, { shippingFeeFen: 1000, freeShippingMinFen: 9900 })).toBe(fen);
  });
});

describe("orderTotals", () => {
  test.each([
    {
      why: "one cooperative under its threshold pays shipping",
      lines: [{ productId: "a", cooperativeId: "grape", unitPriceFen: 4500, quantity: 2 }],
      expected: { itemsFen: 9000, shippingFen: 1000, totalFen: 10000 },
    },
    {
      why: "each cooperative ships and charges separately",
      lines: [
        { productId: "a", cooperativeId: "grape", unitPriceFen: 12800, quantity: 1 },
        { productId: "b", cooperativeId: "canning", unitPriceFen: 1990, quantity: 2 },
      ],
      expected: { itemsFen: 16780, shippingFen: 800, totalFen: 17580 },
    },
    {
      why: "two products of one cooperative add up towards free shipping",
      lines: [
        { productId: "a", cooperativeId: "canning", unitPriceFen: 2500, quantity: 1 },
        { productId: "b", cooperativeId: "canning", unitPriceFen: 2500, quantity: 1 },
      ],
      expected: { itemsFen: 5000, shippingFen: 0, totalFen: 5000 },
    },
  ])("$why", ({ lines, expected }) => {
    const t = orderTotals(lines, terms);
    expect({ itemsFen: t.itemsFen, shippingFen: t.shippingFen, totalFen: t.totalFen }).toEqual(expected);
    expect(t.discountFen).toBe(0);
    expect(t.shipments.reduce((s, x) => s + x.itemsFen + x.shippingFen, 0)).toBe(t.totalFen);
  });

  test.each([
    [{ productId: "a", cooperativeId: "grape", unitPriceFen: 100, quantity: 0 }],
    [{ productId: "a", cooperativeId: "grape", unitPriceFen: 100, quantity: 1.5 }],
    [{ productId: "a", cooperativeId: "grape", unitPriceFen: 99.5, quantity: 1 }],
  ])("refuses %j", (line) => {
    expect(() => orderTotals([line], terms)).toThrow(RangeError);
  });
});

describe("references", () => {
  const fixed = (n: number) => new Uint8Array(Array.from({ length: n }, (_, i) => i * 7));
  test("order number: TX + Shanghai date + 6 characters", () => {
    // 2026-11-28 20:00 UTC is already the 29th in Beijing.
    expect(orderNumber(new Date("2026-11-28T20:00:00Z"), fixed)).toMatch(/^TX20261129-[0-9A-HJKMNP-TV-Z]{6}$/);
  });
  test("transfer reference: readable Crockford characters", () => {
    expect(transferReference(fixed)).toMatch(/^TXZZ-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
  test("cart fingerprint ignores order, not quantities", () => {
    const a = cartFingerprint([{ productId: "p1", quantity: 1 }, { productId: "p2", quantity: 3 }]);
    expect(cartFingerprint([{ productId: "p2", quantity: 3 }, { productId: "p1", quantity: 1 }])).toBe(a);
    expect(cartFingerprint([{ productId: "p1", quantity: 2 }, { productId: "p2", quantity: 3 }])).not.toBe(a);
  });
});

describe("quantities from the browser", () => {
  test.each([
    ["1", true],
    ["99", true],
    ["9999", true], // a canteen's order (issue 15)
    ["0", false],
    ["-1", false],
    ["1.5", false],
    ["10000", false],
    ["abc", false],
    ["", false],
  ])("add %s → %s", (quantity, ok) => {
    expect(addToCartSchema.safeParse({ productId: "p", quantity }).success).toBe(ok);
  });

  test("setting 0 removes; a price in the form is ignored, never read", () => {
    const parsed = setCartQuantitySchema.parse({ productId: "p", quantity: "0", priceFen: "1" });
    expect(parsed).toEqual({ productId: "p", quantity: 0 });
  });
});

describe("stockTakeRefusal", () => {
  test.each([
    { why: "every product taken and for sale", wanted: ["b", "a"], taken: [["a", true], ["b", true]], expected: null },
    { why: "one product short", wanted: ["a", "b"], taken: [["a", true]], expected: { code: "soldOut", productId: "b" } },
    { why: "two short: the first in lock (id) order, whatever the cart's order", wanted: ["c", "b", "a"], taken: [["a", true]], expected: { code: "soldOut", productId: "b" } },
    { why: "nothing taken", wanted: ["z"], taken: [], expected: { code: "soldOut", productId: "z" } },
    { why: "taken but off sale under the lock", wanted: ["a", "b"], taken: [["a", true], ["b", false]], expected: { code: "unavailable", productId: "b" } },
    { why: "off sale comes before short: the buyer cannot fix it by waiting", wanted: ["a", "b"], taken: [["b", false]], expected: { code: "unavailable", productId: "b" } },
    { why: "the first product off sale in id order", wanted: ["d", "c", "a"], taken: [["a", true], ["c", false], ["d", false]], expected: { code: "unavailable", productId: "c" } },
  ] as const)("$why", ({ wanted, taken, expected }) => {
    expect(stockTakeRefusal(wanted, new Map(taken))).toEqual(expected);
  });
});

describe("cartLineRefusal: a cart line's units against the product's stock and minimum order", () => {
  const product = (stock: number, minOrderQuantity = 1) => ({ stock, minOrderQuantity });
  test.each([
    ["within stock", product(10), 10, 0, null],
    ["one above stock, nothing in the line", product(10), 11, 0, { code: "aboveStock", canAdd: 10 }],
    ["adding 5 to a line of 8, stock 10: 2 more fit", product(10), 13, 8, { code: "aboveStock", canAdd: 2 }],
    ["a full line: none more", product(10), 11, 10, { code: "aboveStock", canAdd: 0 }],
    ["a line already above a stock that fell: none more, never negative", product(3), 6, 5, { code: "aboveStock", canAdd: 0 }],
    ["the per-line cap below the stock", product(MAX_QUANTITY_PER_LINE + 50), MAX_QUANTITY_PER_LINE + 1, 0, { code: "aboveStock", canAdd: MAX_QUANTITY_PER_LINE }],
    ["sold out", product(0), 1, 0, { code: "aboveStock", canAdd: 0 }],
    ["below a canteen pack's minimum", product(500, 6), 5, 0, { code: "belowMinOrder", minOrder: 6 }],
    ["at the minimum", product(500, 6), 6, 0, null],
    ["above stock comes first when both hold", product(4, 6), 5, 0, { code: "aboveStock", canAdd: 4 }],
    ["zero removes the line, whatever the product", product(0, 6), 0, 3, null],
  ] as const)("%s", (_why, p, total, current, expected) => {
    expect(cartLineRefusal(p, total, current)).toEqual(expected);
  });
});
