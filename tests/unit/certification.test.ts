// The admin's certification input (lib/validation/certification.ts): certificate numbers, validity dates against
// Beijing's today, reasons, the featured toggle. Every message is a key that exists in both catalogs.
import { describe, expect, test } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { addYears, defaultValidity, featuredSchema, isCalendarDay, makeCertifySchema, rejectSchema, revokeSchema } from "@/lib/validation/certification";

// Beijing's and UTC's days differ here: a rule that used UTC days would accept a certificate ending "today" in UTC.
const NOW = new Date("2026-11-30T16:30:00.000Z"); // 00:30 on 1 December in Beijing
const certify = makeCertifySchema(() => NOW);
const base = { productId: "prod_1", certificateNumber: "TX-FPCP-2026-0101", validFrom: "2026-12-01", validUntil: "2029-12-01" };

const firstError = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? null : { path: result.error!.issues[0]!.path.join("."), message: result.error!.issues[0]!.message };

describe("certificate number", () => {
  test.each([
    ["TX-FPCP-2026-0101", "TX-FPCP-2026-0101"],
    ["  tx-fpcp-2026-0101 ", "TX-FPCP-2026-0101"], // trimmed, upper-cased
    ["冀扶贫认字(2026)第0012号", "冀扶贫认字(2026)第0012号"], // how a county office writes one
    ["唐扶认〔2026〕12号", "唐扶认〔2026〕12号"],
    ["hb/2026/0017", "HB/2026/0017"],
    ["HB/2026/17", "HB/2026/17"],
    ["ABCD", "ABCD"], // 4: the shortest
    ["A".repeat(40), "A".repeat(40)], // 40: the longest
  ])("%j is accepted as %j", (input, stored) => {
    const r = certify.safeParse({ ...base, certificateNumber: input });
    expect(r.success).toBe(true);
    expect(r.data?.certificateNumber).toBe(stored);
  });

  test.each([
    ["", "certification.errors.numberRequired"],
    ["   ", "certification.errors.numberRequired"],
    ["ABC", "certification.errors.numberLength"],
    ["A".repeat(41), "certification.errors.numberLength"],
    ["TX FPCP 2026", "certification.errors.numberShape"], // spaces inside
    ["冀扶贫认字(", "certification.errors.numberShape"], // ends with an open parenthesis
    ["-TX-2026", "certification.errors.numberShape"], // starts with a dash
    ["TX-2026/", "certification.errors.numberShape"], // ends with a slash
    ["TX_2026_01", "certification.errors.numberShape"],
    ["TX\u00002026", "validation.controlCharacters"],
  ])("%j is refused with %s", (input, message) => {
    expect(firstError(certify.safeParse({ ...base, certificateNumber: input }))).toEqual({ path: "certificateNumber", message });
  });
});

