// Quantity tiers and the minimum order quantity: boundaries (49/50/51), the rounding rule (half up per unit,
// never below 1 fen), line totals exact in fen, and every way a manager's tier list can be wrong.
import { describe, expect, test } from "vitest";
import { discountedUnitPrice, minOrderProblem, priceQuantity, QUANTITY_PROBLEM_CODES, discountArgs, storedTiers, TIER_PROBLEM_CODES, tierFor, validateTiers, zheOf, type PriceTier } from "@/lib/domain/price-tiers";
import { translateDynamic, translator } from "@/lib/i18n/translate";

const TIERS: PriceTier[] = [
  { minQuantity: 50, discountBp: 500 },
  { minQuantity: 200, discountBp: 800 },
];
// A 750 ml bottle of Tang County wine at ¥128.80.
const WINE = { listPriceFen: 12_880, tiers: TIERS, minOrderQuantity: 1 };

describe("unit price by quantity", () => {
  test.each<[number, number, number, number | null]>([
    // quantity, unit price, discount, tier
    [1, 12_880, 0, null],
    [49, 12_880, 0, null],
    [50, 12_236, 500, 50], // 12880 × 0.95 = 12236
    [51, 12_236, 500, 50],
    [199, 12_236, 500, 50],
    [200, 11_850, 800, 200], // 12880 × 0.92 = 11849.6 → 11850 (half up)
    [201, 11_850, 800, 200],
    [10_000, 11_850, 800, 200],
  ])("%i units: %i fen each, %i bp off, tier %s", (quantity, unit, bp, tier) => {
    const r = priceQuantity(WINE, quantity);
    expect(r).toMatchObject({ ok: true, value: { unitPriceFen: unit, lineTotalFen: unit * quantity, discountBp: bp, tierMinQuantity: tier } });
  });

  test.each<[number, { minQuantity: number; discountBp: number; moreUnits: number } | null]>([
    [1, { minQuantity: 50, discountBp: 500, moreUnits: 49 }],
    [49, { minQuantity: 50, discountBp: 500, moreUnits: 1 }],
    [50, { minQuantity: 200, discountBp: 800, moreUnits: 150 }],
    [200, null],
  ])("%i units: the next tier is %j", (quantity, next) => {
    const r = priceQuantity(WINE, quantity);
    expect(r.ok && r.value.next).toEqual(next);
  });

  test("the tier list's order does not matter", () => {
    expect(tierFor([...TIERS].reverse(), 250)).toEqual(TIERS[1]);
    expect(tierFor(TIERS, 49)).toBeNull();
    expect(tierFor([], 1000)).toBeNull();
  });

  test("line total: 2,000 canned peaches at ¥8.90 −8% = 819 fen each, ¥16,380.00 exactly", () => {
    // 890 × 0.92 = 818.8 → 819: rounded per unit, then multiplied, as the invoice lists it.
    const r = priceQuantity({ listPriceFen: 890, tiers: TIERS, minOrderQuantity: 24 }, 2000);
    expect(r).toMatchObject({ ok: true, value: { unitPriceFen: 819, lineTotalFen: 1_638_000 } });
  });
});

describe("rounding: half up per unit, never below 1 fen", () => {
  test.each<[number, number, number, string]>([
    [12_880, 800, 11_850, "11849.6 → up"],
    [1_000, 500, 950, "exact"],
    [1_010, 500, 960, "959.5 → up (half)"],
    [1_030, 500, 979, "978.5 → up (half)"],
    [1_009, 500, 959, "958.55 → up"],
    [1_001, 500, 951, "950.95 → up"],
    [999, 500, 949, "949.05 → down"],
    [333, 3333, 222, "222.0111 → down"],
    [10, 500, 10, "9.5 → 10: a cheap item gains nothing from 5%"],
    [10, 800, 9, "9.2 → 9"],
    [1, 5000, 1, "0.5 → 1"],
    [1, 1, 1, "0.9999 → 1"],
    [3, 5000, 2, "1.5 → 2"],
    [99_999_999_999, 5000, 50_000_000_000, "¥999,999,999.99 half: 49999999999.5 → up, exact past 2^32"],
    [900_000_000_000, 1, 899_910_000_000, "the largest price the integer arithmetic promises exact"],
  ])("%i fen − %i bp → %i (%s)", (list, bp, expected) => {
    expect(discountedUnitPrice(list, bp)).toBe(expected);
    // Cross-check with BigInt: round half up of list × (10000 − bp) / 10000.
    const scaled = BigInt(list) * BigInt(10_000 - bp);
    const ref = Number((scaled * 2n + 10_000n) / 20_000n);
    expect(Math.max(1, ref)).toBe(expected);
  });

  test.each([
    [0, 500],
    [-1, 500],
    [1.5, 500],
    [100, -1],
    [100, 10_001],
    [100, 2.5],
  ])("%s fen − %s bp throws (a caller's bug, not input)", (list, bp) => {
    expect(() => discountedUnitPrice(list, bp)).toThrow(RangeError);
  });
});

