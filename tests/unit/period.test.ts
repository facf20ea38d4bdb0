import { describe, expect, test } from "vitest";
import { addDays, addMonths, addYears, comparisonPeriod, monthsOf, parsePeriod, percentChange, periodDays, splitByMonths, type DayRange } from "@/lib/domain/period";

// 2026-03-31 20:00 UTC is already 1 April in Beijing.
const AT = (iso: string) => new Date(iso);

describe("named periods (Beijing days)", () => {
  test.each([
    ["thisMonth", "2026-11-30T06:00:00Z", "2026-11-01", "2026-11-30", "2026-10-01", "2026-10-31"], // the last day: a whole month,
    ["thisMonth", "2026-03-31T20:00:00Z", "2026-04-01", "2026-04-01", "2026-03-01", "2026-03-01"],
    ["thisMonth", "2026-03-31T06:00:00Z", "2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"],
    ["lastMonth", "2026-03-15T06:00:00Z", "2026-02-01", "2026-02-28", "2026-01-01", "2026-01-31"],
    ["lastMonth", "2026-01-10T06:00:00Z", "2025-12-01", "2025-12-31", "2025-11-01", "2025-11-30"],
    ["lastMonth", "2024-04-02T06:00:00Z", "2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"],
    ["thisYear", "2026-11-30T06:00:00Z", "2026-01-01", "2026-11-30", "2025-01-01", "2025-11-30"],
    ["thisYear", "2028-02-29T06:00:00Z", "2028-01-01", "2028-02-29", "2027-01-01", "2027-02-28"],
    ["thisYear", "2026-12-31T16:30:00Z", "2027-01-01", "2027-01-01", "2026-01-01", "2026-01-01"],
  ])("%s at %s → %s..%s, compared with %s..%s", (period, now, from, to, pFrom, pTo) => {
    const r = parsePeriod({ period }, AT(now));
    expect(r).toEqual({ ok: true, period: { kind: period, from, to }, previous: { from: pFrom, to: pTo } });
  });

  test("no parameters: this month", () => {
    expect(parsePeriod({}, AT("2026-11-30T06:00:00Z"))).toMatchObject({ ok: true, period: { kind: "thisMonth" } });
  });
  test("periodDays lastMonth in January", () => expect(periodDays("lastMonth", "2026-01-01")).toEqual({ from: "2025-12-01", to: "2025-12-31" }));
});

describe("custom periods", () => {
  const now = AT("2026-11-30T06:00:00Z");
  test.each([
    ["2026-11-10", "2026-11-19", "2026-10-31", "2026-11-09"],
    ["2026-11-10", "2026-11-10", "2026-11-09", "2026-11-09"],
    ["2026-02-01", "2026-02-28", "2026-01-01", "2026-01-31"], // a whole month: the month before
    ["2024-03-01", "2024-03-31", "2024-02-01", "2024-02-29"],
    ["2026-03-01", "2026-03-15", "2026-02-01", "2026-02-15"], // first of a month: the same days of the month before
    ["2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28"],
    ["2025-01-01", "2025-06-30", "2024-01-01", "2024-06-30"], // from 1 January: last year's same span
    ["2025-12-20", "2026-01-09", "2025-11-29", "2025-12-19"],
    ["2016-01-01", "2025-12-31", "2005-12-31", "2015-12-31"], // exactly ten years: allowed
  ])("%s..%s compared with %s..%s", (from, to, pFrom, pTo) => {
    expect(parsePeriod({ period: "custom", from, to }, now)).toEqual({ ok: true, period: { kind: "custom", from, to }, previous: { from: pFrom, to: pTo } });
  });

  test.each([
    [{ period: "custom", from: "2026-11-10", to: "2026-11-09" }, "reversed"],
    [{ period: "custom", from: "2016-01-01", to: "2026-01-01" }, "tooLong"],
    [{ period: "custom", from: "2000-01-01", to: "2026-01-01" }, "tooLong"],
    [{ period: "custom", from: "2026-02-30", to: "2026-03-01" }, "badDate"],
    [{ period: "custom", from: "2025-02-29", to: "2025-03-01" }, "badDate"],
    [{ period: "custom", from: "2026-13-01", to: "2026-13-02" }, "badDate"],
    [{ period: "custom", from: "yesterday", to: "2026-01-01" }, "badDate"],
    [{ period: "custom", from: "", to: "" }, "badDate"],
    [{ period: "custom", from: "2026-1-1", to: "2026-01-02" }, "badDate"],
    [{ period: "forever" }, "badKind"],
  ])("%o is refused: %s", (params, error) => {
    expect(parsePeriod(params, now)).toEqual({ ok: false, error });
  });

  test("from/to without period: custom", () => {
    expect(parsePeriod({ from: "2026-01-01", to: "2026-01-02" }, now)).toMatchObject({ ok: true, period: { kind: "custom" } });
  });
  test("2024-02-29 is a real date", () => expect(parsePeriod({ period: "custom", from: "2024-02-29", to: "2024-02-29" }, now)).toMatchObject({ ok: true }));
});

