// Invariant 6 for a product in hand: only a certified cooperative's certified product is sold. Its other spelling,
// SELLABLE_WHERE (a database filter), is checked against isSellable on a real database in
// tests/integration/sellable.test.ts.
import { describe, expect, test } from "vitest";
import { isSellable, LOW_STOCK, stockLevel, type SellableProbe } from "@/lib/domain/catalog";

describe("isSellable", () => {
  test.each<[SellableProbe["certificationStatus"], SellableProbe["cooperative"]["status"], boolean]>([
    ["CERTIFIED", "CERTIFIED", true],
    ["CERTIFIED", "PENDING", false],
    ["CERTIFIED", "SUSPENDED", false],
    ["PENDING", "CERTIFIED", false],
    ["PENDING", "PENDING", false],
    ["PENDING", "SUSPENDED", false],
    ["REVOKED", "CERTIFIED", false],
    ["REVOKED", "PENDING", false],
    ["REVOKED", "SUSPENDED", false],
  ])("product %s, cooperative %s → %s", (certificationStatus, status, sellable) => {
    expect(isSellable({ certificationStatus, cooperative: { status } })).toBe(sellable);
  });
});

describe("stockLevel", () => {
  test.each([
    [-1, "soldOut"],
    [0, "soldOut"],
    [1, "low"],
    [LOW_STOCK, "low"],
    [LOW_STOCK + 1, "inStock"],
  ] as const)("%i → %s", (stock, level) => {
    expect(stockLevel(stock)).toBe(level);
  });
});
