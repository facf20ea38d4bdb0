// The couriers a cooperative hands its parcels to, and what each one's tracking numbers look like. Pure and
// table-driven (tests/unit/carriers.test.ts). The formats are permissive enough for the numbers the couriers
// print today (and a few older ones still seen on pickup lists), strict enough to catch the usual typos: a
// letter where a digit goes, a digit too many or too few, another courier's prefix. EMS's international (UPU
// S10) numbers carry a check digit, which is checked.

export const CARRIER_CODES = ["SF", "JD", "EMS", "ZTO", "YTO", "YUNDA", "STO", "OTHER"] as const;
export type CarrierCode = (typeof CARRIER_CODES)[number];

export interface Carrier {
  code: CarrierCode;
  nameZh: string;
  nameEn: string;
  /** A tracking number of the right shape, shown as a hint beside the field and in error messages. */
  example: string;
  /** Other ways a pickup list or a person writes the carrier (compared after normalising, see carrierKey). */
  aliases: readonly string[];
  patterns: readonly RegExp[];
}

/** UPU S10: 2 letters, 8 serial digits, 1 check digit, the 2-letter country code. */
const S10 = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

export const CARRIERS: readonly Carrier[] = [
  // SF + 12–15 digits today; 12 bare digits on older waybills.
  { code: "SF", nameZh: "顺丰速运", nameEn: "SF Express", example: "SF1234567890123", aliases: ["顺丰", "顺丰快递", "sfexpress", "sf"], patterns: [/^SF\d{12,15}$/, /^\d{12}$/] },
  // JD + an optional letter series (JDVA, JDX, JDAZ…) + 10–16 digits.
  { code: "JD", nameZh: "京东物流", nameEn: "JD Logistics", example: "JDVA12345678901", aliases: ["京东", "京东快递", "jdl", "jd"], patterns: [/^JD[A-Z]{0,3}\d{10,16}$/] },
  // Domestic: 13 digits from 1 (EMS) or 9 (邮政快递包裹); international: S10 with its check digit.
  { code: "EMS", nameZh: "中国邮政 EMS", nameEn: "China Post EMS", example: "1123456789012", aliases: ["中国邮政", "邮政", "邮政ems", "中国邮政ems", "邮政快递包裹", "chinapost", "ems"], patterns: [/^[19]\d{12}$/, S10] },
  { code: "ZTO", nameZh: "中通快递", nameEn: "ZTO Express", example: "731234567890123", aliases: ["中通", "zto"], patterns: [/^\d{12,15}$/] },
  { code: "YTO", nameZh: "圆通速递", nameEn: "YTO Express", example: "YT1234567890123", aliases: ["圆通", "圆通快递", "yto"], patterns: [/^YT\d{13,18}$/] },
  { code: "YUNDA", nameZh: "韵达快递", nameEn: "Yunda Express", example: "4312345678901", aliases: ["韵达", "韵达速递", "yunda", "yd"], patterns: [/^\d{13,15}$/] },
  { code: "STO", nameZh: "申通快递", nameEn: "STO Express", example: "773123456789012", aliases: ["申通", "sto"], patterns: [/^\d{12,15}$/] },
  { code: "OTHER", nameZh: "其他", nameEn: "Other", example: "ABC-123456", aliases: ["其它", "other"], patterns: [/^[A-Z0-9-]{6,40}$/] },
];

const BY_CODE = new Map(CARRIERS.map((c) => [c.code, c]));

export const carrierOf = (code: CarrierCode): Carrier => BY_CODE.get(code) as Carrier;

export const isCarrierCode = (value: string): value is CarrierCode => BY_CODE.has(value as CarrierCode);

/** The carrier's name in the reader's language; for OTHER, the name the manager typed when there is one. */
export function carrierLabel(code: string, locale: string, carrierName?: string | null): string {
  if (code === "OTHER" && carrierName) return carrierName;
  const c = BY_CODE.get(code as CarrierCode);
  if (!c) return code;
  return locale === "en" ? c.nameEn : c.nameZh;
}

/** Full-width letters and digits (typed with a Chinese input method) → ASCII; U+3000 → a space. */
function halfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** A tracking number as stored: no spaces anywhere (pasted numbers are often grouped), upper case, ASCII. */
export function normaliseTrackingNumber(raw: string): string {
  return halfWidth(raw).replace(/\s+/g, "").toUpperCase();
}

const carrierKey = (raw: string) => halfWidth(raw).replace(/[\s()（）·.\-_]/g, "").toLowerCase();

const BY_NAME = new Map<string, CarrierCode>();
for (const c of CARRIERS) for (const name of [c.code, c.nameZh, c.nameEn, ...c.aliases]) BY_NAME.set(carrierKey(name), c.code);

/** The carrier a pickup list's cell or a form's value names (code, Chinese or English name, common short name). */
export function parseCarrier(raw: string): CarrierCode | null {
  const key = carrierKey(raw);
  return key ? (BY_NAME.get(key) ?? null) : null;
}

/** UPU S10 check digit over the 8 serial digits; 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * (weights[i] as number);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

export type TrackingError = "required" | "format" | "checkDigit" | "carrierNameRequired" | "carrierNameTooLong";

export type TrackingResult =
  | { ok: true; carrier: CarrierCode; carrierName: string | null; trackingNumber: string }
  | { ok: false; error: TrackingError; field: "trackingNumber" | "carrierName" };

/**
 * A tracking number checked against its carrier's formats, after normalising (spaces dropped, upper case,
 * full-width characters made ASCII). OTHER needs the carrier's name (1–40 characters).
 */
export function validateTracking(carrier: CarrierCode, rawNumber: string, rawCarrierName?: string | null): TrackingResult {
  let carrierName: string | null = null;
  if (carrier === "OTHER") {
    carrierName = halfWidth(rawCarrierName ?? "").trim().replace(/\s+/g, " ");
    if (!carrierName) return { ok: false, error: "carrierNameRequired", field: "carrierName" };
    if ([...carrierName].length > 40) return { ok: false, error: "carrierNameTooLong", field: "carrierName" };
  }
  const trackingNumber = normaliseTrackingNumber(rawNumber);
  if (!trackingNumber) return { ok: false, error: "required", field: "trackingNumber" };
  const { patterns } = carrierOf(carrier);
  if (!patterns.some((p) => p.test(trackingNumber))) return { ok: false, error: "format", field: "trackingNumber" };
  if (carrier === "EMS" && S10.test(trackingNumber) && s10CheckDigit(trackingNumber.slice(2, 10)) !== Number(trackingNumber[10])) {
    return { ok: false, error: "checkDigit", field: "trackingNumber" };
  }
  return { ok: true, carrier, carrierName, trackingNumber };
}
