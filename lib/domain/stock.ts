// Stock adjustments by a cooperative's manager (入库 received, 损耗 damage, 盘点 stocktake). Product.stock is the
// stock ON SALE: placing an order takes units from it and an ACTIVE StockReservation holds them until the order is
// paid, cancelled or expires. So the units on hand are stock + reserved, and no adjustment may leave the stock
// below zero — which is the same as never taking units that unpaid orders hold. Pure: lib/server/listings/stock.ts
// locks the product row, reads stock and reserved, asks here, and writes what this returns.

export const STOCK_REASONS = ["RECEIVED", "DAMAGE", "STOCKTAKE"] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

export const isStockReason = (value: unknown): value is StockReason => typeof value === "string" && (STOCK_REASONS as readonly string[]).includes(value);

/** No single adjustment, count or resulting stock is above this: a cooperative's lot, not a typo's extra zeros. */
export const MAX_STOCK_UNITS = 1_000_000;

/** The low-stock threshold's range (Product.lowStockThreshold). */
export const MAX_LOW_STOCK_THRESHOLD = 100_000;

export type UnitsRefusal = "required" | "notWholeNumber" | "negative" | "tooLarge";

const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * A whole number of units typed by a person (a phone's Chinese keyboard may type full-width digits): digits only,
 * no sign, no decimals, at most `max`. A leading "+" is not accepted either: it would suggest the field is a delta.
 */
export function parseUnits(input: string, max: number = MAX_STOCK_UNITS): { ok: true; value: number } | { ok: false; reason: UnitsRefusal } {
  const s = input.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (s === "") return { ok: false, reason: "required" };
  if (/^-\s*\d/.test(s)) return { ok: false, reason: "negative" };
  if (!/^\d+$/.test(s)) return { ok: false, reason: "notWholeNumber" };
  // Compare as text first so "0000…" of any length and huge numbers never pass through a float.
  const trimmed = s.replace(/^0+(?=\d)/, "");
  if (trimmed.length > String(max).length || Number(trimmed) > max) return { ok: false, reason: "tooLarge" };
  return { ok: true, value: Number(trimmed) };
}

export interface StockPosition {
  /** Units on sale (Product.stock). */
  stock: number;
  /** Units on the shelf that are not on sale: held by unpaid orders, or sold and not yet shipped. */
  reserved: number;
}

export type AdjustmentRefusal =
  | { reason: "invalidUnits" } // not a whole number in range (the caller should have parsed it)
  | { reason: "zeroUnits" } // receiving or writing off nothing
  | { reason: "damageAboveStock"; stock: number; reserved: number } // more than is on sale; reserved units are not the manager's to write off
  | { reason: "countBelowReserved"; reserved: number } // fewer counted than unpaid orders hold
  | { reason: "tooMuchStock"; max: number }; // the result would be above MAX_STOCK_UNITS

export type AdjustmentPlan = { ok: true; delta: number; stockAfter: number } | ({ ok: false } & AdjustmentRefusal);

const isUnits = (n: number) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_STOCK_UNITS;

/**
 * What an adjustment does to the stock on sale. `units` is the number received or damaged, or for a stocktake
 * the number counted on hand (on sale + held by unpaid orders). A stocktake may confirm the stock (delta 0).
 */
export function planAdjustment(reason: StockReason, units: number, { stock, reserved }: StockPosition): AdjustmentPlan {
  if (!isUnits(units)) return { ok: false, reason: "invalidUnits" };
  let stockAfter: number;
  switch (reason) {
    case "RECEIVED":
      if (units === 0) return { ok: false, reason: "zeroUnits" };
      stockAfter = stock + units;
      break;
    case "DAMAGE":
      if (units === 0) return { ok: false, reason: "zeroUnits" };
      if (units > stock) return { ok: false, reason: "damageAboveStock", stock, reserved };
      stockAfter = stock - units;
      break;
    case "STOCKTAKE":
      if (units < reserved) return { ok: false, reason: "countBelowReserved", reserved };
      stockAfter = units - reserved;
      break;
  }
  if (stockAfter + reserved > MAX_STOCK_UNITS) return { ok: false, reason: "tooMuchStock", max: MAX_STOCK_UNITS };
  return { ok: true, delta: stockAfter - stock, stockAfter };
}

/** Whether a product belongs on its cooperative's low-stock list. */
export const isLowStock = (stock: number, threshold: number): boolean => stock <= threshold;
