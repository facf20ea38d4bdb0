import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { partyKey, planPayment, planRefund, refundedItemsFen, rollupDeltas, shanghaiDay, type LineSnapshot, type PlannedEntry } from "@/lib/domain/ledger";
import { parsePercentToBasisPoints, parseProductTerms } from "@/lib/domain/product-terms";

const line = (over: Partial<LineSnapshot> = {}): LineSnapshot => ({
  orderItemId: "i1",
  cooperativeId: "c1",
  villageId: "v1",
  categoryId: "k1",
  unitPriceFen: 8_800,
  quantity: 2,
  benefitRuleType: "PERCENT_OF_REVENUE",
  benefitBasisPoints: 1_500,
  benefitFenPerUnit: null,
  beneficiaries: [
    { householdId: "h2", weight: 1 },
    { householdId: "h1", weight: 2 },
  ],
  ...over,
});

const sum = (entries: readonly { amountFen: number }[]) => entries.reduce((s, e) => s + e.amountFen, 0);

describe("planPayment", () => {
  test("one line: the cooperative's revenue carries the units; the pool goes to households by weight", () => {
    // 17 600 fen; 15 % = 2 640 pool; h1 (weight 2) 1 760, h2 (weight 1) 880.
    expect(planPayment([line()])).toEqual([
      { kind: "COOPERATIVE_REVENUE", orderItemId: "i1", cooperativeId: "c1", householdId: null, villageId: "v1", categoryId: "k1", amountFen: 14_960, units: 2 },
      { kind: "HOUSEHOLD_BENEFIT", orderItemId: "i1", cooperativeId: "c1", householdId: "h1", villageId: "v1", categoryId: "k1", amountFen: 1_760, units: 0 },
      { kind: "HOUSEHOLD_BENEFIT", orderItemId: "i1", cooperativeId: "c1", householdId: "h2", villageId: "v1", categoryId: "k1", amountFen: 880, units: 0 },
    ]);
  });

  test.each([
    { why: "fixed per unit", over: { benefitRuleType: "FIXED_PER_UNIT", benefitBasisPoints: null, benefitFenPerUnit: 301 } as const, pool: 602 },
    { why: "fixed per unit capped at the revenue", over: { benefitRuleType: "FIXED_PER_UNIT", benefitBasisPoints: null, benefitFenPerUnit: 99_999 } as const, pool: 17_600 },
    { why: "no households: all to the cooperative", over: { beneficiaries: [] }, pool: 0 },
    { why: "zero percent", over: { benefitBasisPoints: 0 }, pool: 0 },
  ])("$why", ({ over, pool }) => {
    const entries = planPayment([line(over)]);
    expect(sum(entries)).toBe(17_600);
    expect(sum(entries.filter((e) => e.kind === "HOUSEHOLD_BENEFIT"))).toBe(pool);
    expect(entries.filter((e) => e.kind === "HOUSEHOLD_BENEFIT" && e.amountFen === 0)).toEqual([]);
  });

  test("lines come out in order item order, whatever order they came in", () => {
    const a = line({ orderItemId: "a" });
    const b = line({ orderItemId: "b", cooperativeId: "c2" });
    expect(planPayment([b, a])).toEqual(planPayment([a, b]));
  });
});

describe("refundedItemsFen", () => {
  test.each([
    { refunded: 0, items: 17_600, total: 18_600, expected: 0, why: "nothing refunded" },
    { refunded: 18_600, items: 17_600, total: 18_600, expected: 17_600, why: "a full refund takes back all the items" },
    { refunded: 99_999, items: 17_600, total: 18_600, expected: 17_600, why: "capped at the total" },
    { refunded: 6_200, items: 17_600, total: 18_600, expected: 5_866, why: "a third, rounded down (5866.67)" },
    { refunded: 1, items: 17_600, total: 18_600, expected: 0, why: "one fen back is mostly shipping's share" },
    { refunded: 100, items: 0, total: 100, expected: 0, why: "nothing in the ledger" },
  ])("$why", ({ refunded, items, total, expected }) => {
    expect(refundedItemsFen(refunded, items, total)).toBe(expected);
  });
});

