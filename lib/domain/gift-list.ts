// A union's gift list (工会慰问品): one row per recipient — name, mainland mobile, Beijing district and street
// address, and a quantity in each product's column — as an officer keeps it in Excel and uploads it (XLSX, or a
// CSV in UTF-8 or GBK). Checked row by row for the preview; the order is placed only from a list without
// errors, and its per-product totals are what the stock reservation takes, all at once.
// Pure: no Next, no Prisma. Errors are codes (field + code + params), translated under "org.giftList"
// (messages/*.json) where they are shown, so a preview stored today reads right in either language.
//
// Reused, not repeated: Beijing's 16 districts and the mobile-number rule are the account form's
// (lib/validation/account.ts) and free text follows lib/validation/text.ts. Bytes are decoded like the courier
// pickup list (lib/domain/shipping-csv.ts decodeCsv) but as GB18030 rather than "gbk" (see decodeGiftListBytes);
// Node's own TextDecoder does it, so no iconv-lite.
import Papa from "papaparse";
import { BEIJING_DISTRICTS, normalizeMainlandMobile, type DistrictCode } from "@/lib/validation/account";
import { isCleanText } from "@/lib/validation/text";

export const GIFT_LIST_LIMITS = {
  /** A big union's list is a few thousand people; 500 places in under 5 s (issue 15). */
  maxRows: 5000,
  maxBytes: 5 * 1024 * 1024,
  nameMax: 40,
  addressMin: 4,
  addressMax: 200,
  maxQuantityPerCell: 999,
} as const;

/** A product the list may name in a column header: its id, and the names a header may use (zh, en, a code). */
export interface GiftProduct {
  id: string;
  names: readonly string[];
}

export interface GiftListOptions {
  products: readonly GiftProduct[];
  /** The organisation delivers in Beijing only: any other address is an error. */
  beijingOnly: boolean;
}

export const GIFT_FIELDS = ["name", "phone", "district", "address", "quantity", "row"] as const;
export type GiftField = (typeof GIFT_FIELDS)[number];

export const GIFT_ROW_ERROR_CODES = [
  "nameRequired",
  "nameTooLong",
  "nameInvalid",
  "phoneRequired",
  "phoneInvalid",
  // Excel showed the number as 1.38123E+10: the digits are gone, the cell must be formatted as text.
  "phoneMangled",
  "districtRequired",
  "districtUnknown",
  "notBeijing",
  "districtMismatch",
  "addressRequired",
  "addressTooShort",
  "addressTooLong",
  "addressInvalid",
  "quantityInvalid",
  "quantityTooLarge",
  "noQuantity",
  "duplicate",
] as const;
export type GiftRowErrorCode = (typeof GIFT_ROW_ERROR_CODES)[number];

export interface GiftRowError {
  field: GiftField;
  code: GiftRowErrorCode;
  /** For quantity errors: the product's id (its column). */
  productId?: string;
  params?: Record<string, string | number>;
}

export const GIFT_LIST_REFUSALS = ["empty", "tooLarge", "unreadable", "tooManyRows", "missingColumns", "unknownColumns", "duplicateColumns", "noProductColumns"] as const;
export type GiftListRefusal = (typeof GIFT_LIST_REFUSALS)[number];

export interface GiftRecipient {
  name: string;
  /** 11 digits, as normalised. */
  phone: string;
  /** A Beijing district, or null for an address outside Beijing (allowed when the list is not Beijing-only). */
  district: DistrictCode | null;
  /** Outside Beijing: the province-level region the address names (河北省…), null in Beijing. */
  region: string | null;
  /** The street address, without a leading 北京市 / district the district column already says. */
  address: string;
  /** Units per product id; only products with a quantity above 0. */
  quantities: Record<string, number>;
}

export interface GiftLine {
  /** The line in the file as Excel numbers it (the header is line 1). */
  line: number;
  /** The cells as read, by field and by product id, for the preview. */
  raw: { name: string; phone: string; district: string; address: string; quantities: Record<string, string> };
  recipient: GiftRecipient | null;
  errors: GiftRowError[];
}

