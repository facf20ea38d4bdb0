// Invariant 6 in its two spellings: isSellable for a product in hand, SELLABLE_WHERE for a write that must
// check the row it changes (a late payment taking stock again). They must say the same for every status pair.
import { describe, expect, test } from "vitest";
import { isSellable, LOW_STOCK, SELLABLE_WHERE, stockLevel, type SellableProbe } from "@/lib/domain/catalog";

const PRODUCT = ["PENDING", "CERTIFIED", "REVOKED"] as const;
const COOPERATIVE = ["PENDING", "CERTIFIED", "SUSPENDED"] as const;

/** What the database filter selects, evaluated on a plain object. */
const matchesWhere = (p: SellableProbe) => p.certificationStatus === SELLABLE_WHERE.certificationStatus && p.cooperative.status === SELLABLE_WHERE.cooperative.status;

describe("isSellable and SELLABLE_WHERE", () => {
  const cases = PRODUCT.flatMap((product) => COOPERATIVE.map((cooperative) => ({ product, cooperative, sellable: product === "CERTIFIED" && cooperative === "CERTIFIED" })));
  test.each(cases)("product $product, cooperative $cooperative → sellable: $sellable", ({ product, cooperative, sellable }) => {
    const probe: SellableProbe = { certificationStatus: product, cooperative: { status: cooperative } };
    expect(isSellable(probe)).toBe(sellable);
    expect(matchesWhere(probe)).toBe(sellable);
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
