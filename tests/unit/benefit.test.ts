import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  allocateLargestRemainder,
  benefitPool,
  BenefitRuleError,
  linePool,
  splitLine,
  validateBenefitRule,
  type BenefitRule,
} from "@/lib/domain/benefit";

const pct = (basisPoints: number): BenefitRule => ({ type: "PERCENT_OF_REVENUE", basisPoints });
const fixed = (fenPerUnit: number): BenefitRule => ({ type: "FIXED_PER_UNIT", fenPerUnit });

describe("benefitPool", () => {
  test.each([
    { rule: pct(1500), revenue: 10_000, qty: 1, pool: 1_500, why: "15 % of ¥100" },
    { rule: pct(1500), revenue: 3, qty: 1, pool: 0, why: "0.45 fen rounds down" },
    { rule: pct(5000), revenue: 1, qty: 1, pool: 1, why: "0.5 fen rounds half up" },
    { rule: pct(1250), revenue: 9_990, qty: 1, pool: 1_249, why: "1248.75 fen rounds up" },
    { rule: pct(0), revenue: 9_990, qty: 3, pool: 0, why: "no benefit" },
    { rule: pct(10_000), revenue: 9_990, qty: 3, pool: 9_990, why: "everything" },
    { rule: fixed(500), revenue: 6_000, qty: 3, pool: 1_500, why: "¥5 per unit × 3" },
    { rule: fixed(500), revenue: 1_200, qty: 3, pool: 1_200, why: "capped at the line's revenue" },
    { rule: fixed(0), revenue: 1_200, qty: 3, pool: 0, why: "zero per unit" },
  ])("$why", ({ rule, revenue, qty, pool }) => {
    expect(benefitPool(rule, revenue, qty)).toBe(pool);
  });
});

describe("allocateLargestRemainder", () => {
  test.each([
    { total: 100, weights: [1, 1, 1], parts: [34, 33, 33], why: "the odd fen goes to the first of equal remainders" },
    { total: 10, weights: [1, 2, 3, 4], parts: [1, 2, 3, 4], why: "exact" },
    { total: 7, weights: [5, 3, 2], parts: [4, 2, 1], why: "3.5 / 2.1 / 1.4 → largest remainders first" },
    { total: 1, weights: [1, 1], parts: [1, 0], why: "tie broken by position" },
    { total: 0, weights: [3, 4], parts: [0, 0], why: "nothing to divide" },
    { total: 5, weights: [0, 1], parts: [0, 5], why: "a zero weight gets nothing" },
    { total: 1_000_001, weights: [1, 1, 1, 1, 1, 1, 1], parts: [142_858, 142_858, 142_857, 142_857, 142_857, 142_857, 142_857], why: "two fen left over, to the first two of equal remainders" },
  ])("$why", ({ total, weights, parts }) => {
    const got = allocateLargestRemainder(total, weights);
    expect(got).toEqual(parts);
    expect(got.reduce((s, p) => s + p, 0)).toBe(total);
  });

  test.each([[[0, 0]], [[-1, 2]], [[1.5, 1]]])("refuses weights %j", (weights) => {
    expect(() => allocateLargestRemainder(10, weights)).toThrow(BenefitRuleError);
  });

  test("no parts, nothing allocated", () => {
    expect(allocateLargestRemainder(10, [])).toEqual([]);
  });

  test("property: parts are non-negative, sum to the total, and are deterministic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocateLargestRemainder(total, weights);
          expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
          expect(parts.every((p) => p >= 0 && Number.isInteger(p))).toBe(true);
          expect(allocateLargestRemainder(total, weights)).toEqual(parts);
          // No part is more than one fen away from its exact share.
          const sum = weights.reduce((s, w) => s + w, 0);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1));
        },
      ),
    );
  });
});

