// The manager's quantity-prices form read into numbers (lib/validation/price-tiers.ts): percentages with at most
// two decimals become whole basis points, half-filled rows and non-numbers are reported next to their field.
import { describe, expect, test } from "vitest";
import { parsePriceTierForm, percentToBp } from "@/lib/validation/price-tiers";

describe("percentToBp", () => {
  test.each<[string, number | null]>([
    ["5", 500],
    ["5%", 500],
    ["7.5", 750],
    ["0.01", 1],
    ["12.25", 1225],
    ["50", 5000],
    ["7.125", null], // a third decimal is not a whole basis point
    ["-5", null],
    ["五", null],
    ["", null],
    ["100", null], // three digits: never a discount here (the domain caps it at 50%)
  ])("%j → %s", (text, bp) => {
    expect(percentToBp(text)).toBe(bp);
  });
});

describe("parsePriceTierForm", () => {
  test("empty rows are skipped, a missing minimum is 1, thousands separators are read", () => {
    expect(parsePriceTierForm({ "tier.0.from": "", "tier.0.discount": "", "tier.2.from": "1,000", "tier.2.discount": "8", "tier.4.from": " 50 ", "tier.4.discount": "5" })).toEqual({
      ok: true,
      minOrderQuantity: 1,
      rows: [
        { row: 2, minQuantity: 1000, discountBp: 800 },
        { row: 4, minQuantity: 50, discountBp: 500 },
      ],
    });
  });

  test.each<[string, Record<string, string>, string[]]>([
    ["half a row", { "tier.1.from": "50" }, ["tier.1.discount"]],
    ["the other half", { "tier.1.discount": "5" }, ["tier.1.from"]],
    ["a fraction of a unit", { "tier.0.from": "50.5", "tier.0.discount": "5" }, ["tier.0.from"]],
    ["a minimum that is not a number", { minOrderQuantity: "six" }, ["minOrderQuantity"]],
    ["both halves wrong", { "tier.3.from": "x", "tier.3.discount": "y" }, ["tier.3.discount", "tier.3.from"]],
  ])("%s → refused at %j", (_why, fields, where) => {
    const r = parsePriceTierForm(fields);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.fieldErrors).sort()).toEqual(where);
  });

  test("a sixth row is not read", () => {
    expect(parsePriceTierForm({ "tier.5.from": "50", "tier.5.discount": "5" })).toEqual({ ok: true, minOrderQuantity: 1, rows: [] });
  });
});
