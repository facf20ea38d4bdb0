// A courier's pickup list read and checked row by row: UTF-8 with and without a BOM, GBK as Excel saves it
// (bytes written out by hand in tests/fixtures/fulfilment-gbk.ts), Chinese or English headers, blank rows skipped,
// every refusal named per row, and a file too big or too long refused as a whole.
import { describe, expect, test } from "vitest";
import { decodeCsv, parseShippingCsv, SHIPPING_CSV_LIMITS, type CsvRow } from "@/lib/domain/shipping-csv";
import { GBK, gbk } from "../fixtures/fulfilment-gbk";

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);
const OURS = new Set(["TX20261201A", "TX20261201B", "TX20261201C", "TX20261201D", "TX20261201E"]);
const isOurs = (n: string) => OURS.has(n);

function rows(bytes: Uint8Array, defaultCarrier: "SF" | null = null): CsvRow[] {
  const r = parseShippingCsv(bytes, { isOurs, defaultCarrier });
  if (!r.ok) throw new Error(`refused: ${r.refusal}`);
  return r.rows;
}

test("the hand-written GBK bytes decode to their words", () => {
  for (const [word, bytes] of Object.entries(GBK)) expect(new TextDecoder("gbk").decode(new Uint8Array(bytes))).toBe(word);
});

describe("decodeCsv", () => {
  test.each([
    ["UTF-8 without BOM", utf8("订单号,快递单号\n"), "utf-8"],
    ["UTF-8 with BOM", withBom("订单号,快递单号\n"), "utf-8-bom"],
    ["GBK", gbk("订单号,快递单号\n"), "gbk"],
    ["ASCII", utf8("order number,tracking number\n"), "utf-8"],
  ])("%s", (_name, bytes, encoding) => {
    const d = decodeCsv(bytes);
    expect(d.encoding).toBe(encoding);
    expect(d.text.split(",")[0]).toMatch(/^(订单号|order number)$/);
  });

  test("GB18030's four-byte characters (a rare name) survive: decoded as GB18030, not GBK", () => {
    // 陈 (B3 C2, two bytes) and 𠀀 (U+20000, four bytes: 95 32 82 36), which a GBK decoder turns into U+FFFD.
    const d = decodeCsv(new Uint8Array([0xb3, 0xc2, 0x95, 0x32, 0x82, 0x36, 0x0a]));
    expect(d).toEqual({ text: "陈\u{20000}\n", encoding: "gbk" });
  });
});

const FILE = (h: [string, string, string]) => `${h.join(",")}\nTX20261201A,顺丰,SF1234567890123\nTX20261201B,中通,731234567890123\n`;

describe("the same list in every encoding and header language gives the same rows", () => {
  const expected = [
    { line: 2, ok: true, orderNumber: "TX20261201A", carrier: "SF", trackingNumber: "SF1234567890123" },
    { line: 3, ok: true, orderNumber: "TX20261201B", carrier: "ZTO", trackingNumber: "731234567890123" },
  ];
  test.each([
    ["UTF-8, Chinese headers", utf8(FILE(["订单号", "快递公司", "快递单号"]))],
    ["UTF-8 BOM, Chinese headers (运单号)", withBom(FILE(["订单号", "快递公司", "运单号"]))],
    ["GBK, Chinese headers", gbk(FILE(["订单号", "快递公司", "快递单号"]))],
    ["GBK, 运单号", gbk(FILE(["订单号", "快递公司", "运单号"]))],
    ["UTF-8, English headers", utf8(FILE(["Order number", "Carrier", "Tracking number"]))],
    ["CRLF, headers with spaces and colons", utf8(FILE([" 订单号：", "快递公司 ", "快递单号"]).replace(/\n/g, "\r\n"))],
    ["columns in another order", utf8("快递单号,订单号,快递公司\nSF1234567890123,TX20261201A,顺丰\n731234567890123,TX20261201B,中通\n")],
  ])("%s", (_name, bytes) => expect(rows(bytes)).toEqual(expected));
});

test("row by row: every refusal named, blank rows skipped with their line numbers kept", () => {
  const file = [
    "订单号,快递公司,快递单号",
    "TX20261201A,顺丰,SF 1234 5678 9012 3", // ok, spaces dropped
    "",
    ",,",
    "TX20261201B,极兔,JT0001234567890", // a carrier not on the list
    "TX20261201C,顺丰,SF12345", // too short
    "TX20261201D,顺丰,SF1234567890124",
    "TX20261201D,顺丰,SF1234567890125", // duplicated order number: both rows refused
    "TX99999999Z,顺丰,SF1234567890126", // not this cooperative's (or unknown: the same answer)
    ",顺丰,SF1234567890127", // no order number
    "tx20261201e,,YT1234567890123", // no carrier, no default (the order number upper-cased)
  ].join("\n");
  expect(rows(utf8(file))).toEqual([
    { line: 2, ok: true, orderNumber: "TX20261201A", carrier: "SF", trackingNumber: "SF1234567890123" },
    { line: 5, ok: false, orderNumber: "TX20261201B", errors: ["unknownCarrier"] },
    { line: 6, ok: false, orderNumber: "TX20261201C", errors: ["format"] },
    { line: 7, ok: false, orderNumber: "TX20261201D", errors: ["duplicateOrder"] },
    { line: 8, ok: false, orderNumber: "TX20261201D", errors: ["duplicateOrder"] },
    { line: 9, ok: false, orderNumber: "TX99999999Z", errors: ["unknownOrder"] },
    { line: 10, ok: false, orderNumber: "", errors: ["orderNumberRequired"] },
    { line: 11, ok: false, orderNumber: "TX20261201E", errors: ["carrierRequired"] },
  ]);
});

