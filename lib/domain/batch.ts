// A production batch (lot) of a product, printed on its labels with the QR code of its public origin page.
// Pure rules for what a manager types: the lot number, the production date (a Beijing calendar day, not in the
// future, not absurdly old) and the quantity. Notes (harvest plot, quality test) are free text.
import { beijingDayOf } from "./calendar";
import { MAX_STOCK_UNITS } from "./stock";

/** Letters, digits and the separators lot numbers use (NHC-2026-09, 2026/09A, L_07.1), up to 40 characters. */
const LOT = /^[0-9A-Z](?:[0-9A-Z._/-]{0,38}[0-9A-Z])?$/;

/** How far back a production date may go: wine ages, but a lot from before this is a typo. */
export const OLDEST_PRODUCTION_YEARS = 30;

export const MAX_BATCH_NOTE = 500;

export type LotRefusal = "required" | "invalid";

/** The lot number as stored: trimmed and upper-cased, so "nhc-01" and "NHC-01" are one lot. */
export function normalizeLotNumber(input: string): { ok: true; value: string } | { ok: false; reason: LotRefusal } {
  const value = input.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim().toUpperCase();
  if (value === "") return { ok: false, reason: "required" };
  return LOT.test(value) ? { ok: true, value } : { ok: false, reason: "invalid" };
}

export type DateRefusal = "required" | "invalid" | "future" | "tooOld";

/**
 * A production date typed as YYYY-MM-DD (what <input type="date"> sends): a real calendar day, not after today in
 * Beijing and not more than OLDEST_PRODUCTION_YEARS years before it. Returns the day, for a DATE column.
 */
export function parseProductionDate(input: string, now: Date): { ok: true; day: string; date: Date } | { ok: false; reason: DateRefusal } {
  const s = input.trim();
  if (s === "") return { ok: false, reason: "required" };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return { ok: false, reason: "invalid" };
  const date = new Date(`${s}T00:00:00.000Z`);
  // 2026-02-30 parses to 2 March: only a day that reads back the same is real.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== s) return { ok: false, reason: "invalid" };
  const today = beijingDayOf(now);
  if (s > today) return { ok: false, reason: "future" };
  const oldest = `${String(Number(today.slice(0, 4)) - OLDEST_PRODUCTION_YEARS).padStart(4, "0")}${today.slice(4)}`;
  if (s < oldest) return { ok: false, reason: "tooOld" };
  return { ok: true, day: s, date };
}

/** A batch's quantity: at least one unit, at most MAX_STOCK_UNITS. */
export const isBatchQuantity = (n: number): boolean => Number.isSafeInteger(n) && n >= 1 && n <= MAX_STOCK_UNITS;
