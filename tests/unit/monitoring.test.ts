import { describe, expect, test } from "vitest";
import {
  belowLine,
  canDecide,
  coversThroughout,
  evaluateHousehold,
  lastCompleteQuarter,
  lastDayOfMonth,
  lineFromSetting,
  monthsRead,
  noIncome3m,
  parseLineYuan,
  quarterDrop,
  trendOf,
  type HouseholdInput,
} from "@/lib/domain/monitoring";

const since = (from: string, to: string | null = null) => [{ from, to }];
const h = (incomeByMonth: Record<string, number>, participations = since("2020-01-01"), memberCount = 1): HouseholdInput => ({ incomeByMonth, participations, memberCount });

describe("calendar", () => {
  test.each([
    ["2024-02", "2024-02-29"],
    ["2025-02", "2025-02-28"],
    ["2000-02", "2000-02-29"],
    ["2100-02", "2100-02-28"],
    ["2026-04", "2026-04-30"],
    ["2026-12", "2026-12-31"],
  ])("last day of %s is %s", (month, day) => expect(lastDayOfMonth(month)).toBe(day));

  test.each([
    ["2026-01", "2025Q4"],
    ["2026-03", "2025Q4"],
    ["2026-04", "2026Q1"],
    ["2026-11", "2026Q3"],
    ["2026-12", "2026Q3"],
  ])("the last complete quarter in %s is %s", (month, quarter) => expect(lastCompleteQuarter(month)).toBe(quarter));

  test("the months read reach back to the quarter a year before", () => {
    expect(monthsRead("2026-11")).toEqual({ first: "2025-07", last: "2026-10" });
    expect(monthsRead("2026-01")).toEqual({ first: "2024-10", last: "2025-12" });
  });

  test.each([
    [since("2026-08-01"), "2026-08-01", "2026-10-31", true],
    [since("2026-08-02"), "2026-08-01", "2026-10-31", false],
    [since("2026-08-01", "2026-10-30"), "2026-08-01", "2026-10-31", false],
    [since("2026-08-01", "2026-10-31"), "2026-08-01", "2026-10-31", true],
    // Two cooperatives one after another, no gap: covered; a one-day gap: not.
    [[{ from: "2026-08-01", to: "2026-09-15" }, { from: "2026-09-16", to: null }], "2026-08-01", "2026-10-31", true],
    [[{ from: "2026-08-01", to: "2026-09-15" }, { from: "2026-09-17", to: null }], "2026-08-01", "2026-10-31", false],
    [[{ from: "2026-09-01", to: null }, { from: "2026-07-01", to: "2026-09-30" }], "2026-08-01", "2026-10-31", true],
    [[], "2026-08-01", "2026-10-31", false],
  ])("coverage %#", (p, first, last, expected) => expect(coversThroughout(p, first, last)).toBe(expected));
});

describe("NO_INCOME_3M", () => {
  test.each([
    { name: "no income for Aug–Oct", input: h({ "2026-07": 500 }), month: "2026-11", key: "2026-10" },
    { name: "income in September", input: h({ "2026-09": 1 }), month: "2026-11", key: null },
    { name: "the current month's income does not count", input: h({ "2026-11": 900 }), month: "2026-11", key: "2026-10" },
    { name: "a refund month (negative) is no income", input: h({ "2026-08": -300 }), month: "2026-11", key: "2026-10" },
    { name: "joined on 2 August: not the whole of August", input: h({}, since("2026-08-02")), month: "2026-11", key: null },
    { name: "joined on 1 August", input: h({}, since("2026-08-01")), month: "2026-11", key: "2026-10" },
    { name: "left on 30 October", input: h({}, since("2025-01-01", "2026-10-30")), month: "2026-11", key: null },
    { name: "across the new year", input: h({}), month: "2027-01", key: "2026-12" },
    { name: "leap February: joined 1 Dec, left 29 Feb 2024", input: h({}, since("2023-12-01", "2024-02-29")), month: "2024-03", key: "2024-02" },
    { name: "leap February: left 28 Feb 2024", input: h({}, since("2023-12-01", "2024-02-28")), month: "2024-03", key: null },
    { name: "non-leap February: left 28 Feb 2025", input: h({}, since("2024-12-01", "2025-02-28")), month: "2025-03", key: "2025-02" },
  ])("$name", ({ input, month, key }) => {
    const r = noIncome3m(input, month);
    expect(r?.periodKey ?? null).toBe(key);
    if (r?.rule === "NO_INCOME_3M") expect(r.details.months).toHaveLength(3);
  });

  test("the details name the months and their income", () => {
    expect(noIncome3m(h({ "2026-08": -300 }), "2026-11")).toEqual({
      rule: "NO_INCOME_3M",
      periodKey: "2026-10",
      details: { months: ["2026-08", "2026-09", "2026-10"], incomeFen: [-300, 0, 0] },
    });
  });
});

