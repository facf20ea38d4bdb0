import { describe, expect, test } from "vitest";
import {
  daysInRange,
  defaultRange,
  fenToYuanString,
  isCalendarDate,
  lastMonths,
  MAX_RANGE_DAYS,
  parseMonth,
  parseReportParams,
  type ReportParamsResult,
  salesCsvFileName,
  statementCsvFileName,
} from "@/lib/domain/reports";

// 2026-11-15 10:00 in Beijing.
const NOW = new Date("2026-11-15T02:00:00.000Z");

describe("isCalendarDate", () => {
  test.each([
    ["2026-11-01", true],
    ["2026-12-31", true],
    ["2024-02-29", true], // leap year
    ["2000-02-29", true], // divisible by 400
    ["2026-02-29", false],
    ["1900-02-29", false], // divisible by 100, not by 400
    ["2026-02-30", false],
    ["2026-11-31", false],
    ["2026-13-01", false],
    ["2026-00-10", false],
    ["2026-11-00", false],
    ["2026-1-01", false],
    ["2026-11-1", false],
    ["26-11-01", false],
    ["2026/11/01", false],
    ["20261101", false],
    [" 2026-11-01", false],
    ["2026-11-01T00:00", false],
    ["", false],
    ["yesterday", false],
  ])("%j → %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe("daysInRange", () => {
  test.each([
    ["2026-11-01", "2026-11-01", 1],
    ["2026-11-01", "2026-11-30", 30],
    ["2026-01-01", "2026-12-31", 365],
    ["2024-01-01", "2024-12-31", 366],
    ["2026-02-28", "2026-03-01", 2],
  ])("%s..%s → %i days", (from, to, days) => {
    expect(daysInRange({ from, to })).toBe(days);
  });
});

describe("defaultRange: the first of this month to today, in Beijing", () => {
  test.each([
    ["2026-11-15T02:00:00.000Z", "2026-11-01", "2026-11-15"],
    // 23:59 on 31 October in UTC is already 1 November in Beijing.
    ["2026-10-31T16:30:00.000Z", "2026-11-01", "2026-11-01"],
    // 15:59 UTC on 30 November is 23:59 in Beijing, still November.
    ["2026-11-30T15:59:59.000Z", "2026-11-01", "2026-11-30"],
    ["2026-12-31T16:00:00.000Z", "2027-01-01", "2027-01-01"],
  ])("at %s → %s..%s", (iso, from, to) => {
    expect(defaultRange(new Date(iso))).toEqual({ from, to });
  });
});

describe("parseReportParams", () => {
  const ok = (by: string, from: string, to: string): ReportParamsResult => ({ ok: true, by, range: { from, to } }) as ReportParamsResult;
  const err = (error: string): ReportParamsResult => ({ ok: false, error }) as ReportParamsResult;

  test.each<[string, Record<string, string | string[] | undefined>, ReportParamsResult]>([
    ["nothing: by village, this month so far", {}, ok("village", "2026-11-01", "2026-11-15")],
    ["empty values are missing values", { by: "", from: "", to: "" }, ok("village", "2026-11-01", "2026-11-15")],
    ["by cooperative", { by: "cooperative" }, ok("cooperative", "2026-11-01", "2026-11-15")],
    ["by category", { by: "category" }, ok("category", "2026-11-01", "2026-11-15")],
    ["by month", { by: "month", from: "2026-01-01", to: "2026-11-30" }, ok("month", "2026-01-01", "2026-11-30")],
    ["an explicit range", { from: "2026-10-01", to: "2026-10-31" }, ok("village", "2026-10-01", "2026-10-31")],
    ["one day", { from: "2026-10-01", to: "2026-10-01" }, ok("village", "2026-10-01", "2026-10-01")],
    ["only from: to is today", { from: "2026-10-01" }, ok("village", "2026-10-01", "2026-11-15")],
    ["only to: from is the first of this month", { to: "2026-11-20" }, ok("village", "2026-11-01", "2026-11-20")],
    ["spaces around values", { by: " month ", from: " 2026-10-01 ", to: "2026-10-31 " }, ok("month", "2026-10-01", "2026-10-31")],
    ["a repeated parameter: the first counts", { by: ["category", "village"], from: ["2026-10-01", "x"], to: "2026-10-02" }, ok("category", "2026-10-01", "2026-10-02")],
    ["exactly 366 days", { from: "2024-01-01", to: "2024-12-31" }, ok("village", "2024-01-01", "2024-12-31")],
    ["an unknown dimension", { by: "province" }, err("badDimension")],
    ["dimensions are lower case", { by: "VILLAGE" }, err("badDimension")],
    ["a dimension that is a SQL fragment", { by: "village; DROP TABLE x" }, err("badDimension")],
    ["a date that does not exist", { from: "2026-02-30", to: "2026-03-01" }, err("badDate")],
    ["an unparseable from", { from: "last week", to: "2026-11-01" }, err("badDate")],
    ["an unparseable to", { from: "2026-11-01", to: "2026-11-31" }, err("badDate")],
    ["a timestamp", { from: "2026-11-01T00:00:00Z" }, err("badDate")],
    ["slashes", { from: "2026/11/01" }, err("badDate")],
    ["reversed", { from: "2026-12-31", to: "2026-01-01" }, err("reversedRange")],
    ["reversed by a day", { from: "2026-11-02", to: "2026-11-01" }, err("reversedRange")],
    ["only from, after today", { from: "2026-11-16" }, err("reversedRange")],
    ["367 days", { from: "2024-01-01", to: "2025-01-01" }, err("rangeTooLong")],
    ["two years", { from: "2024-01-01", to: "2025-12-31" }, err("rangeTooLong")],
  ])("%s", (_why, params, expected) => {
    expect(parseReportParams(params, NOW)).toEqual(expected);
  });

  test(`the longest accepted range is ${MAX_RANGE_DAYS} days`, () => {
    expect(parseReportParams({ from: "2026-01-01", to: "2027-01-01" }, NOW)).toEqual({ ok: true, by: "village", range: { from: "2026-01-01", to: "2027-01-01" } });
    expect(parseReportParams({ from: "2026-01-01", to: "2027-01-02" }, NOW)).toEqual({ ok: false, error: "rangeTooLong" });
  });
});

describe("parseMonth", () => {
  test.each([
    ["2026-11", { month: "2026-11", from: "2026-11-01", to: "2026-11-30" }],
    ["2026-12", { month: "2026-12", from: "2026-12-01", to: "2026-12-31" }],
    ["2026-01", { month: "2026-01", from: "2026-01-01", to: "2026-01-31" }],
    ["2026-02", { month: "2026-02", from: "2026-02-01", to: "2026-02-28" }],
    ["2024-02", { month: "2024-02", from: "2024-02-01", to: "2024-02-29" }],
    ["2026-04", { month: "2026-04", from: "2026-04-01", to: "2026-04-30" }],
  ])("%s → %j", (value, expected) => {
    expect(parseMonth(value)).toEqual(expected);
  });

  test.each([undefined, "", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "2026/11", "1999-12", "3000-01", " 2026-11", "2026-11 ", "latest"])("%j → null", (value) => {
    expect(parseMonth(value)).toBeNull();
  });
});

describe("lastMonths (Beijing time)", () => {
  test.each([
    ["2026-11-15T02:00:00.000Z", 6, ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]],
    ["2026-02-10T00:00:00.000Z", 3, ["2025-12", "2026-01", "2026-02"]],
    ["2026-01-01T00:00:00.000Z", 2, ["2025-12", "2026-01"]],
    // 20:00 UTC on 31 December is 04:00 on 1 January in Beijing.
    ["2026-12-31T20:00:00.000Z", 2, ["2026-12", "2027-01"]],
    ["2026-11-15T02:00:00.000Z", 1, ["2026-11"]],
    ["2026-11-15T02:00:00.000Z", 13, ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]],
    ["2026-11-15T02:00:00.000Z", 0, []],
  ] as const)("at %s, last %i → %j", (iso, n, expected) => {
    expect(lastMonths(new Date(iso), n)).toEqual(expected);
  });
});