export type GiftListResult =
  | {
      ok: true;
      /** The product ids the file has columns for, in column order. */
      productIds: string[];
      lines: GiftLine[];
      /** Units per product over the rows without errors: what the stock reservation takes. */
      totals: Record<string, number>;
      validRows: number;
      errorRows: number;
      /** Rows without errors only, and at least one: the list can be placed. */
      placeable: boolean;
    }
  | { ok: false; refusal: GiftListRefusal; params?: Record<string, string | number> };

// ─────────────────────────── Bytes ───────────────────────────

export type GiftListEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "gb18030";

/**
 * The text of an uploaded CSV: UTF-8 with a BOM, UTF-16LE with its BOM (Excel's "Unicode text"), strict UTF-8,
 * else GB18030 — what Excel on a Chinese Windows saves as "CSV" is GBK (code page 936), and GB18030 is its
 * superset. Decoded as "gb18030", not "gbk": Node's (ICU's) "gbk" decoder turns GB18030's four-byte sequences
 * into U+FFFD and maps FE9F to a private-use character, so a name with 䶮 or 𠮷 (Excel writes such characters
 * in GB18030) would be garbled; "gb18030" decodes them (tests/unit/gift-list.test.ts). Null when the bytes are
 * not text in any of these (an impossible GB18030 sequence).
 */
export function decodeGiftListBytes(bytes: Uint8Array): { text: string; encoding: GiftListEncoding } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8 (GBK text of Chinese characters practically never is): GB18030, refusing what it cannot read.
  }
  try {
    return { text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
  } catch {
    return null;
  }
}

// ─────────────────────────── Columns ───────────────────────────

type Field = "name" | "phone" | "district" | "address";

const FIELD_HEADERS: Record<Field, readonly string[]> = {
  name: ["姓名", "收件人", "收货人", "收件人姓名", "收货人姓名", "员工姓名", "name", "recipient", "recipientname"],
  phone: ["手机", "手机号", "手机号码", "电话", "联系电话", "联系方式", "收件人电话", "收货人电话", "phone", "mobile", "phonenumber", "mobilephone"],
  district: ["区", "所在区", "区县", "所在区县", "行政区", "区域", "district"],
  address: ["详细地址", "地址", "收货地址", "收件地址", "街道地址", "address", "street", "streetaddress", "detailedaddress"],
};
const REQUIRED_FIELDS: readonly Field[] = ["name", "phone", "address"];
/** Bookkeeping columns an officer's sheet often has: read past, never an unknown product. */
const IGNORED_HEADERS = ["序号", "编号", "工号", "部门", "科室", "备注", "no", "number", "employeeid", "department", "remark", "remarks", "note", "notes"];

/** For matching headers and districts: NFKC folds full-width letters, digits and brackets. */
const toHalfWidth = (s: string) => s.normalize("NFKC");
/**
 * For what is kept (names, addresses, phones): only full-width ASCII (Ｌｉ, １３８) and the ideographic space are
 * folded; NFKC would also rewrite CJK compatibility ideographs and circled numbers, changing a name.
 */
const foldFullWidth = (s: string) => s.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/gu, " ");
const headerKey = (h: string) =>
  toHalfWidth(h)
    .replace(/^\uFEFF/u, "")
    .replace(/[\s_\-:*.#()[\]【】]+/gu, "")
    .toLowerCase();
/** A product header with its unit dropped: "唐县葡萄酒（瓶）" → the product's name. */
const withoutBrackets = (h: string) => toHalfWidth(h).replace(/[([【][^)\]】]*[)\]】]/gu, "");

const FIELD_OF = new Map<string, Field>();
for (const [field, names] of Object.entries(FIELD_HEADERS) as [Field, readonly string[]][]) for (const n of names) FIELD_OF.set(headerKey(n), field);
const IGNORED = new Set(IGNORED_HEADERS.map(headerKey));

interface Columns {
  fields: Partial<Record<Field, number>>;
  products: { id: string; index: number }[];
}