describe("minimum order quantity (a canteen pack)", () => {
  const PACK = { listPriceFen: 890, tiers: TIERS, minOrderQuantity: 24 };
  test.each<[number, unknown]>([
    [23, { ok: false, problem: { code: "belowMinOrder", params: { minOrder: 24 } } }],
    [1, { ok: false, problem: { code: "belowMinOrder", params: { minOrder: 24 } } }],
    [0, { ok: false, problem: { code: "quantityInvalid" } }],
    [-24, { ok: false, problem: { code: "quantityInvalid" } }],
    [24.5, { ok: false, problem: { code: "quantityInvalid" } }],
    [Number.NaN, { ok: false, problem: { code: "quantityInvalid" } }],
    [Number.MAX_SAFE_INTEGER, { ok: false, problem: { code: "quantityInvalid" } }],
  ])("%s units → refused %j", (quantity, expected) => {
    expect(priceQuantity(PACK, quantity)).toEqual(expected);
  });

  test.each([24, 25, 49])("%i units → accepted at the list price", (quantity) => {
    expect(priceQuantity(PACK, quantity)).toMatchObject({ ok: true, value: { unitPriceFen: 890, lineTotalFen: 890 * quantity } });
  });

  test.each<[number, string | null]>([
    [1, null],
    [24, null],
    [9_999, null],
    [0, "minOrderInvalid"],
    [10_000, "minOrderInvalid"],
    [2.5, "minOrderInvalid"],
  ])("minimum %s → %s", (moq, problem) => expect(minOrderProblem(moq)).toBe(problem));
});

describe("a manager's tier list", () => {
  test("valid lists come back sorted", () => {
    expect(validateTiers([{ minQuantity: 200, discountBp: 800 }, { minQuantity: 50, discountBp: 500 }])).toEqual({ ok: true, tiers: TIERS });
    expect(validateTiers([])).toEqual({ ok: true, tiers: [] });
    expect(validateTiers([{ minQuantity: 2, discountBp: 1 }])).toEqual({ ok: true, tiers: [{ minQuantity: 2, discountBp: 1 }] });
    expect(validateTiers([{ minQuantity: 100_000, discountBp: 5000 }])).toMatchObject({ ok: true });
  });

  test.each<[string, PriceTier[], object, unknown[]]>([
    ["threshold 1", [{ minQuantity: 1, discountBp: 500 }], {}, [{ index: 0, code: "thresholdInvalid" }]],
    ["threshold 0", [{ minQuantity: 0, discountBp: 500 }], {}, [{ index: 0, code: "thresholdInvalid" }]],
    ["threshold not whole", [{ minQuantity: 50.5, discountBp: 500 }], {}, [{ index: 0, code: "thresholdInvalid" }]],
    ["threshold too high", [{ minQuantity: 100_001, discountBp: 500 }], {}, [{ index: 0, code: "thresholdInvalid" }]],
    ["discount 0", [{ minQuantity: 50, discountBp: 0 }], {}, [{ index: 0, code: "discountInvalid" }]],
    ["discount over half", [{ minQuantity: 50, discountBp: 5001 }], {}, [{ index: 0, code: "discountInvalid" }]],
    ["discount as a percent by mistake (5.5)", [{ minQuantity: 50, discountBp: 5.5 }], {}, [{ index: 0, code: "discountInvalid" }]],
    [
      "the same threshold twice",
      [
        { minQuantity: 50, discountBp: 500 },
        { minQuantity: 50, discountBp: 800 },
      ],
      {},
      [{ index: 1, code: "duplicateThreshold", params: { quantity: 50 } }],
    ],
    [
      "a higher threshold with the same discount",
      [
        { minQuantity: 50, discountBp: 500 },
        { minQuantity: 200, discountBp: 500 },
      ],
      {},
      [{ index: 1, code: "discountNotIncreasing", params: { quantity: 50 } }],
    ],
    [
      "a higher threshold with a smaller discount (given out of order)",
      [
        { minQuantity: 200, discountBp: 300 },
        { minQuantity: 50, discountBp: 500 },
      ],
      {},
      [{ index: 0, code: "discountNotIncreasing", params: { quantity: 50 } }],
    ],
    [
      "six tiers",
      [2, 3, 4, 5, 6, 7].map((q) => ({ minQuantity: q, discountBp: q * 100 })),
      {},
      [{ index: null, code: "tooMany", params: { max: 5 } }],
    ],
    [
      "at 10 fen, 5% and 8% both round to 10 and 9: 5% gains nothing",
      TIERS,
      { listPriceFen: 10 },
      [{ index: 0, code: "noPriceGain", params: { priceFen: 10 } }],
    ],
    [
      "at 20 fen, 5% → 19 and 8% → 18: fine; 6% → 19 would not be",
      [
        { minQuantity: 50, discountBp: 500 },
        { minQuantity: 200, discountBp: 600 },
      ],
      { listPriceFen: 20 },
      [{ index: 1, code: "noPriceGain", params: { priceFen: 19 } }],
    ],
    ["a tier below the minimum order quantity", [{ minQuantity: 12, discountBp: 500 }], { minOrderQuantity: 24 }, [{ index: 0, code: "belowMinOrder", params: { minOrder: 24 } }]],
  ])("%s → refused", (_why, tiers, context, problems) => {
    const r = validateTiers(tiers, context);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual(problems.map((p): unknown => expect.objectContaining(p)));
  });

  test("every problem of a row is reported, not only the first", () => {
    const r = validateTiers([{ minQuantity: 1, discountBp: 9000 }]);
    expect(r).toMatchObject({ ok: false, problems: [{ code: "thresholdInvalid" }, { code: "discountInvalid" }] });
  });

  test("at 20 fen, 5% and 8% are both real gains", () => {
    expect(validateTiers(TIERS, { listPriceFen: 20, minOrderQuantity: 50 })).toEqual({ ok: true, tiers: TIERS });
  });
});