test("GBK rows with a carrier not on the list and a duplicate", () => {
  const file = gbk("订单号,快递公司,快递单号\r\nTX20261201A,极兔,JT0001234567890\r\nTX20261201B,圆通,YT1234567890123\r\nTX20261201B,圆通,YT1234567890124\r\n");
  expect(rows(file).map((r) => (r.ok ? "ok" : r.errors.join("+")))).toEqual(["unknownCarrier", "duplicateOrder", "duplicateOrder"]);
});

test("a file without a carrier column takes the default carrier; an explicit cell wins over it", () => {
  const file = utf8("订单号,快递单号\nTX20261201A,SF1234567890123\nTX20261201B,SF1234567890124\n");
  expect(rows(file, "SF").every((r) => r.ok)).toBe(true);
  expect(rows(file, null).map((r) => (r.ok ? "ok" : r.errors[0]))).toEqual(["carrierRequired", "carrierRequired"]);
  const mixed = utf8("订单号,快递公司,快递单号\nTX20261201A,,SF1234567890123\nTX20261201B,中通,731234567890123\n");
  expect(rows(mixed, "SF").map((r) => (r.ok ? r.carrier : "x"))).toEqual(["SF", "ZTO"]);
  // OTHER needs a name a pickup list does not give: never a default.
  const r = parseShippingCsv(file, { isOurs, defaultCarrier: "OTHER" });
  expect(r.ok && r.rows.map((x) => (x.ok ? "ok" : x.errors[0]))).toEqual(["carrierRequired", "carrierRequired"]);
});

test("a quoted cell with a comma and quotes is one cell", () => {
  const file = utf8('订单号,快递公司,快递单号,备注\nTX20261201A,顺丰,SF1234567890123,"易碎, ""轻放"""\n');
  expect(rows(file)).toHaveLength(1);
  expect(rows(file)[0]?.ok).toBe(true);
});

describe("refused as a whole", () => {
  const header = "订单号,快递公司,快递单号\n";
  test.each([
    ["empty", new Uint8Array(), "empty"],
    ["header only", utf8(header), "empty"],
    ["blank lines only", utf8("\n\n  \n"), "empty"],
    ["no order-number column", utf8("单号,快递公司\nSF1234567890123,顺丰\n"), "missingColumns"],
    ["no tracking column", utf8("订单号,快递公司\nTX20261201A,顺丰\n"), "missingColumns"],
    ["over 2 MB", new Uint8Array(SHIPPING_CSV_LIMITS.maxBytes + 1).fill(0x41), "tooLarge"],
  ])("%s", (_name, bytes, refusal) => {
    expect(parseShippingCsv(bytes, { isOurs })).toMatchObject({ ok: false, refusal });
  });

  test("5,000 data rows are read; 5,001 are refused, with the count", () => {
    const line = (i: number) => `TX${String(i).padStart(9, "0")},顺丰,SF${String(i).padStart(13, "0")}`;
    const make = (n: number) => utf8(header + Array.from({ length: n }, (_, i) => line(i)).join("\n"));
    const at = parseShippingCsv(make(5000), { isOurs });
    expect(at.ok && at.rows).toHaveLength(5000);
    expect(parseShippingCsv(make(5001), { isOurs })).toEqual({ ok: false, refusal: "tooManyRows", rowCount: 5001 });
  });

  test("a 50,000-row file: refused (by size or by rows), never half-read", () => {
    const short = utf8(header + Array.from({ length: 50_000 }, (_, i) => `${i},,`).join("\n")); // under 2 MB
    expect(short.length).toBeLessThan(SHIPPING_CSV_LIMITS.maxBytes);
    expect(parseShippingCsv(short, { isOurs })).toEqual({ ok: false, refusal: "tooManyRows", rowCount: 50_000 });
    // Real order numbers (TX + 8-digit day + 4 characters) with a note column: over 2 MB, refused before parsing.
    const real = utf8(header.replace("\n", ",备注\n") + Array.from({ length: 50_000 }, (_, i) => `TX20261201${String(i).padStart(5, "0")},顺丰速运,SF${String(i).padStart(13, "0")},易碎`).join("\n"));
    expect(real.length).toBeGreaterThan(SHIPPING_CSV_LIMITS.maxBytes);
    expect(parseShippingCsv(real, { isOurs })).toEqual({ ok: false, refusal: "tooLarge" });
  });
});
