// Tracking-number formats per carrier: real-looking numbers pass, the usual typos (a letter for a digit, one digit
// too many or too few, another courier's prefix) are caught, and spaces, case and full-width characters are
// normalised away. Every expectation is written out here, not read from the module's table.
import { describe, expect, test } from "vitest";
import { carrierLabel, CARRIER_CODES, normaliseTrackingNumber, parseCarrier, s10CheckDigit, validateTracking, type CarrierCode } from "@/lib/domain/carriers";

describe("validateTracking", () => {
  test.each<[CarrierCode, string, string | null]>([
    // [carrier, as typed, stored as] — null: refused
    ["SF", "SF1234567890123", "SF1234567890123"],
    ["SF", "sf 1234 5678 9012 3", "SF1234567890123"],
    ["SF", "SF123456789012", "SF123456789012"],
    ["SF", "SF123456789012345", "SF123456789012345"],
    ["SF", "123456789012", "123456789012"], // an older 12-digit waybill
    ["SF", "SF12345678901", null], // 11 digits
    ["SF", "SF1234567890123456", null], // 16 digits
    ["SF", "SF12345678901O3", null], // letter O for zero
    ["SF", "YT1234567890123", null], // YTO's prefix
    ["SF", "ＳＦ１２３４５６７８９０１２３", "SF1234567890123"], // full-width input
    ["JD", "JDVA12345678901", "JDVA12345678901"],
    ["JD", "JDX012345678901", "JDX012345678901"],
    ["JD", "JD0012345678901", "JD0012345678901"],
    ["JD", "jdva 1234 5678 901", "JDVA12345678901"],
    ["JD", "JDVA123", null],
    ["JD", "VA12345678901", null],
    ["JD", "JDVABC12345678901", null], // four letters
    ["EMS", "1123456789012", "1123456789012"],
    ["EMS", "9812345678901", "9812345678901"], // 邮政快递包裹
    ["EMS", "EA123456785CN", "EA123456785CN"], // S10, check digit 5
    ["EMS", "ea 123 456 785 cn", "EA123456785CN"],
    ["EMS", "112345678901", null], // 12 digits
    ["EMS", "5123456789012", null], // starts with 5
    ["EMS", "EA12345678CN", null], // 8 digits
    ["ZTO", "731234567890123", "731234567890123"],
    ["ZTO", "123456789012", "123456789012"],
    ["ZTO", "73123456789", null], // 11 digits
    ["ZTO", "7312345678901234", null], // 16
    ["ZTO", "73123456789O12", null],
    ["YTO", "YT1234567890123", "YT1234567890123"],
    ["YTO", "YT123456789012345678", "YT123456789012345678"], // 18 digits
    ["YTO", "YT123456789012", null], // 12 digits
    ["YTO", "1234567890123", null], // no prefix
    ["YUNDA", "4312345678901", "4312345678901"],
    ["YUNDA", "431234567890123", "431234567890123"],
    ["YUNDA", "431234567890", null], // 12
    ["YUNDA", "4312345678901234", null], // 16
    ["STO", "773123456789012", "773123456789012"],
    ["STO", "551234567890", "551234567890"],
    ["STO", "77312345678901a", null],
    ["OTHER", "jt0001234567890", "JT0001234567890"],
    ["OTHER", "DBL-12345", "DBL-12345"],
    ["OTHER", "12345", null], // 5 characters
    ["OTHER", "ABC_123456", null], // underscore
    ["OTHER", "A".repeat(41), null],
  ])("%s %j → %j", (carrier, typed, stored) => {
    const r = validateTracking(carrier, typed, carrier === "OTHER" ? "极兔速递" : null);
    if (stored === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, carrier, carrierName: carrier === "OTHER" ? "极兔速递" : null, trackingNumber: stored });
  });

  test.each<[CarrierCode, string, string | null, string, string]>([
    ["SF", "", null, "required", "trackingNumber"],
    ["SF", "   ", null, "required", "trackingNumber"],
    ["SF", "SF12", null, "format", "trackingNumber"],
    ["EMS", "EA123456789CN", null, "checkDigit", "trackingNumber"], // check digit should be 5
    ["OTHER", "JT0001234567890", null, "carrierNameRequired", "carrierName"],
    ["OTHER", "JT0001234567890", "  ", "carrierNameRequired", "carrierName"],
    ["OTHER", "JT0001234567890", "快".repeat(41), "carrierNameTooLong", "carrierName"],
  ])("%s %j (name %j) → %s on %s", (carrier, typed, name, error, field) => {
    expect(validateTracking(carrier, typed, name)).toEqual({ ok: false, error, field });
  });

  test("a carrier name is kept only for OTHER, trimmed, its inner spaces collapsed", () => {
    expect(validateTracking("OTHER", "JT0001234567890", "  极兔   速递 ")).toMatchObject({ ok: true, carrierName: "极兔 速递" });
    expect(validateTracking("SF", "SF1234567890123", "ignored")).toMatchObject({ ok: true, carrierName: null });
  });
});

