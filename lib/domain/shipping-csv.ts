// A courier's pickup list as cooperatives export it (order number → carrier → tracking number), read and checked
// row by row. Pure (tests/unit/shipping-csv.test.ts): the server looks the order numbers up and ships the valid
// rows (lib/server/fulfilment/bulk-ship.ts).
//
// Encodings: Excel on a Chinese Windows saves "CSV" in GBK; WPS and newer Excel save UTF-8, with or without a
// BOM. A file that is valid UTF-8 is read as UTF-8 (GBK text of Chinese characters is practically never valid
// UTF-8), anything else as GBK (Node's TextDecoder has it, with full ICU, the default build).
import Papa from "papaparse";
import { parseCarrier, validateTracking, type CarrierCode, type TrackingError } from "./carriers";

export const SHIPPING_CSV_LIMITS = { maxBytes: 2 * 1024 * 1024, maxRows: 5000 } as const;

export type FileRefusal = "empty" | "tooLarge" | "tooManyRows" | "missingColumns" | "unreadable";

export type Encoding = "utf-8" | "utf-8-bom" | "gbk";

/** The file's text, and which encoding it was read in. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8-bom" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gbk" };
  }
}

type Column = "orderNumber" | "carrier" | "trackingNumber";

const headerKey = (h: string) => h.replace(/[\s_\-:：*()（）]/g, "").toLowerCase();

const HEADERS: Record<Column, readonly string[]> = {
  orderNumber: ["订单号", "订单编号", "订单", "商城订单号", "ordernumber", "orderno", "order", "orderid"],
  carrier: ["快递公司", "物流公司", "快递", "承运商", "carrier", "courier", "expresscompany"],
  trackingNumber: ["快递单号", "运单号", "物流单号", "运单编号", "快递单号码", "trackingnumber", "trackingno", "tracking", "waybill", "waybillnumber"],
};

const HEADER_OF = new Map<string, Column>();
for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) for (const n of names) HEADER_OF.set(headerKey(n), column);

export type RowError = "orderNumberRequired" | "unknownOrder" | "duplicateOrder" | "carrierRequired" | "unknownCarrier" | TrackingError;

export type CsvRow =
  | { line: number; ok: true; orderNumber: string; carrier: CarrierCode; trackingNumber: string }
  | { line: number; ok: false; orderNumber: string; errors: RowError[] };

export type ShippingCsvResult = { ok: true; encoding: Encoding; rows: CsvRow[] } | { ok: false; refusal: FileRefusal; rowCount?: number };

export interface ParseOptions {
  /** Whether this cooperative has a shipment for the order number (unknown and another cooperative's alike: no). */
  isOurs: (orderNumber: string) => boolean;
  /** The carrier for rows whose carrier cell is empty, or for a file with no carrier column (one courier's list). */
  defaultCarrier?: CarrierCode | null;
}

const cell = (row: readonly string[], i: number | undefined) => (i === undefined ? "" : (row[i] ?? "").trim());

/** Every order number the file names, for looking them up in one query before parseShippingCsv runs. */
export function orderNumbersIn(rows: readonly { orderNumber: string }[]): string[] {
  return [...new Set(rows.map((r) => r.orderNumber).filter(Boolean))];
}

/** The file read into rows of raw cells, or why it is refused as a whole (size, rows, columns). */
export function readShippingCsv(bytes: Uint8Array): { ok: true; encoding: Encoding; rows: { line: number; orderNumber: string; carrier: string; trackingNumber: string }[]; hasCarrierColumn: boolean } | { ok: false; refusal: FileRefusal; rowCount?: number } {
  if (bytes.length === 0) return { ok: false, refusal: "empty" };
  if (bytes.length > SHIPPING_CSV_LIMITS.maxBytes) return { ok: false, refusal: "tooLarge" };
  const { text, encoding } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const lines = parsed.data.map((cells, i) => ({ line: i + 1, cells })).filter(({ cells }) => cells.some((c) => String(c).trim() !== ""));
  const [first, ...body] = lines;
  if (!first) return { ok: false, refusal: "empty" };
  const header = first.cells;
  const index: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const column = HEADER_OF.get(headerKey(String(h)));
    if (column && index[column] === undefined) index[column] = i;
  });
  if (index.orderNumber === undefined || index.trackingNumber === undefined) return { ok: false, refusal: "missingColumns" };
  if (body.length > SHIPPING_CSV_LIMITS.maxRows) return { ok: false, refusal: "tooManyRows", rowCount: body.length };
  if (body.length === 0) return { ok: false, refusal: "empty" };
  // Blank rows are skipped but keep their place: the line numbers are the ones Excel shows (the header is 1).
  const rows = body.map(({ line, cells }) => ({
    line,
    orderNumber: cell(cells, index.orderNumber).replace(/\s+/g, "").toUpperCase(),
    carrier: cell(cells, index.carrier),
    trackingNumber: cell(cells, index.trackingNumber),
  }));
  return { ok: true, encoding, rows, hasCarrierColumn: index.carrier !== undefined };
}

export type ReadCsv = Extract<ReturnType<typeof readShippingCsv>, { ok: true }>;

/** Each row checked: order number ours and not repeated in the file, carrier known, tracking number well-formed. */
export function checkShippingRows(read: ReadCsv, { isOurs, defaultCarrier: fallback = null }: ParseOptions): ShippingCsvResult {
  // OTHER needs a carrier's name, which a pickup list does not give: never a default.
  const defaultCarrier = fallback === "OTHER" ? null : fallback;
  const seen = new Map<string, number>();
  for (const r of read.rows) if (r.orderNumber) seen.set(r.orderNumber, (seen.get(r.orderNumber) ?? 0) + 1);
  const rows: CsvRow[] = read.rows.map((r) => {
    const errors: RowError[] = [];
    if (!r.orderNumber) errors.push("orderNumberRequired");
    // Every row of a repeated order number is refused: which of two tracking numbers is right is not for us to guess.
    else if ((seen.get(r.orderNumber) ?? 0) > 1) errors.push("duplicateOrder");
    else if (!isOurs(r.orderNumber)) errors.push("unknownOrder");
    let carrier: CarrierCode | null = null;
    if (r.carrier) {
      carrier = parseCarrier(r.carrier);
      if (!carrier || carrier === "OTHER") errors.push("unknownCarrier");
    } else if (defaultCarrier) carrier = defaultCarrier;
    else errors.push("carrierRequired");
    if (carrier && carrier !== "OTHER") {
      const tracking = validateTracking(carrier, r.trackingNumber);
      if (!tracking.ok) errors.push(tracking.error);
      else if (errors.length === 0) return { line: r.line, ok: true, orderNumber: r.orderNumber, carrier, trackingNumber: tracking.trackingNumber };
    }
    return { line: r.line, ok: false, orderNumber: r.orderNumber, errors };
  });
  return { ok: true, encoding: read.encoding, rows };
}

/** The whole check in one call: the file (refused as a whole when too big or without its columns), then each row. */
export function parseShippingCsv(bytes: Uint8Array, options: ParseOptions): ShippingCsvResult {
  const read = readShippingCsv(bytes);
  return read.ok ? checkShippingRows(read, options) : read;
}