describe("splitLine", () => {
  const households = [
    { householdId: "h-b", weight: 2 },
    { householdId: "h-a", weight: 1 },
    { householdId: "h-c", weight: 1 },
  ];

  test("one bottle of ¥128.00 wine at 20 %: ¥25.60 to three households, ¥102.40 to the cooperative", () => {
    const split = splitLine(pct(2000), 12_800, 1, households);
    expect(split).toEqual({
      revenueFen: 12_800,
      poolFen: 2_560,
      cooperativeFen: 10_240,
      // Ordered by household id; 2560 × 1/4 = 640, × 2/4 = 1280.
      households: [
        { householdId: "h-a", fen: 640 },
        { householdId: "h-b", fen: 1_280 },
        { householdId: "h-c", fen: 640 },
      ],
    });
  });

  test("the order households are listed in does not change the split", () => {
    const a = splitLine(pct(1333), 999, 7, households);
    const b = splitLine(pct(1333), 999, 7, [...households].reverse());
    expect(a).toEqual(b);
  });

  test("no households: the whole line is the cooperative's", () => {
    expect(splitLine(pct(2000), 1_000, 2, [])).toEqual({ revenueFen: 2_000, poolFen: 0, cooperativeFen: 2_000, households: [] });
  });

  test.each([
    { why: "households with a weight share the pool", hs: [{ householdId: "a", weight: 1 }, { householdId: "b", weight: 0 }], count: 1 },
    { why: "only weights of 0: nobody shares, no pool", hs: [{ householdId: "a", weight: 0 }], count: 0 },
    { why: "no households", hs: [], count: 0 },
  ])("linePool from the count of households with a weight is splitLine's pool: $why", ({ hs, count }) => {
    for (const rule of [pct(1500), fixed(300)]) {
      const split = splitLine(rule, 1_999, 3, hs);
      expect(split.households).toHaveLength(count);
      expect(linePool(rule, 1_999 * 3, 3, count)).toBe(split.poolFen);
    }
    expect(linePool(pct(1500), 1_999 * 3, 3, 1)).toBe(900);
  });

  test("property: cooperative + households = revenue, to the fen, never negative", () => {
    const rule = fc.oneof(
      fc.integer({ min: 0, max: 10_000 }).map(pct),
      fc.integer({ min: 0, max: 100_000 }).map(fixed),
    );
    const beneficiaries = fc.uniqueArray(
      fc.record({ householdId: fc.string({ minLength: 1, maxLength: 8 }), weight: fc.integer({ min: 1, max: 1_000 }) }),
      { selector: (b) => b.householdId, maxLength: 40 },
    );
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 500 }), beneficiaries, (r, price, qty, hs) => {
        const split = splitLine(r, price, qty, hs);
        const toHouseholds = split.households.reduce((s, h) => s + h.fen, 0);
        expect(toHouseholds).toBe(split.poolFen);
        expect(split.cooperativeFen + toHouseholds).toBe(price * qty);
        expect(split.cooperativeFen).toBeGreaterThanOrEqual(0);
        expect(split.households.every((h) => h.fen >= 0)).toBe(true);
        expect(splitLine(r, price, qty, hs)).toEqual(split);
      }),
    );
  });
});

describe("validateBenefitRule", () => {
  const one = [{ householdId: "h", weight: 1 }];
  test.each([
    { rule: pct(-1), price: 100, hs: one, code: "negativePercent" },
    { rule: pct(10_001), price: 100, hs: one, code: "percentAbove100" },
    { rule: fixed(101), price: 100, hs: one, code: "fixedAbovePrice" },
    { rule: fixed(-5), price: 100, hs: one, code: "negativeFixed" },
    { rule: pct(1000), price: 100, hs: [{ householdId: "h", weight: 0 }], code: "badWeights" },
    { rule: pct(10.5), price: 100, hs: one, code: "notInteger" },
  ])("refuses $code", ({ rule, price, hs, code }) => {
    expect(() => validateBenefitRule(rule, price, hs)).toThrow(expect.objectContaining({ code }));
  });

  test.each([
    { rule: pct(0), price: 100, hs: one },
    { rule: pct(10_000), price: 100, hs: one },
    { rule: fixed(100), price: 100, hs: one },
    { rule: pct(1500), price: 100, hs: [] },
  ])("accepts $rule.type", ({ rule, price, hs }) => {
    expect(() => validateBenefitRule(rule, price, hs)).not.toThrow();
  });
});
