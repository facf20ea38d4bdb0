// The manager's "quantity prices" form (components/coop/price-tiers-form.tsx) read into numbers: up to five rows
// of "from N units, x % off" (`tier.<row>.from`, `tier.<row>.discount`) and the minimum order quantity. Only the
// shape is checked here (whole numbers, a percentage with at most two decimals, both halves of a row or neither);
// the rules of a tier list are lib/domain/price-tiers.ts's, applied by the server with the product's price.
import { z } from "zod";
import { PRICE_TIER_LIMITS } from "../domain/price-tiers";
import { recordId } from "./text";

export const priceTiersSchema = z.looseObject({ cooperativeId: recordId(), productId: recordId() });

export const TIER_ROWS = PRICE_TIER_LIMITS.maxTiers;

export const tierField = (row: number, half: "from" | "discount") => `tier.${row}.${half}`;

/** A message key under org.priceTiers and its arguments, not yet translated. */
export interface FieldProblem {
  key: string;
  params?: Record<string, number>;
}

export interface TierRow {
  /** The form row (0-based), so a problem can be shown next to it. */
  row: number;
  minQuantity: number;
  discountBp: number;
}

export type PriceTierForm =
  | { ok: true; minOrderQuantity: number; rows: TierRow[] }
  | { ok: false; fieldErrors: Record<string, FieldProblem> };

const P = "org.priceTiers";
const WHOLE = /^\d{1,6}$/;
// "5", "7.5", "0.25", "5%": at most two decimals, so the discount is a whole number of basis points.
const PERCENT = /^(\d{1,2})(?:\.(\d{1,2}))?\s*%?$/;

/** "7.5" → 750 basis points; null when it is not a percentage with at most two decimals. */
export function percentToBp(text: string): number | null {
  const m = PERCENT.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 750 → "7.5", for the form's default values. */
export function bpToPercent(bp: number): string {
  return String(bp / 100);
}

/** Reads the form's fields; `raw` is what the action's loose schema let through. */
export function parsePriceTierForm(raw: Record<string, unknown>): PriceTierForm {
  const str = (k: string) => {
    const v = raw[k];
    // "1,000" and "1，000" as typed with a thousands separator.
    return typeof v === "string" ? v.trim().replace(/[,，]/g, "") : "";
  };
  const fieldErrors: Record<string, FieldProblem> = {};
  const minText = str("minOrderQuantity") || "1";
  const minOrderQuantity = WHOLE.test(minText) ? Number(minText) : NaN;
  if (!Number.isSafeInteger(minOrderQuantity)) fieldErrors.minOrderQuantity = { key: `${P}.minOrderInvalid` };

  const rows: TierRow[] = [];
  for (let row = 0; row < TIER_ROWS; row++) {
    const from = str(tierField(row, "from"));
    const discount = str(tierField(row, "discount"));
    if (!from && !discount) continue;
    if (!from || !discount) {
      fieldErrors[tierField(row, from ? "discount" : "from")] = { key: `${P}.form.rowIncomplete` };
      continue;
    }
    const minQuantity = WHOLE.test(from) ? Number(from) : NaN;
    const discountBp = percentToBp(discount);
    if (Number.isNaN(minQuantity)) fieldErrors[tierField(row, "from")] = { key: `${P}.problems.thresholdInvalid`, params: { min: PRICE_TIER_LIMITS.minThreshold, max: PRICE_TIER_LIMITS.maxThreshold } };
    if (discountBp === null) fieldErrors[tierField(row, "discount")] = { key: `${P}.form.discountFormat` };
    if (!Number.isNaN(minQuantity) && discountBp !== null) rows.push({ row, minQuantity, discountBp });
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, minOrderQuantity, rows };
}
