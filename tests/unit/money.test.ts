import { describe, expect, test } from "vitest";
import { formatBasisPoints, parseYuanToFen } from "@/lib/domain/money";
import { formatMoney } from "@/lib/i18n/format";
import { formatterFor } from "@/lib/i18n/translate";

// Display goes through next-intl's formatter with the named format "money" (lib/i18n/config.ts).
describe("formatMoney", () => {
  test.each([
    [0, "zh-CN", "¥0.00"],
    [1, "zh-CN", "¥0.01"],
    [99, "zh-CN", "¥0.99"],
    [100, "zh-CN", "¥1.00"],
    [12_850, "zh-CN", "¥128.50"],
    [123_456_789, "zh-CN", "¥1,234,567.89"],
    [-250, "zh-CN", "-¥2.50"],
    [12_850, "en", "¥128.50"],
    [123_456_789, "en", "¥1,234,567.89"],
  ] as const)("%i fen in %s → %s", (fen, locale, expected) => {
    expect(formatMoney(formatterFor(locale), fen)).toBe(expected);
  });

  test.each([0.5, 1.4, Number.NaN, Number.POSITIVE_INFINITY])("refuses %d: fen are whole", (fen) => {
    expect(() => formatMoney(formatterFor("zh-CN"), fen)).toThrow(RangeError);
  });
});

describe("parseYuanToFen", () => {
  test.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.01", 1],
    ["¥1,299", 129_900],
    ["￥ 8.8", 880],
    ["  3 ", 300],
  ])("%s → %i fen", (input, fen) => {
    expect(parseYuanToFen(input)).toBe(fen);
  });

  test.each(["", "abc", "-1", "1.234", "1e3", "12.", ".5", "1,2,3.4.5", "9999999999"])("%s → null", (input) => {
    expect(parseYuanToFen(input)).toBeNull();
  });
});

describe("formatBasisPoints", () => {
  test.each([
    [1500, "15%"],
    [1250, "12.5%"],
    [1234, "12.34%"],
    [0, "0%"],
    [10_000, "100%"],
  ])("%i bp → %s", (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});