describe("S10 check digit (UPU)", () => {
  test.each([
    ["12345678", 5], // 204 mod 11 = 6 → 5
    ["47312482", 9], // AA473124829GB, the UPU S10 standard's own example
    ["00000000", 5], // 11 → 5
    ["00000001", 4],
  ])("%s → %i", (serial, digit) => {
    // Written out: weights 8 6 4 2 3 5 9 7, 11 − sum mod 11, 10 → 0, 11 → 5.
    const sum = [...serial].reduce((s, d, i) => s + Number(d) * ([8, 6, 4, 2, 3, 5, 9, 7][i] as number), 0);
    const expected = 11 - (sum % 11) === 10 ? 0 : 11 - (sum % 11) === 11 ? 5 : 11 - (sum % 11);
    expect(expected).toBe(digit);
    expect(s10CheckDigit(serial)).toBe(digit);
  });
});

describe("parseCarrier", () => {
  test.each<[string, CarrierCode | null]>([
    ["顺丰", "SF"],
    ["顺丰速运", "SF"],
    ["SF Express", "SF"],
    ["sf", "SF"],
    ["京东", "JD"],
    ["京东物流", "JD"],
    ["JD Logistics", "JD"],
    ["中国邮政", "EMS"],
    ["EMS", "EMS"],
    ["邮政EMS", "EMS"],
    ["中国邮政 EMS", "EMS"],
    ["中通", "ZTO"],
    ["中通快递", "ZTO"],
    ["ZTO Express", "ZTO"],
    ["圆通", "YTO"],
    ["圆通速递", "YTO"],
    ["韵达", "YUNDA"],
    ["Yunda", "YUNDA"],
    ["申通", "STO"],
    ["STO", "STO"],
    ["其他", "OTHER"],
    ["极兔", null],
    ["德邦", null],
    ["", null],
    ["   ", null],
  ])("%j → %s", (raw, code) => expect(parseCarrier(raw)).toBe(code));
});

test("every carrier has a Chinese and an English name", () => {
  for (const code of CARRIER_CODES) {
    expect(carrierLabel(code, "zh-CN")).not.toBe(code === "EMS" || code === "OTHER" ? "" : code);
    expect(carrierLabel(code, "en")).toMatch(/^[\x20-\x7e]+$/);
  }
  expect(carrierLabel("OTHER", "zh-CN", "极兔速递")).toBe("极兔速递");
  expect(carrierLabel("SF", "zh-CN")).toBe("顺丰速运");
  expect(carrierLabel("SF", "en")).toBe("SF Express");
});

test("normaliseTrackingNumber drops every kind of space and upper-cases", () => {
  expect(normaliseTrackingNumber(" sf\u3000123\t456 ")).toBe("SF123456");
});