describe("QUARTER_DROP", () => {
  const q3 = (a: number, b: number, c: number, year: number) => ({ [`${year}-07`]: a, [`${year}-08`]: b, [`${year}-09`]: c });
  test.each([
    { name: "49% of a year before", income: { ...q3(100, 100, 100, 2025), ...q3(49, 49, 49, 2026) }, p: since("2025-01-01"), key: "2026Q3", percent: 49 },
    { name: "exactly 50% is not below", income: { ...q3(100, 100, 100, 2025), ...q3(50, 50, 50, 2026) }, p: since("2025-01-01"), key: null, percent: 0 },
    { name: "one fen under 50%", income: { ...q3(100, 100, 100, 2025), ...q3(50, 50, 49, 2026) }, p: since("2025-01-01"), key: "2026Q3", percent: 49 },
    { name: "no income a year before", income: q3(0, 0, 0, 2026), p: since("2025-01-01"), key: null, percent: 0 },
    { name: "to nothing", income: q3(100, 0, 0, 2025), p: since("2025-01-01"), key: "2026Q3", percent: 0 },
    { name: "joined mid-quarter a year before", income: { ...q3(100, 100, 100, 2025) }, p: since("2025-08-01"), key: null, percent: 0 },
    { name: "left mid-quarter", income: { ...q3(100, 100, 100, 2025) }, p: since("2025-01-01", "2026-09-15"), key: null, percent: 0 },
    { name: "a gap between the quarters does not matter", income: { ...q3(100, 100, 100, 2025) }, p: [{ from: "2025-07-01", to: "2025-09-30" }, { from: "2026-07-01", to: null }], key: "2026Q3", percent: 0 },
  ])("$name", ({ income, p, key, percent }) => {
    const r = quarterDrop(h(income, p), "2026-11");
    expect(r?.periodKey ?? null).toBe(key);
    if (r?.rule === "QUARTER_DROP") {
      expect(r.details.previousQuarter).toBe("2025Q3");
      expect(r.details.percent).toBe(percent);
    }
  });

  test("in January, the quarter is last year's Q4 against the year before's", () => {
    const r = quarterDrop(h({ "2024-10": 1000, "2025-12": 10 }), "2026-01");
    expect(r).toMatchObject({ periodKey: "2025Q4", details: { previousQuarter: "2024Q4", incomeFen: 10, previousIncomeFen: 1000, percent: 1 } });
  });
});

describe("BELOW_LINE", () => {
  const twelve = (fen: number) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${i < 1 ? "2025-12" : `2026-${String(i).padStart(2, "0")}`}`, fen]));
  test.each([
    { name: "¥5,000 a year, one member, line ¥6,600", income: twelve(500_00 * 10 / 12 | 0), members: 1, p: since("2025-01-01"), flagged: true },
    { name: "exactly at the line is not below", income: twelve(55_000), members: 1, p: since("2025-01-01"), flagged: false },
    { name: "at the line for one member, below for two", income: twelve(55_000), members: 2, p: since("2025-01-01"), flagged: true },
    { name: "joined 11 months ago: not judged", income: {}, members: 1, p: since("2026-01-01"), flagged: false },
    { name: "joined on the first day of the 12 months", income: {}, members: 1, p: since("2025-12-01"), flagged: true },
    { name: "joined one day later", income: {}, members: 1, p: since("2025-12-02"), flagged: false },
  ])("$name", ({ income, members, p, flagged }) => {
    const r = belowLine(h(income, p, members), "2026-12", 660_000);
    expect(r !== null).toBe(flagged);
    if (r) expect(r.periodKey).toBe("2026-11");
  });

  test("the numbers: ¥9,000 over 12 months for 3 members is ¥3,000 each", () => {
    const r = belowLine(h({ "2026-03": 900_000 }, since("2020-01-01"), 3), "2026-12", 660_000);
    expect(r).toEqual({ rule: "BELOW_LINE", periodKey: "2026-11", details: { months: ["2025-12", "2026-11"], incomeFen: 900_000, memberCount: 3, perMemberFen: 300_000, lineFen: 660_000 } });
  });

  test("over a leap February the window is still 12 months", () => {
    const r = belowLine(h({}, since("2023-03-01")), "2024-03", 660_000);
    expect(r?.details).toMatchObject({ months: ["2023-03", "2024-02"] });
    expect(belowLine(h({}, since("2023-03-02")), "2024-03", 660_000)).toBeNull();
  });
});

describe("all rules", () => {
  test("a household with nothing for years is flagged by the two rules that apply", () => {
    expect(evaluateHousehold(h({}), "2026-11", 660_000).map((r) => r.rule)).toEqual(["NO_INCOME_3M", "BELOW_LINE"]);
  });
  test("a household that never took part is flagged by nothing", () => {
    expect(evaluateHousehold(h({}, []), "2026-11", 660_000)).toEqual([]);
  });
});

describe("decisions, line, trend", () => {
  test.each([
    ["OPEN", "KEPT", true],
    ["OPEN", "RESOLVED", true],
    ["KEPT", "RESOLVED", true],
    ["KEPT", "KEPT", false],
    ["RESOLVED", "KEPT", false],
    ["RESOLVED", "RESOLVED", false],
  ] as const)("%s → %s: %s", (from, to, ok) => expect(canDecide(from, to)).toBe(ok));

  test.each([
    ["6600", 660_000],
    ["6600.5", 660_050],
    [" 7200.05 ", 720_005],
    ["0", null],
    ["-1", null],
    ["abc", null],
    ["6600.123", null],
    ["100001", null],
  ])("line %j → %j", (raw, fen) => expect(parseLineYuan(raw)).toBe(fen));

  test.each([
    [720_000, 720_000],
    [undefined, 660_000],
    ["720000", 660_000],
    [-5, 660_000],
    [1.5, 660_000],
  ])("setting %j → %j", (value, fen) => expect(lineFromSetting(value)).toBe(fen));

  test.each([
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "up"],
    [[9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0], "down"],
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "flat"],
    [[5], "flat"],
  ] as const)("trend of %j is %s", (values, trend) => expect(trendOf(values)).toBe(trend));
});
