// 预留份额 arithmetic: the target (budget × percentage, half up), progress from payments net of refunds counted
// in the Beijing month and year the money moved, the year boundary in Asia/Shanghai, and the settings' checks.
import { describe, expect, test } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { beijingMonthOf, RESERVED_SHARE_PROBLEMS, RESERVED_SHARE_WARNINGS, checkReservedShareSettings, reservedShareProgress, reservedShareTarget, reservedShareYearRange, parseShareYear, type Movement } from "@/lib/domain/reserved-share";

const pay = (iso: string, amountFen: number): Movement => ({ kind: "payment", amountFen, at: new Date(iso) });
const refund = (iso: string, amountFen: number): Movement => ({ kind: "refund", amountFen, at: new Date(iso) });

describe("target", () => {
  test.each<[number, number, number, string]>([
    [100_000_000, 3000, 30_000_000, "¥1,000,000 × 30% = ¥300,000"],
    [100_005, 3000, 30_002, "¥1,000.05 × 30% = 300.015 → ¥300.02 (half up)"],
    [100_001, 3000, 30_000, "300.003 → 300.00"],
    [100_005, 1000, 10_001, "100.005 → 100.01"],
    [1, 3000, 0, "0.3 fen → 0"],
    [2, 2500, 1, "0.5 fen → 1"],
    [0, 3000, 0, "no budget recorded"],
    [123_456_789, 3333, 41_148_148, "41148147.7737 → up"],
    [1_000_000_000_000, 10_000, 1_000_000_000_000, "the largest budget, all of it: exact past 2^53 in the product"],
    [999_999_999_999, 3333, 333_300_000_000, "333299999999.6667 → up"],
  ])("%i fen × %i bp = %i fen (%s)", (budget, bp, target) => {
    expect(reservedShareTarget(budget, bp)).toBe(target);
    const ref = (BigInt(budget) * BigInt(bp) * 2n + 10_000n) / 20_000n;
    expect(BigInt(target)).toBe(ref);
  });

  test.each([
    [-1, 3000],
    [1.5, 3000],
    [1_000_000_000_001, 3000],
    [100, 10_001],
    [100, -1],
  ])("budget %s, %s bp throws", (budget, bp) => expect(() => reservedShareTarget(budget, bp)).toThrow(RangeError));
});

describe("settings", () => {
  test.each<[number, number, string[], string[]]>([
    [50_000_000, 3000, [], []],
    [50_000_000, 10_000, [], []],
    [50_000_000, 2999, [], ["percentBelowBeijingTarget"]],
    [50_000_000, 1000, [], ["percentBelowBeijingTarget"]],
    [50_000_000, 999, ["percentBelowNationalFloor"], []],
    [50_000_000, 0, ["percentInvalid"], []],
    [50_000_000, 10_001, ["percentInvalid"], []],
    [50_000_000, 30.5, ["percentInvalid"], []],
    [-1, 3000, ["budgetInvalid"], []],
    [0, 3000, [], []],
    [1_000_000_000_001, 500, ["budgetInvalid", "percentBelowNationalFloor"], []],
  ])("budget %i fen, %i bp → problems %j, warnings %j", (budgetFen, percentBp, problems, warnings) => {
    expect(checkReservedShareSettings({ budgetFen, percentBp })).toEqual({ problems, warnings });
  });
});

describe("the Beijing year boundary", () => {
  test.each<[string, number, string]>([
    ["2026-12-31T15:30:00Z", 2026, "2026-12"], // 23:30 on 31 December in Beijing
    ["2026-12-31T15:59:59.999Z", 2026, "2026-12"],
    ["2026-12-31T16:00:00Z", 2027, "2027-01"], // midnight in Beijing
    ["2026-12-31T16:10:00Z", 2027, "2027-01"], // 00:10 on 1 January in Beijing, still 31 December in UTC
    ["2026-01-31T16:30:00Z", 2026, "2026-02"],
  ])("%s is in Beijing year %i, month %s", (iso, year, month) => {
    expect(beijingMonthOf(new Date(iso))).toEqual({ year, month });
  });

  test("the year's range is Beijing midnight to Beijing midnight", () => {
    expect(reservedShareYearRange(2026)).toEqual({ from: new Date("2025-12-31T16:00:00Z"), to: new Date("2026-12-31T16:00:00Z") });
  });

  const movements = [pay("2026-12-31T15:30:00Z", 50_000), pay("2026-12-31T16:10:00Z", 70_000)];
  test("an order paid at 23:30 on 31 Dec counts in 2026, one at 00:10 on 1 Jan in 2027", () => {
    const y2026 = reservedShareProgress({ year: 2026, budgetFen: 1_000_000, percentBp: 3000, movements });
    const y2027 = reservedShareProgress({ year: 2027, budgetFen: 1_000_000, percentBp: 3000, movements });
    expect(y2026.countedFen).toBe(50_000);
    expect(y2026.months[11]).toMatchObject({ month: "2026-12", paidFen: 50_000 });
    expect(y2027.countedFen).toBe(70_000);
    expect(y2027.months[0]).toMatchObject({ month: "2027-01", paidFen: 70_000 });
  });
});

