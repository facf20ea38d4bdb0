// Which cache tags a stock movement invalidates, and how long a cached read's stock figures hold. Both decide
// whether a buyer sees a wrong stock figure or the shop rebuilds pages nobody changed, so each case below names
// the mistake it would catch.
import { describe, expect, test } from "vitest";
import { LOW_STOCK } from "@/lib/domain/catalog";
import { availability, earliest } from "@/lib/server/queries/catalog/availability";
import { catalogTags, stockChangeTags, type StockChange } from "@/lib/server/queries/catalog/tags";

const product = catalogTags.product;
const card = catalogTags.card;

describe("stockChangeTags: an order invalidates only what it touched", () => {
  test.each<{ why: string; changes: StockChange[]; tags: string[] }>([
    { why: "nothing touched, nothing invalidated", changes: [], tags: [] },
    {
      why: "a sale far from the thresholds: nothing (the page's count is read again by the browser)",
      changes: [{ productId: "a", stockAfter: 170, delta: -9 }],
      tags: [],
    },
    {
      why: "the last units sold: in stock → sold out, so the listings showing its card too",
      changes: [{ productId: "a", stockAfter: 0, delta: -10 }],
      tags: [product("a"), card("a")],
    },
    {
      why: "in stock → low",
      changes: [{ productId: "a", stockAfter: LOW_STOCK, delta: -1 }],
      tags: [product("a"), card("a")],
    },
    {
      why: "low → in stock after a cancellation",
      changes: [{ productId: "a", stockAfter: LOW_STOCK + 1, delta: 1 }],
      tags: [product("a"), card("a")],
    },
    {
      why: "a release far from the thresholds",
      changes: [{ productId: "a", stockAfter: 50, delta: 3 }],
      tags: [],
    },
    {
      why: "still low after the change: another order may have crossed the threshold meanwhile",
      changes: [{ productId: "a", stockAfter: 3, delta: -1 }],
      tags: [product("a"), card("a")],
    },
    {
      why: "direction unknown (a webhook): the card too",
      changes: [{ productId: "a", stockAfter: 80, delta: null }],
      tags: [product("a"), card("a")],
    },
    {
      why: "two lines of one product count once, with their summed quantity (1 + 1 back takes low to in stock)",
      changes: [
        { productId: "a", stockAfter: LOW_STOCK + 2, delta: 1 },
        { productId: "a", stockAfter: LOW_STOCK + 2, delta: 1 },
      ],
      tags: [product("a"), card("a")],
    },
    {
      why: "two products: each decided on its own, an untouched third never appears",
      changes: [
        { productId: "a", stockAfter: 100, delta: -1 },
        { productId: "b", stockAfter: 0, delta: -2 },
      ],
      tags: [product("b"), card("b")],
    },
  ])("$why", ({ changes, tags }) => {
    expect(stockChangeTags(changes)).toEqual(tags);
  });

  test("never a cooperative, village or all-listings tag", () => {
    const tags = stockChangeTags([
      { productId: "a", stockAfter: 0, delta: -5 },
      { productId: "b", stockAfter: 1, delta: null },
    ]);
    expect(tags.filter((t) => !t.startsWith("product:") && !t.startsWith("card:"))).toEqual([]);
    expect(tags).not.toContain(catalogTags.listings);
  });
});

describe("availability: expired, unswept reservations count as on sale, and the figure's lifetime", () => {
  const now = 1_000_000;
  test.each([
    { why: "no holds", stock: 7, holds: [], exact: true, shown: 7, until: null },
    { why: "an expired hold is on sale again", stock: 0, holds: [{ quantity: 3, expiresAt: now - 1 }], exact: true, shown: 3, until: null },
    { why: "a hold expiring exactly now counts as expired", stock: 0, holds: [{ quantity: 2, expiresAt: now }], exact: true, shown: 2, until: null },
    { why: "product page: the next expiry changes the number", stock: 10, holds: [{ quantity: 1, expiresAt: now + 60_000 }], exact: true, shown: 10, until: now + 60_000 },
    { why: "listing: an expiry that keeps the level does not bound the card", stock: 10, holds: [{ quantity: 1, expiresAt: now + 60_000 }], exact: false, shown: 10, until: null },
    {
      why: "listing: the first expiry that turns sold out into low bounds it",
      stock: 0,
      holds: [
        { quantity: 2, expiresAt: now + 90_000 },
        { quantity: 1, expiresAt: now + 30_000 },
      ],
      exact: false,
      shown: 0,
      until: now + 30_000,
    },
    {
      why: "listing: low → in stock only after the second expiry",
      stock: LOW_STOCK - 1,
      holds: [
        { quantity: 1, expiresAt: now + 10_000 },
        { quantity: 5, expiresAt: now + 20_000 },
      ],
      exact: false,
      shown: LOW_STOCK - 1,
      until: now + 20_000,
    },
  ])("$why", ({ stock, holds, exact, shown, until }) => {
    expect(availability(stock, holds, now, exact)).toEqual({ stock: shown, validUntil: until });
  });

  test.each([
    [[], null],
    [[null, null], null],
    [[5, null, 3], 3],
  ] as const)("earliest(%j) = %j", (ends, expected) => {
    expect(earliest(ends)).toBe(expected);
  });
});