describe("planRefund", () => {
  const paid = planPayment([line(), line({ orderItemId: "i2", cooperativeId: "c2", unitPriceFen: 3_333, quantity: 3 })]);
  const itemsFen = sum(paid);

  test("a full refund reverses every entry exactly, in one step or in several", () => {
    const oneStep = planRefund(paid, new Map(), itemsFen);
    expect(oneStep.map((e) => e.amountFen)).toEqual(paid.map((e) => -e.amountFen));
    const reversed = new Map<string, number>();
    for (const part of [1_234, 7_777, itemsFen]) {
      for (const e of planRefund(paid, reversed, part)) reversed.set(partyKey(e), (reversed.get(partyKey(e)) ?? 0) + e.amountFen);
    }
    expect(paid.map((e) => reversed.get(partyKey(e)))).toEqual(paid.map((e) => -e.amountFen));
  });

  test("a replay of the same level writes nothing", () => {
    const first = planRefund(paid, new Map(), 5_000);
    const reversed = new Map(first.map((e) => [partyKey(e), e.amountFen]));
    expect(planRefund(paid, reversed, 5_000)).toEqual([]);
  });

  test("reversals carry no units, and sum to the level", () => {
    const out = planRefund(paid, new Map(), 5_000);
    expect(sum(out)).toBe(-5_000);
    expect(out.every((e) => e.units === 0)).toBe(true);
  });

  const arbLine = fc.record({
    unitPriceFen: fc.integer({ min: 1, max: 500_000 }),
    quantity: fc.integer({ min: 1, max: 50 }),
    percent: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    fixed: fc.integer({ min: 0, max: 600_000 }),
    weights: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 8 }),
  });

  test("property: any lines and any sequence of refunds → the ledger nets to the items less the refunded items share, no entry overshoots", () => {
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 5 }), (lines, steps) => {
        const snapshots = lines.map((l, i): LineSnapshot => ({
          ...line({ orderItemId: `i${i}` }),
          unitPriceFen: l.unitPriceFen,
          quantity: l.quantity,
          benefitRuleType: l.percent === null ? "FIXED_PER_UNIT" : "PERCENT_OF_REVENUE",
          benefitBasisPoints: l.percent,
          benefitFenPerUnit: l.percent === null ? Math.min(l.fixed, l.unitPriceFen) : null,
          beneficiaries: l.weights.map((w, h) => ({ householdId: `h${h}`, weight: w })),
        }));
        const entries = planPayment(snapshots);
        const items = snapshots.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0);
        expect(sum(entries)).toBe(items);
        expect(entries.every((e) => e.amountFen >= 0)).toBe(true);
        expect(planPayment(snapshots)).toEqual(entries);
        const total = items + 1_000;
        let refunded = 0;
        const reversed = new Map<string, number>();
        for (const step of steps) {
          refunded = Math.min(total, refunded + Math.ceil((step / 1_000) * total));
          for (const e of planRefund(entries, reversed, refundedItemsFen(refunded, items, total))) reversed.set(partyKey(e), (reversed.get(partyKey(e)) ?? 0) + e.amountFen);
          const net = items + [...reversed.values()].reduce((s, x) => s + x, 0);
          expect(net).toBe(items - refundedItemsFen(refunded, items, total));
          for (const e of entries) expect(-(reversed.get(partyKey(e)) ?? 0)).toBeLessThanOrEqual(e.amountFen);
        }
        // The end state depends only on the final level: one step gives the same reversals.
        const oneStep = new Map(planRefund(entries, new Map(), refundedItemsFen(refunded, items, total)).map((e) => [partyKey(e), e.amountFen]));
        for (const e of entries) expect(reversed.get(partyKey(e)) ?? 0).toBe(oneStep.get(partyKey(e)) ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("rollupDeltas", () => {
  const entries: PlannedEntry[] = [
    ...planPayment([line(), line({ orderItemId: "i2", categoryId: "k2" }), line({ orderItemId: "i3", cooperativeId: "c2", villageId: "v2" })]),
  ];
  // i1 and i2 are two products; i3 is a third.
  const productOf = new Map([
    ["i1", "p1"],
    ["i2", "p2"],
    ["i3", "p3"],
  ]);
  const payment = { productOf, buyerId: "b1" };
  const refund = { productOf, buyerId: null };

  test("a payment counts its order once per key, and every line's units and money", () => {
    const { sales, households } = rollupDeltas(entries, true, payment);
    const row = (d: string, k: string) => sales.find((s) => s.dimension === d && s.key === k);
    expect(row("TOTAL", "")).toEqual({ dimension: "TOTAL", key: "", orders: 1, units: 6, revenueFen: 52_800, householdBenefitFen: 7_920 });
    expect(row("VILLAGE", "v1")).toEqual({ dimension: "VILLAGE", key: "v1", orders: 1, units: 4, revenueFen: 35_200, householdBenefitFen: 5_280 });
    expect(row("CATEGORY", "k2")?.orders).toBe(1);
    expect(row("COOPERATIVE", "c2")?.revenueFen).toBe(17_600);
    expect(row("PRODUCT", "p3")).toEqual({ dimension: "PRODUCT", key: "p3", orders: 1, units: 2, revenueFen: 17_600, householdBenefitFen: 2_640 });
    expect(sales).toHaveLength(1 + 2 + 2 + 2 + 3);
    // h1 received from c1/v1 in two categories, and from c2/v2.
    expect(households.filter((h) => h.householdId === "h1").map((h) => h.amountFen)).toEqual([1_760, 1_760, 1_760]);
  });

  test("each dimension's sales add up to the total", () => {
    const { sales } = rollupDeltas(entries, true, payment);
    const total = sales.find((s) => s.dimension === "TOTAL");
    for (const dimension of ["VILLAGE", "COOPERATIVE", "CATEGORY", "PRODUCT"] as const) {
      const rows = sales.filter((s) => s.dimension === dimension);
      expect(rows.reduce((s, r) => s + r.revenueFen, 0)).toBe(total?.revenueFen);
      expect(rows.reduce((s, r) => s + r.householdBenefitFen, 0)).toBe(total?.householdBenefitFen);
      expect(rows.reduce((s, r) => s + r.units, 0)).toBe(total?.units);
    }
  });

  test.each([
    ["TOTAL", "", 5_280],
    ["COOPERATIVE", "c1", 3_520],
    ["COOPERATIVE", "c2", 1_760],
    ["VILLAGE", "v1", 3_520],
    ["VILLAGE", "v2", 1_760],
    ["CATEGORY", "k1", 3_520],
    ["CATEGORY", "k2", 1_760],
  ] as const)("household h1's month along %s %s: %i fen (one row per key, summed over lines)", (dimension, key, fen) => {
    const { householdMonths } = rollupDeltas(entries, true, payment);
    expect(householdMonths.filter((m) => m.householdId === "h1" && m.dimension === dimension && m.key === key)).toEqual([{ dimension, key, householdId: "h1", amountFen: fen }]);
  });

  test("household months hold only household benefit, and add up to it along every dimension", () => {
    const { householdMonths, sales } = rollupDeltas(entries, true, payment);
    const benefit = sales.find((s) => s.dimension === "TOTAL")?.householdBenefitFen;
    for (const dimension of ["VILLAGE", "COOPERATIVE", "CATEGORY", "TOTAL"] as const) {
      expect(householdMonths.filter((m) => m.dimension === dimension).reduce((s, m) => s + m.amountFen, 0)).toBe(benefit);
    }
    expect(householdMonths.some((m) => (m.dimension as string) === "PRODUCT")).toBe(false);
  });

  test("a payment counts its buyer once for the county and once per cooperative; a refund not at all", () => {
    expect(rollupDeltas(entries, true, payment).buyers).toEqual([
      { key: "", buyerId: "b1", orders: 1 },
      { key: "c1", buyerId: "b1", orders: 1 },
      { key: "c2", buyerId: "b1", orders: 1 },
    ]);
    expect(rollupDeltas(planRefund(entries, new Map(), 10_000), false, refund).buyers).toEqual([]);
  });

  test("a refund changes money only", () => {
    const { sales, householdMonths } = rollupDeltas(planRefund(entries, new Map(), 10_000), false, refund);
    const total = sales.find((s) => s.dimension === "TOTAL");
    expect(total).toMatchObject({ orders: 0, units: 0, revenueFen: -10_000 });
    expect(sales.filter((s) => s.dimension === "PRODUCT").every((s) => s.orders === 0 && s.units === 0)).toBe(true);
    expect(householdMonths.filter((m) => m.dimension === "TOTAL").reduce((s, m) => s + m.amountFen, 0)).toBe(total?.householdBenefitFen);
  });

  test("a line whose product is unknown is an error, not a row under no key", () => {
    expect(() => rollupDeltas(entries, true, { productOf: new Map([["i1", "p1"]]), buyerId: "b1" })).toThrow(/no product for order item i2/);
  });

  test("rows come out in a stable order, so transactions lock rollup rows in the same order", () => {
    const a = rollupDeltas(entries, true, payment);
    const b = rollupDeltas([...entries].reverse(), true, payment);
    expect(b.sales.map((s) => `${s.dimension}:${s.key}`)).toEqual(a.sales.map((s) => `${s.dimension}:${s.key}`));
    expect(b.householdMonths).toEqual(a.householdMonths);
    expect(b.buyers).toEqual(a.buyers);
  });
});

describe("shanghaiDay", () => {
  test.each([
    ["2026-11-28T15:59:59.999Z", "2026-11-28"],
    ["2026-11-28T16:00:00.000Z", "2026-11-29"],
    ["2026-12-31T16:30:00.000Z", "2027-01-01"],
  ])("%s is %s in Beijing", (iso, day) => {
    expect(shanghaiDay(new Date(iso))).toBe(day);
  });
});

describe("product terms form", () => {
  test.each([
    ["12.5", 1_250],
    ["15", 1_500],
    ["0", 0],
    ["100%", 10_000],
    [" 7.25 ", 725],
    ["-5", -500],
    ["abc", null],
    ["1.234", null],
    ["", null],
  ])("percent %j → %j basis points", (input, bp) => {
    expect(parsePercentToBasisPoints(input)).toBe(bp);
  });

  const weights = { h1: "2", h2: "1", h3: "" };
  test.each([
    { why: "a good percent rule", input: { ruleType: "PERCENT_OF_REVENUE", percent: "12.5", weights }, ok: true },
    { why: "a good fixed rule", input: { ruleType: "FIXED_PER_UNIT", fixedYuan: "3.50", weights }, ok: true },
    { why: "negative percent", input: { ruleType: "PERCENT_OF_REVENUE", percent: "-5", weights }, errors: { percent: "benefit.errors.negativePercent" } },
    { why: "above 100 %", input: { ruleType: "PERCENT_OF_REVENUE", percent: "120", weights }, errors: { percent: "benefit.errors.percentAbove100" } },
    { why: "fixed amount above the price", input: { ruleType: "FIXED_PER_UNIT", fixedYuan: "88.01", weights }, errors: { fixedYuan: "benefit.errors.fixedAbovePrice" } },
    { why: "negative fixed amount", input: { ruleType: "FIXED_PER_UNIT", fixedYuan: "-1", weights }, errors: { fixedYuan: "benefit.errors.negativeFixed" } },
    { why: "weights summing to zero", input: { ruleType: "PERCENT_OF_REVENUE", percent: "10", weights: { h1: "0", h2: "0" } }, errors: { weights: "benefit.errors.badWeights" } },
    { why: "a negative weight", input: { ruleType: "PERCENT_OF_REVENUE", percent: "10", weights: { h1: "-1", h2: "3" } }, errors: { weights: "benefit.errors.badWeights" } },
    { why: "a fractional weight", input: { ruleType: "PERCENT_OF_REVENUE", percent: "10", weights: { h1: "1.5", h2: "3" } }, errors: { "w.h1": "benefit.errors.weightInvalid" } },
    { why: "no rule chosen", input: { ruleType: "", weights }, errors: { ruleType: "benefit.errors.ruleType" } },
  ])("$why", ({ input, ok, errors }) => {
    const result = parseProductTerms(input, 8_800);
    if (ok) {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.beneficiaries).toEqual([{ householdId: "h1", weight: 2 }, { householdId: "h2", weight: 1 }]);
    } else {
      expect(result).toEqual({ ok: false, fieldErrors: errors });
    }
  });
});