describe("validity", () => {
  test.each([
    ["today (Beijing) to three years on", "2026-12-01", "2029-12-01"],
    ["a single day: today", "2026-12-01", "2026-12-01"],
    ["started in the past, still valid today", "2025-06-01", "2026-12-01"],
    ["exactly five years", "2026-12-01", "2031-12-01"],
    ["starts later", "2027-01-01", "2030-01-01"],
    ["29 February + 5 years is 28 February", "2028-02-29", "2033-02-28"],
  ])("%s: accepted", (_, validFrom, validUntil) => {
    expect(certify.safeParse({ ...base, validFrom, validUntil }).success).toBe(true);
  });

  test.each([
    ["ends yesterday in Beijing (today in UTC)", "2026-01-01", "2026-11-30", "validUntil", "certification.errors.untilPast"],
    ["ends before it starts", "2027-06-01", "2027-05-31", "validUntil", "certification.errors.untilBeforeFrom"],
    ["five years and a day", "2026-12-01", "2031-12-02", "validUntil", "certification.errors.tooLong"],
    ["not a day", "2026-12-01", "someday", "validUntil", "certification.errors.dateInvalid"],
    ["30 February", "2027-02-30", "2028-01-01", "validFrom", "certification.errors.dateInvalid"],
    ["day first", "01-12-2026", "2029-12-01", "validFrom", "certification.errors.dateInvalid"],
    ["empty", "", "2029-12-01", "validFrom", "certification.errors.dateInvalid"],
  ])("%s: refused", (_, validFrom, validUntil, path, message) => {
    expect(firstError(certify.safeParse({ ...base, validFrom, validUntil }))).toEqual({ path, message });
  });

  test("the clock is read when parsing, not when the schema is built", () => {
    let now = new Date("2026-11-29T00:00:00.000Z");
    const schema = makeCertifySchema(() => now);
    const input = { ...base, validFrom: "2026-11-01", validUntil: "2026-11-29" };
    expect(schema.safeParse(input).success).toBe(true);
    now = new Date("2026-11-29T16:00:00.000Z"); // midnight in Beijing: the 30th
    expect(firstError(schema.safeParse(input))?.message).toBe("certification.errors.untilPast");
  });

  test.each([
    ["2026-11-30", true],
    ["2028-02-29", true],
    ["2027-02-29", false],
    ["2026-13-01", false],
    ["2026-1-01", false],
  ])("isCalendarDay(%j) = %s", (day, ok) => expect(isCalendarDay(day)).toBe(ok));

  test.each([
    ["2026-12-01", 3, "2029-12-01"],
    ["2028-02-29", 1, "2029-02-28"],
    ["2028-02-29", 4, "2032-02-29"],
  ])("addYears(%s, %i) = %s", (day, years, expected) => expect(addYears(day, years)).toBe(expected));

  test("the form proposes Beijing's today → today + 3 years, and that is accepted", () => {
    const proposed = defaultValidity(NOW);
    expect(proposed).toEqual({ validFrom: "2026-12-01", validUntil: "2029-12-01" });
    expect(certify.safeParse({ ...base, ...proposed }).success).toBe(true);
  });
});

describe("reasons (reject, revoke)", () => {
  test.each([
    ["required", "", "certification.errors.reasonRequired"],
    ["only spaces", "   \n ", "certification.errors.reasonRequired"],
    ["one character", "差", "certification.errors.reasonShort"],
    ["501 characters", "字".repeat(501), "certification.errors.reasonLong"],
    ["a control character", "照片\u0007不清晰", "validation.controlCharacters"],
  ])("%s: refused", (_, reason, message) => {
    for (const schema of [rejectSchema, revokeSchema]) expect(firstError(schema.safeParse({ productId: "p", reason }))).toEqual({ path: "reason", message });
  });

  test.each([
    ["two characters", "不符", "不符"],
    ["several lines, trimmed", "  价格与申报不符。\n请补充检测报告。 ", "价格与申报不符。\n请补充检测报告。"],
    ["500 characters", "字".repeat(500), "字".repeat(500)],
  ])("%s: accepted", (_, reason, stored) => {
    for (const schema of [rejectSchema, revokeSchema]) expect(schema.parse({ productId: "p", reason }).reason).toBe(stored);
  });

  test("a product id is required", () => {
    expect(firstError(rejectSchema.safeParse({ productId: "", reason: "不符" }))?.path).toBe("productId");
  });
});

describe("featured toggle", () => {
  test.each([
    ["true", true],
    ["false", false],
  ])("%j → %s", (featured, expected) => expect(featuredSchema.parse({ productId: "p", featured }).featured).toBe(expected));

  test.each([["yes"], ["on"], [""], [undefined]])("%j is refused", (featured) => {
    expect(featuredSchema.safeParse({ productId: "p", featured }).success).toBe(false);
  });
});

test("every message key used exists in both languages", () => {
  const keys = [
    "numberRequired",
    "numberLength",
    "numberShape",
    "duplicateNumber",
    "dateInvalid",
    "untilBeforeFrom",
    "untilPast",
    "tooLong",
    "reasonRequired",
    "reasonShort",
    "reasonLong",
    "alreadyDecided",
  ] as const;
  for (const locale of ["zh-CN", "en"] as const) {
    const t = translator(locale);
    for (const key of keys) expect(t.has(`certification.errors.${key}`), `${locale} ${key}`).toBe(true);
  }
});