function mapColumns(header: readonly string[], products: readonly GiftProduct[]): { ok: true; columns: Columns } | { ok: false; refusal: GiftListRefusal; params?: Record<string, string | number> } {
  const productOf = new Map<string, string>();
  for (const p of products) for (const n of p.names) if (!productOf.has(headerKey(n))) productOf.set(headerKey(n), p.id);
  const fields: Partial<Record<Field, number>> = {};
  const found: { id: string; index: number }[] = [];
  const unknown: string[] = [];
  const duplicated: string[] = [];
  header.forEach((title, index) => {
    const key = headerKey(title);
    if (key === "" || IGNORED.has(key)) return;
    const field = FIELD_OF.get(key);
    if (field) {
      if (fields[field] !== undefined) duplicated.push(title.trim());
      else fields[field] = index;
      return;
    }
    const id = productOf.get(key) ?? productOf.get(headerKey(withoutBrackets(title)));
    if (id === undefined) unknown.push(title.trim());
    else if (found.some((f) => f.id === id)) duplicated.push(title.trim());
    else found.push({ id, index });
  });
  const missing = REQUIRED_FIELDS.filter((f) => fields[f] === undefined);
  if (missing.length > 0) return { ok: false, refusal: "missingColumns", params: { columns: missing.join(", ") } };
  if (duplicated.length > 0) return { ok: false, refusal: "duplicateColumns", params: { columns: duplicated.join(", ") } };
  if (unknown.length > 0) return { ok: false, refusal: "unknownColumns", params: { columns: unknown.slice(0, 10).join(", "), count: unknown.length } };
  if (found.length === 0) return { ok: false, refusal: "noProductColumns" };
  return { ok: true, columns: { fields, products: found } };
}

// ─────────────────────────── Places ───────────────────────────

/** The district a cell names: 朝阳区, 朝阳, 北京市朝阳区, Chaoyang, Chaoyang District, chaoyang; 密云县/延庆县 (before 2015). */
export function parseBeijingDistrict(cell: string): DistrictCode | null {
  const s = toHalfWidth(cell).replace(/\s+/gu, "").replace(/^(北京市|北京)/u, "").replace(/^beijing(city|,)?/iu, "").toLowerCase();
  if (s === "") return null;
  for (const d of BEIJING_DISTRICTS) {
    const zhBare = d.zh.replace(/区$/u, "");
    if (s === d.zh || s === zhBare || s === `${zhBare}县` || s === d.code || s === `${d.code}district` || s === d.en.toLowerCase()) return d.code;
  }
  return null;
}

/** Mainland province-level regions other than Beijing, as an address outside Beijing starts. */
const OTHER_PROVINCES = ["天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆"];

function otherProvinceOf(text: string): string | null {
  const s = toHalfWidth(text).replace(/\s+/gu, "");
  return OTHER_PROVINCES.find((p) => s.startsWith(p)) ?? null;
}

/** A street address that starts with 北京市 and a district: the district and the rest. */
function districtPrefix(address: string): { district: DistrictCode; rest: string } | null {
  const s = address.replace(/^(北京市|北京)\s*/u, "");
  for (const d of BEIJING_DISTRICTS) {
    if (s.startsWith(d.zh)) return { district: d.code, rest: s.slice(d.zh.length).trim() };
  }
  return null;
}

// ─────────────────────────── Rows ───────────────────────────

// Zero-width characters and a stray BOM come with names pasted from web pages and chat apps.
const INVISIBLE = /[\u200B-\u200F\uFEFF]/gu;
const EXCEL_NUMBER = /^\d(\.\d+)?e\+?\d+$/iu;

/** The key two rows are the same recipient by: normalised name, phone and address. */
const duplicateKey = (r: GiftRecipient) => [r.name.replace(/\s+/gu, "").toLowerCase(), r.phone, r.district ?? r.region ?? "", r.address.replace(/\s+/gu, "").toLowerCase()].join("|");