describe("fenToYuanString", () => {
  test.each([
    [0, "0.00"],
    [1, "0.01"],
    [10, "0.10"],
    [99, "0.99"],
    [100, "1.00"],
    [1234, "12.34"],
    [123_456, "1234.56"],
    [100_000_000, "1000000.00"],
    [-5, "-0.05"],
    [-1234, "-12.34"],
    [-100, "-1.00"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%i fen → %s", (fen, expected) => {
    expect(fenToYuanString(fen)).toBe(expected);
  });

  test.each([0.5, -1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("refuses %d: fen are whole and safe", (fen) => {
    expect(() => fenToYuanString(fen)).toThrow(RangeError);
  });
});

// The CSV writer itself is tested in csv.test.ts.

describe("file names", () => {
  test.each([
    [{ by: "village", from: "2026-11-01", to: "2026-11-30" }, "sales-by-village-2026-11-01-2026-11-30.csv"],
    [{ by: "month", from: "2026-01-01", to: "2026-12-31" }, "sales-by-month-2026-01-01-2026-12-31.csv"],
  ] as const)("sales %j → %s", (q, name) => {
    expect(salesCsvFileName(q)).toBe(name);
  });

  test.each([
    ["nanhongcheng-grape", "2026-11", "statement-nanhongcheng-grape-2026-11.csv"],
    // Nothing that could end the header's quoted filename gets through.
    ['evil"; x=1', "2026-11", "statement-evilx1-2026-11.csv"],
  ])("statement %s %s → %s", (slug, month, name) => {
    expect(statementCsvFileName(slug, month)).toBe(name);
  });
});