describe("progress", () => {
  // A canteen: food budget ¥2,000,000, 30% reserved → target ¥600,000.
  const base = { year: 2026, budgetFen: 200_000_000, percentBp: 3000 };

  test("payments and refunds by Beijing month, cumulative, remaining and percent reached", () => {
    const p = reservedShareProgress({
      ...base,
      movements: [
        pay("2026-01-10T02:00:00Z", 10_000_000),
        pay("2026-03-05T02:00:00Z", 25_000_000),
        refund("2026-03-20T02:00:00Z", 1_000_000),
        pay("2026-09-30T17:00:00Z", 5_000_000), // 1 October 01:00 in Beijing
      ],
    });
    expect(p).toMatchObject({ year: 2026, targetFen: 60_000_000, paidFen: 40_000_000, refundedFen: 1_000_000, countedFen: 39_000_000, remainingFen: 21_000_000, reachedBp: 6500, reached: false });
    expect(p.months).toHaveLength(12);
    expect(p.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`));
    expect(p.months.map((m) => m.netFen)).toEqual([10_000_000, 0, 24_000_000, 0, 0, 0, 0, 0, 0, 5_000_000, 0, 0]);
    expect(p.months.map((m) => m.cumulativeFen)).toEqual([10_000_000, 10_000_000, 34_000_000, 34_000_000, 34_000_000, 34_000_000, 34_000_000, 34_000_000, 34_000_000, 39_000_000, 39_000_000, 39_000_000]);
    expect(p.months[2]).toEqual({ month: "2026-03", paidFen: 25_000_000, refundedFen: 1_000_000, netFen: 24_000_000, cumulativeFen: 34_000_000 });
  });

  test("a refund counts in the year it was refunded: December's order refunded in January lowers the next year", () => {
    const movements = [pay("2026-12-20T02:00:00Z", 3_000_000), refund("2027-01-08T02:00:00Z", 3_000_000), pay("2027-02-01T02:00:00Z", 1_000_000)];
    const y2026 = reservedShareProgress({ ...base, movements });
    const y2027 = reservedShareProgress({ ...base, year: 2027, movements });
    // 2026 as filed stays as it was filed.
    expect(y2026).toMatchObject({ paidFen: 3_000_000, refundedFen: 0, countedFen: 3_000_000 });
    // 2027 starts ¥20,000 behind: to reach its target it has to buy the refunded amount again.
    expect(y2027).toMatchObject({ paidFen: 1_000_000, refundedFen: 3_000_000, countedFen: -2_000_000, remainingFen: 62_000_000, reachedBp: 0, reached: false });
    expect(y2027.months[0]).toMatchObject({ netFen: -3_000_000, cumulativeFen: -3_000_000 });
    expect(y2027.months[1]).toMatchObject({ netFen: 1_000_000, cumulativeFen: -2_000_000 });
  });

  test("a refund at 00:10 on 1 January (Beijing) belongs to the new year, one at 23:59 on 31 December to the old", () => {
    const movements = [pay("2026-06-01T02:00:00Z", 5_000), refund("2026-12-31T15:59:00Z", 1_000), refund("2026-12-31T16:10:00Z", 2_000)];
    expect(reservedShareProgress({ ...base, movements }).refundedFen).toBe(1_000);
    expect(reservedShareProgress({ ...base, year: 2027, movements }).refundedFen).toBe(2_000);
  });

  test.each<[string, Movement[], { countedFen: number; remainingFen: number; reachedBp: number; reached: boolean }]>([
    ["nothing yet", [], { countedFen: 0, remainingFen: 60_000_000, reachedBp: 0, reached: false }],
    ["one fen short", [pay("2026-05-01T02:00:00Z", 59_999_999)], { countedFen: 59_999_999, remainingFen: 1, reachedBp: 9999, reached: false }],
    ["exactly reached", [pay("2026-05-01T02:00:00Z", 60_000_000)], { countedFen: 60_000_000, remainingFen: 0, reachedBp: 10_000, reached: true }],
    ["beyond: remaining never below zero", [pay("2026-05-01T02:00:00Z", 90_000_000)], { countedFen: 90_000_000, remainingFen: 0, reachedBp: 15_000, reached: true }],
    ["reached, then a refund takes it back under", [pay("2026-05-01T02:00:00Z", 60_000_000), refund("2026-06-01T02:00:00Z", 1)], { countedFen: 59_999_999, remainingFen: 1, reachedBp: 9999, reached: false }],
    ["last year's and next year's money is not counted", [pay("2025-12-31T15:59:59Z", 60_000_000), pay("2026-12-31T16:00:00Z", 60_000_000)], { countedFen: 0, remainingFen: 60_000_000, reachedBp: 0, reached: false }],
  ])("%s", (_why, movements, expected) => {
    expect(reservedShareProgress({ ...base, movements })).toMatchObject(expected);
  });

  test("no budget recorded: target 0, percent reached unknown, nothing remaining", () => {
    const p = reservedShareProgress({ year: 2026, budgetFen: 0, percentBp: 3000, movements: [pay("2026-05-01T02:00:00Z", 100)] });
    expect(p).toMatchObject({ targetFen: 0, countedFen: 100, remainingFen: 0, reachedBp: null, reached: true });
  });

  test("percent reached stays exact for large figures (BigInt division)", () => {
    const p = reservedShareProgress({ year: 2026, budgetFen: 1_000_000_000_000, percentBp: 10_000, movements: [pay("2026-05-01T02:00:00Z", 999_999_999_999)] });
    expect(p.reachedBp).toBe(9999);
  });

  test("the sums are the months' sums", () => {
    const movements = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? refund : pay)(new Date(Date.UTC(2026, 0, 1) + i * 17 * 3_600_000).toISOString(), 1_000 + i));
    const p = reservedShareProgress({ ...base, movements });
    expect(p.paidFen).toBe(p.months.reduce((s, m) => s + m.paidFen, 0));
    expect(p.refundedFen).toBe(p.months.reduce((s, m) => s + m.refundedFen, 0));
    expect(p.months[11]!.cumulativeFen).toBe(p.countedFen);
    const inYear = movements.filter((m) => m.at >= new Date("2025-12-31T16:00:00Z") && m.at < new Date("2026-12-31T16:00:00Z"));
    expect(p.countedFen).toBe(inYear.reduce((s, m) => s + (m.kind === "payment" ? m.amountFen : -m.amountFen), 0));
  });

  test("a negative or fractional amount is a caller's bug", () => {
    expect(() => reservedShareProgress({ ...base, movements: [pay("2026-05-01T02:00:00Z", -1)] })).toThrow(RangeError);
    expect(() => reservedShareProgress({ ...base, movements: [refund("2026-05-01T02:00:00Z", 0.5)] })).toThrow(RangeError);
  });
});

test.each(["zh-CN", "en"] as const)("%s: every problem and warning has a message (org.reservedShare)", (locale) => {
  const t = translator(locale);
  const keys = [...RESERVED_SHARE_PROBLEMS.map((p) => `org.reservedShare.problems.${p}`), ...RESERVED_SHARE_WARNINGS.map((w) => `org.reservedShare.warnings.${w}`)];
  expect(keys.filter((k) => !t.has(k as Parameters<typeof t.has>[0]))).toEqual([]);
});

describe("the year a page shows (?year=)", () => {
  // 2026-12-31 16:30 UTC is already 2027-01-01 00:30 in Beijing.
  const newYearInBeijing = new Date("2026-12-31T16:30:00Z");
  test.each<[string | string[] | undefined, Date, number]>([
    [undefined, new Date("2026-11-30T12:00:00Z"), 2026],
    [undefined, newYearInBeijing, 2027],
    ["2025", new Date("2026-11-30T12:00:00Z"), 2025],
    [["2024", "2025"], new Date("2026-11-30T12:00:00Z"), 2024],
    ["2027", new Date("2026-11-30T12:00:00Z"), 2027],
    ["2028", new Date("2026-11-30T12:00:00Z"), 2026],
    ["2019", new Date("2026-11-30T12:00:00Z"), 2026],
    ["20x6", new Date("2026-11-30T12:00:00Z"), 2026],
    ["２０２５", new Date("2026-11-30T12:00:00Z"), 2026],
    ["", new Date("2026-11-30T12:00:00Z"), 2026],
  ])("%j at %s → %i", (param, now, year) => {
    expect(parseShareYear(param, now)).toBe(year);
  });
});