function checkRow(raw: GiftLine["raw"], productIds: readonly string[], beijingOnly: boolean): { recipient: GiftRecipient | null; errors: GiftRowError[] } {
  const errors: GiftRowError[] = [];

  const name = foldFullWidth(raw.name).replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  if (name === "") errors.push({ field: "name", code: "nameRequired" });
  else if (!isCleanText(name)) errors.push({ field: "name", code: "nameInvalid" });
  else if (Array.from(name).length > GIFT_LIST_LIMITS.nameMax) errors.push({ field: "name", code: "nameTooLong", params: { max: GIFT_LIST_LIMITS.nameMax } });

  const phoneCell = foldFullWidth(raw.phone).replace(INVISIBLE, "").trim();
  const phone = normalizeMainlandMobile(phoneCell.replace(/[()]/gu, ""));
  if (phoneCell === "") errors.push({ field: "phone", code: "phoneRequired" });
  else if (EXCEL_NUMBER.test(phoneCell)) errors.push({ field: "phone", code: "phoneMangled" });
  else if (!phone) errors.push({ field: "phone", code: "phoneInvalid" });

  let address = foldFullWidth(raw.address).replace(INVISIBLE, "").replace(/\s+/gu, " ").trim();
  let district: DistrictCode | null = null;
  let region: string | null = null;
  const districtCell = toHalfWidth(raw.district).replace(INVISIBLE, "").trim();
  const prefix = districtPrefix(address);
  if (districtCell !== "") {
    district = parseBeijingDistrict(districtCell);
    if (district) {
      if (prefix && prefix.district !== district) errors.push({ field: "district", code: "districtMismatch" });
      else if (prefix && prefix.rest !== "") address = prefix.rest;
    } else {
      const province = otherProvinceOf(districtCell) ?? otherProvinceOf(address);
      if (!province) errors.push({ field: "district", code: "districtUnknown", params: { value: districtCell.slice(0, 20) } });
      else if (beijingOnly) errors.push({ field: "district", code: "notBeijing" });
      else region = districtCell.slice(0, 40);
    }
  } else if (prefix) {
    district = prefix.district;
    if (prefix.rest !== "") address = prefix.rest;
  } else {
    const province = otherProvinceOf(address);
    if (!province) errors.push({ field: "district", code: "districtRequired" });
    else if (beijingOnly) errors.push({ field: "district", code: "notBeijing" });
    else region = province;
  }

  const addressLength = Array.from(address).length;
  if (address === "") errors.push({ field: "address", code: "addressRequired" });
  else if (!isCleanText(address)) errors.push({ field: "address", code: "addressInvalid" });
  else if (addressLength < GIFT_LIST_LIMITS.addressMin) errors.push({ field: "address", code: "addressTooShort", params: { min: GIFT_LIST_LIMITS.addressMin } });
  else if (addressLength > GIFT_LIST_LIMITS.addressMax) errors.push({ field: "address", code: "addressTooLong", params: { max: GIFT_LIST_LIMITS.addressMax } });

  const quantities: Record<string, number> = {};
  let anyQuantityError = false;
  for (const id of productIds) {
    const cell = foldFullWidth(raw.quantities[id] ?? "").trim();
    if (cell === "") continue;
    const m = /^(\d+)(?:\.0+)?$/u.exec(cell);
    if (!m) {
      errors.push({ field: "quantity", code: "quantityInvalid", productId: id, params: { value: cell.slice(0, 12) } });
      anyQuantityError = true;
      continue;
    }
    const n = Number(m[1]);
    if (n > GIFT_LIST_LIMITS.maxQuantityPerCell) {
      errors.push({ field: "quantity", code: "quantityTooLarge", productId: id, params: { max: GIFT_LIST_LIMITS.maxQuantityPerCell } });
      anyQuantityError = true;
    } else if (n > 0) quantities[id] = n;
  }
  if (!anyQuantityError && Object.keys(quantities).length === 0) errors.push({ field: "quantity", code: "noQuantity" });

  if (errors.length > 0 || !phone) return { recipient: null, errors };
  return { recipient: { name, phone, district, region, address, quantities }, errors };
}

/** A cell as text: XLSX gives numbers for numeric cells (a phone typed as a number, a quantity). */
const cellText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "");
const cellAt = (row: readonly unknown[], i: number | undefined): string => (i === undefined ? "" : cellText(row[i]));

