import { describe, expect, test } from "vitest";
import type { CooperativeTerms } from "@/lib/domain/checkout";
import { giftOrderQuote, type GiftOrderProduct } from "@/lib/domain/gift-order";

// Two cooperatives: A charges ¥10 below ¥99, B ¥8 below ¥200.
const terms = new Map<string, CooperativeTerms>([
  ["A", { shippingFeeFen: 1000, freeShippingMinFen: 9900 }],
  ["B", { shippingFeeFen: 800, freeShippingMinFen: 20000 }],
]);
const products = new Map<string, GiftOrderProduct>([
  // ≥50 −5%, ≥200 −8% on ¥39.90
  ["wine", { id: "wine", cooperativeId: "A", listPriceFen: 3990, tiers: [{ minQuantity: 50, discountBp: 500 }, { minQuantity: 200, discountBp: 800 }], minOrderQuantity: 1 }],
  ["dates", { id: "dates", cooperativeId: "B", listPriceFen: 2580, tiers: [], minOrderQuantity: 1 }],
  ["millet", { id: "millet", cooperativeId: "A", listPriceFen: 1234, tiers: [], minOrderQuantity: 10 }],
]);
const ids = ["wine", "dates", "millet"];

describe("giftOrderQuote", () => {
  test.each<[string, { quantities: Record<string, number> }[], { items: number; shipping: number; parcels: number; wineUnit?: number }]>([
    // one recipient, one product from A: ¥39.90 + ¥10 shipping
    ["one gift", [{ quantities: { wine: 1 } }], { items: 3990, shipping: 1000, parcels: 1, wineUnit: 3990 }],
    // 3 bottles = ¥119.70 ≥ ¥99: that parcel ships free; the other pays
    ["a parcel over the threshold ships free", [{ quantities: { wine: 3 } }, { quantities: { wine: 1 } }], { items: 4 * 3990, shipping: 1000, parcels: 2 }],
    // wine from A and dates from B: two parcels for one person
    ["two cooperatives, two parcels", [{ quantities: { wine: 1, dates: 1 } }], { items: 3990 + 2580, shipping: 1800, parcels: 2 }],
    // wine and millet both from A: one parcel
    ["two products of one cooperative, one parcel", [{ quantities: { wine: 1, millet: 10 } }], { items: 3990 + 12340, shipping: 0, parcels: 1 }],
    // 50 recipients × 1 bottle: the list's 50 reach the −5% tier, ¥37.905 → ¥37.91 each (half up)
    ["the list's total reaches a tier", Array.from({ length: 50 }, () => ({ quantities: { wine: 1 } })), { items: 50 * 3791, shipping: 50 * 1000, parcels: 50, wineUnit: 3791 }],
    // 200 × 1: −8%, ¥36.708 → ¥36.71
    ["the top tier", Array.from({ length: 200 }, () => ({ quantities: { wine: 1 } })), { items: 200 * 3671, shipping: 200 * 1000, parcels: 200, wineUnit: 3671 }],
  ])("%s", (_name, recipients, want) => {
    const q = giftOrderQuote(recipients, ids, products, terms);
    if (!q.ok) throw new Error("refused");
    expect(q.itemsFen).toBe(want.items);
    expect(q.shippingFen).toBe(want.shipping);
    expect(q.totalFen).toBe(want.items + want.shipping);
    expect(q.parcels).toHaveLength(want.parcels);
    // The lines add up to the products' totals, and the parcels to the order, to the fen.
    expect(q.parcels.reduce((s, p) => s + p.lines.reduce((x, l) => x + l.lineTotalFen, 0), 0)).toBe(q.itemsFen);
    expect(q.products.reduce((s, p) => s + p.itemsFen, 0)).toBe(q.itemsFen);
    for (const p of q.parcels) expect(p.itemsFen).toBe(p.lines.reduce((x, l) => x + l.lineTotalFen, 0));
    if (want.wineUnit) expect(q.products.find((p) => p.productId === "wine")?.unitPriceFen).toBe(want.wineUnit);
  });

  test("recipients are numbered from 1 in list order; a recipient's parcels follow the columns' cooperatives", () => {
    const q = giftOrderQuote([{ quantities: { dates: 1 } }, { quantities: { millet: 10, dates: 2 } }], ids, products, terms);
    if (!q.ok) throw new Error("refused");
    expect(q.parcels.map((p) => [p.recipientNo, p.cooperativeId])).toEqual([
      [1, "B"],
      [2, "B"],
      [2, "A"],
    ]);
  });

  test("a product whose list total is below its minimum order is refused, with the minimum", () => {
    const q = giftOrderQuote([{ quantities: { millet: 4 } }, { quantities: { millet: 5 } }], ids, products, terms);
    expect(q).toEqual({ ok: false, problems: [{ productId: "millet", code: "belowMinOrder", minOrder: 10 }] });
    // Across the list it counts: 5 + 5 meets 10 though each row is below it.
    expect(giftOrderQuote([{ quantities: { millet: 5 } }, { quantities: { millet: 5 } }], ids, products, terms).ok).toBe(true);
  });

  test("a quantity for a product outside the columns is a bug, not a price", () => {
    expect(() => giftOrderQuote([{ quantities: { honey: 1 } }], ids, products, terms)).toThrow();
  });
});