describe("calendar arithmetic", () => {
  test.each([
    ["2024-02-29", 1, "2025-02-28"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2026-11-30", -1, "2025-11-30"],
  ])("addYears(%s, %i) = %s", (d, n, out) => expect(addYears(d, n)).toBe(out));
  test.each([
    ["2026-03-31", -1, "2026-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2025-12-01", 1, "2026-01-01"],
  ])("addMonths(%s, %i) = %s", (d, n, out) => expect(addMonths(d, n)).toBe(out));
  test("comparison of the year so far on 29 Feb", () => expect(comparisonPeriod({ from: "2028-01-01", to: "2028-02-29" })).toEqual({ from: "2027-01-01", to: "2027-02-28" }));
  test("monthsOf", () => expect(monthsOf({ from: "2025-11-20", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]));
});

describe("percentChange", () => {
  test.each([
    [150, 100, { kind: "percent", percent: 50 }],
    [50, 100, { kind: "percent", percent: -50 }],
    [0, 100, { kind: "percent", percent: -100 }],
    [100, 0, { kind: "new" }],
    [0, 0, { kind: "same" }],
    [100, 100, { kind: "same" }],
    [1, 3, { kind: "percent", percent: -66.7 }],
    [2, 3, { kind: "percent", percent: -33.3 }],
    [100_001, 100_000, { kind: "same" }], // 0.001 % rounds to 0.0
    [3_000_000_000, 1, { kind: "percent", percent: 299_999_999_900 }],
  ])("%i against %i → %o", (cur, prev, out) => expect(percentChange(cur, prev)).toEqual(out));
});

describe("splitByMonths: whole months for the monthly rollups, the ragged ends for the daily ones", () => {
  const r = (from: string, to: string): DayRange => ({ from, to });
  test.each([
    ["one whole month", r("2026-11-01", "2026-11-30"), r("2026-11-01", "2026-11-01"), []],
    ["twelve whole months across a new year", r("2025-12-01", "2026-11-30"), r("2025-12-01", "2026-11-01"), []],
    ["a month so far (today the 17th)", r("2026-11-01", "2026-11-17"), null, [r("2026-11-01", "2026-11-17")]],
    ["inside one month", r("2026-03-10", "2026-03-20"), null, [r("2026-03-10", "2026-03-20")]],
    ["mid-month to mid-month, no whole month between", r("2026-03-10", "2026-04-20"), null, [r("2026-03-10", "2026-04-20")]],
    ["mid-month to mid-month around whole months", r("2026-01-15", "2026-04-10"), r("2026-02-01", "2026-03-01"), [r("2026-01-15", "2026-01-31"), r("2026-04-01", "2026-04-10")]],
    ["a year so far", r("2026-01-01", "2026-11-17"), r("2026-01-01", "2026-10-01"), [r("2026-11-01", "2026-11-17")]],
    ["from mid-month to a month's end", r("2026-01-31", "2026-03-31"), r("2026-02-01", "2026-03-01"), [r("2026-01-31", "2026-01-31")]],
    ["29 February in a leap year ends February", r("2028-02-01", "2028-02-29"), r("2028-02-01", "2028-02-01"), []],
    ["28 February in a leap year does not", r("2028-02-01", "2028-02-28"), null, [r("2028-02-01", "2028-02-28")]],
    ["28 February in a common year does", r("2027-02-01", "2027-02-28"), r("2027-02-01", "2027-02-01"), []],
    ["one day, the last of a month", r("2026-04-30", "2026-04-30"), null, [r("2026-04-30", "2026-04-30")]],
    ["one day, the first of a month", r("2026-04-01", "2026-04-01"), null, [r("2026-04-01", "2026-04-01")]],
    ["ten years less a day", r("2016-11-30", "2026-11-28"), r("2016-12-01", "2026-10-01"), [r("2016-11-30", "2016-11-30"), r("2026-11-01", "2026-11-28")]],
  ])("%s", (_name, range, months, days) => {
    expect(splitByMonths(range)).toEqual({ months, days });
  });

  test("the parts tile the range: in order, adjacent, no gap or overlap; no whole month left in the days (every range of 1–100 days starting in 2027–2028)", () => {
    const lastOf = (monthStart: string) => addDays(addMonths(monthStart, 1), -1);
    for (let from = "2027-01-01"; from <= "2028-12-31"; from = addDays(from, 1)) {
      for (const len of [1, 2, 27, 28, 29, 30, 31, 32, 45, 58, 59, 60, 61, 62, 89, 90, 92, 100]) {
        const range = r(from, addDays(from, len - 1));
        const { months, days } = splitByMonths(range);
        const parts = [...days, ...(months ? [r(months.from, lastOf(months.to))] : [])].sort((a, b) => (a.from < b.from ? -1 : 1));
        expect(parts[0]?.from).toBe(range.from);
        expect(parts.at(-1)?.to).toBe(range.to);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.from).toBe(addDays(parts[i - 1]!.to, 1));
        for (const d of days) {
          const firstMonth = d.from.endsWith("-01") ? d.from : addMonths(`${d.from.slice(0, 7)}-01`, 1);
          expect(d.from <= d.to && lastOf(firstMonth) > d.to, `${d.from}…${d.to} holds a whole month`).toBe(true);
        }
      }
    }
  });
});