test.each(["zh-CN", "en"] as const)("%s: every code has a message that renders with its arguments (org.priceTiers)", (locale) => {
  const t = translator(locale);
  const keys = [...TIER_PROBLEM_CODES.map((c) => `org.priceTiers.problems.${c}`), ...QUANTITY_PROBLEM_CODES.map((c) => `org.priceTiers.quantity.${c}`), "org.priceTiers.minOrderInvalid"];
  expect(keys.filter((k) => !t.has(k as Parameters<typeof t.has>[0]))).toEqual([]);
  const r = validateTiers([{ minQuantity: 1, discountBp: 0 }, { minQuantity: 12, discountBp: 500 }, ...Array.from({ length: 4 }, (_, i) => ({ minQuantity: 100 + i, discountBp: 600 }))], { minOrderQuantity: 24 });
  expect(r.ok).toBe(false);
  if (!r.ok) for (const p of r.problems) expect(translateDynamic(locale, `org.priceTiers.problems.${p.code}`, p.params)).not.toMatch(/[{}]|org\./);
  const q = priceQuantity({ listPriceFen: 890, tiers: [], minOrderQuantity: 24 }, 2);
  if (!q.ok) expect(translateDynamic(locale, `org.priceTiers.quantity.${q.problem.code}`, "params" in q.problem ? q.problem.params : undefined)).toMatch(/24/);
});

describe("tiers as stored (Product.priceTiers)", () => {
  test.each<[string, unknown, PriceTier[]]>([
    ["a saved list, sorted", [{ minQuantity: 200, discountBp: 800 }, { minQuantity: 50, discountBp: 500 }], TIERS],
    ["none", [], []],
    ["not an array", { minQuantity: 50, discountBp: 500 }, []],
    ["null", null, []],
    ["a string number", [{ minQuantity: "50", discountBp: 500 }], []],
    ["a tier that breaks the rules (60% off)", [{ minQuantity: 50, discountBp: 6000 }], []],
    ["one bad entry spoils the list", [{ minQuantity: 50, discountBp: 500 }, null], []],
  ])("%s", (_why, value, expected) => {
    expect(storedTiers(value)).toEqual(expected);
  });

  test.each([
    [500, "95"],
    [800, "92"],
    [1000, "9"],
    [1500, "85"],
    [1250, "87.5"],
    [2000, "8"],
    [5000, "5"],
  ])("%i bp is %s 折", (bp, zhe) => {
    expect(zheOf(bp)).toBe(zhe);
  });

  test.each([
    ["zh-CN", 500, "95 折"],
    ["en", 500, "5% off"],
    ["en", 1250, "12.5% off"],
  ] as const)("%s: %i bp reads %s", (locale, bp, text) => {
    expect(translator(locale)("org.priceTiers.discount", discountArgs(bp))).toBe(text);
  });
});

test("a product's minimum order always fits in one cart line", async () => {
  const { MAX_QUANTITY_PER_LINE } = await import("@/lib/domain/checkout");
  const { PRICE_TIER_LIMITS } = await import("@/lib/domain/price-tiers");
  expect(PRICE_TIER_LIMITS.maxMinOrderQuantity).toBe(MAX_QUANTITY_PER_LINE);
});