/**
 * A whole table — header row, then one row per recipient, cells as text (XLSX rows as read-excel-file gives
 * them, or parsed CSV) — checked: the file as a whole first (columns, size), then row by row, then across rows
 * (the same recipient twice is an error on the later row). Blank rows are skipped but keep their line numbers.
 */
export function checkGiftTable(table: readonly (readonly unknown[])[], options: GiftListOptions): GiftListResult {
  const rows = table.map((cells, i) => ({ line: i + 1, cells })).filter(({ cells }) => cells.some((c) => cellText(c).trim() !== ""));
  const [header, ...body] = rows;
  if (!header || body.length === 0) return { ok: false, refusal: "empty" };
  // Refused before any row is read: a file this long is a mistake (a whole staff register), not a gift list.
  if (body.length > GIFT_LIST_LIMITS.maxRows) return { ok: false, refusal: "tooManyRows", params: { max: GIFT_LIST_LIMITS.maxRows, rows: body.length } };
  const mapped = mapColumns(header.cells.map(cellText), options.products);
  if (!mapped.ok) return mapped;

  const { fields, products } = mapped.columns;
  const productIds = products.map((p) => p.id);
  const seen = new Map<string, number>();
  const totals: Record<string, number> = Object.fromEntries(productIds.map((id) => [id, 0]));
  let validRows = 0;
  const lines: GiftLine[] = body.map(({ line, cells }) => {
    const raw: GiftLine["raw"] = {
      name: cellAt(cells, fields.name),
      phone: cellAt(cells, fields.phone),
      district: cellAt(cells, fields.district),
      address: cellAt(cells, fields.address),
      quantities: Object.fromEntries(products.map((p) => [p.id, cellAt(cells, p.index)])),
    };
    const checked = checkRow(raw, productIds, options.beijingOnly);
    let recipient = checked.recipient;
    if (recipient) {
      const key = duplicateKey(recipient);
      const first = seen.get(key);
      if (first !== undefined) {
        checked.errors.push({ field: "row", code: "duplicate", params: { line: first } });
        recipient = null;
      } else seen.set(key, line);
    }
    if (recipient) {
      validRows++;
      for (const [id, n] of Object.entries(recipient.quantities)) totals[id] = (totals[id] ?? 0) + n;
    }
    return { line, raw, recipient, errors: checked.errors };
  });
  const errorRows = lines.length - validRows;
  return { ok: true, productIds, lines, totals, validRows, errorRows, placeable: errorRows === 0 && validRows > 0 };
}

/** A CSV's text (already decoded), parsed and checked as checkGiftTable does. */
export function checkGiftCsvText(text: string, options: GiftListOptions): GiftListResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/u, ""), { header: false, skipEmptyLines: false });
  return checkGiftTable(
    parsed.data.filter((r) => Array.isArray(r)),
    options,
  );
}

/** An uploaded CSV's bytes: size, encoding, then checkGiftCsvText. */
export function checkGiftCsvBytes(bytes: Uint8Array, options: GiftListOptions): GiftListResult & { encoding?: GiftListEncoding } {
  if (bytes.length === 0) return { ok: false, refusal: "empty" };
  if (bytes.length > GIFT_LIST_LIMITS.maxBytes) return { ok: false, refusal: "tooLarge", params: { maxMb: GIFT_LIST_LIMITS.maxBytes / 1024 / 1024 } };
  const decoded = decodeGiftListBytes(bytes);
  if (!decoded) return { ok: false, refusal: "unreadable" };
  return { ...checkGiftCsvText(decoded.text, options), encoding: decoded.encoding };
}

/** The products a list wants more of than is available (the caller's stock figures), for a refusal before placing. */
export function stockShortfalls(totals: Readonly<Record<string, number>>, available: Readonly<Record<string, number>>): { productId: string; wanted: number; available: number }[] {
  return Object.entries(totals)
    .filter(([id, wanted]) => wanted > (available[id] ?? 0))
    .map(([productId, wanted]) => ({ productId, wanted, available: available[productId] ?? 0 }));
}
