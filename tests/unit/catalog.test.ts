// Invariant 6 for a product in hand: only a certified cooperative's certified product, on sale under a
// certificate valid today, is sold. Its other spelling, sellableWhere (a database filter), is checked against isSellable on a real database in
// tests/integration/sellable.test.ts.
import { describe, expect, test } from "vitest";
import { isSellable, LOW_STOCK, stockLevel, type SellableProbe } from "@/lib/domain/catalog";

describe("isSellable", () => {
  const NOW = new Date("2026-11-30T15:30:00.000Z"); // 23:30 in Beijing, 30 November
  const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  const onSale: SellableProbe = {
    listingStatus: "ON_SALE",
    certificationStatus: "CERTIFIED",
    certificateValidFrom: day("2026-01-01"),
    certificateValidUntil: day("2026-11-30"),
    cooperative: { status: "CERTIFIED" },
  };
  test.each<[string, Partial<SellableProbe>, boolean]>([
    ["on sale, certified, valid through today, certified cooperative", {}, true],
    ["no start date", { certificateValidFrom: null }, true],
    ["valid from tomorrow", { certificateValidFrom: day("2026-12-01") }, false],
    ["expired yesterday (Beijing day)", { certificateValidUntil: day("2026-11-29") }, false],
    ["no validity recorded", { certificateValidUntil: null }, false],
    ["certificate revoked", { certificationStatus: "REVOKED" }, false],
    ["certificate expired", { certificationStatus: "EXPIRED" }, false],
    ["never certified", { certificationStatus: "PENDING" }, false],
    ["off sale", { listingStatus: "OFF_SALE" }, false],
    ["a draft", { listingStatus: "DRAFT" }, false],
    ["in review", { listingStatus: "IN_REVIEW" }, false],
    ["archived", { listingStatus: "ARCHIVED" }, false],
    ["cooperative pending", { cooperative: { status: "PENDING" } }, false],
    ["cooperative suspended", { cooperative: { status: "SUSPENDED" } }, false],
  ])("%s → %s", (_, change, expected) => {
    expect(isSellable({ ...onSale, ...change }, NOW)).toBe(expected);
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
