// The manager's product editor (/coop/products/new, /coop/products/[id]): every field's rule, shared by the form
// and the server action. Messages are keys into messages/*.json ("productEditor.errors.*"), translated by the
// action chain. The price is typed in yuan as text and becomes integer fen here, or a translated refusal.
import { z } from "zod";
import { parseYuanToFen, type Fen } from "@/lib/domain/money";
import { text } from "./text";

/** ¥0.01 … ¥100,000: a price outside is a typing mistake, not a product (issue 11, "Bad input"). */
export const PRICE_MIN_FEN = 1;
export const PRICE_MAX_FEN = 10_000_000;

export const NAME_ZH_MAX = 60;
export const NAME_EN_MAX = 120;
export const DESCRIPTION_MAX = 2000;
export const UNIT_ZH_MAX = 10;
export const UNIT_EN_MAX = 20;
export const SPEC_ZH_MAX = 60;
export const SPEC_EN_MAX = 120;

const E = "productEditor.errors";

export type PriceParse = { ok: true; fen: Fen } | { ok: false; message: string };

/**
 * A price as a manager types it on a phone: "12", "12.5", "¥1,299", full-width digits from a Chinese keyboard
 * ("１２．５"), spaces around. At most two decimals. Zero or a negative is "too low", above ¥100,000 "too high".
 */
export function parsePriceText(input: string): PriceParse {
  const normalized = input.normalize("NFKC").trim();
  if (normalized === "") return { ok: false, message: `${E}.priceRequired` };
  const negative = /^-\s*[¥]?\s*\d/.test(normalized);
  const fen = parseYuanToFen(negative ? normalized.replace(/^-\s*/, "") : normalized);
  if (fen === null) {
    // Digits only, but more of them than parseYuanToFen reads: a price of a billion yuan or more.
    if (/^[¥]?\s*\d[\d,]*(\.\d{1,2})?$/.test(normalized) && normalized.replace(/[^\d.]/g, "").split(".")[0]!.length > 9) return { ok: false, message: `${E}.priceTooHigh` };
    return { ok: false, message: `${E}.priceInvalid` };
  }
  if (negative || fen < PRICE_MIN_FEN) return { ok: false, message: `${E}.priceTooLow` };
  if (fen > PRICE_MAX_FEN) return { ok: false, message: `${E}.priceTooHigh` };
  return { ok: true, fen };
}

/** Line breaks from a phone or Windows browser are stored as "\n". */
const multiline = (max: number, tooLong: string) =>
  text({ multiline: true })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .refine((v) => v.length <= max, tooLong);

const required = (max: number, missing: string, tooLong: string) => text().trim().min(1, missing).max(max, tooLong);
const optionalLine = (max: number, tooLong: string) => text().trim().max(max, tooLong).optional().default("");
const reference = (missing: string) => text().trim().min(1, missing).max(40, missing);

export const productEditorSchema = z.object({
  cooperativeId: reference(`${E}.cooperativeRequired`),
  /** Absent (or empty) for a new product. */
  productId: text()
    .max(40, `${E}.productUnknown`)
    .optional()
    .transform((v) => v || undefined),
  nameZh: required(NAME_ZH_MAX, `${E}.nameZhRequired`, `${E}.nameZhTooLong`),
  nameEn: required(NAME_EN_MAX, `${E}.nameEnRequired`, `${E}.nameEnTooLong`),
  descriptionZh: multiline(DESCRIPTION_MAX, `${E}.descriptionTooLong`).optional().default(""),
  descriptionEn: multiline(DESCRIPTION_MAX, `${E}.descriptionTooLong`).optional().default(""),
  unitZh: required(UNIT_ZH_MAX, `${E}.unitZhRequired`, `${E}.unitZhTooLong`),
  unitEn: required(UNIT_EN_MAX, `${E}.unitEnRequired`, `${E}.unitEnTooLong`),
  specZh: optionalLine(SPEC_ZH_MAX, `${E}.specZhTooLong`),
  specEn: optionalLine(SPEC_EN_MAX, `${E}.specEnTooLong`),
  categoryId: reference(`${E}.categoryRequired`),
  originVillageId: reference(`${E}.villageRequired`),
  price: text().transform((v, ctx) => {
    const parsed = parsePriceText(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.fen;
  }),
});

export type ProductEditorInput = z.output<typeof productEditorSchema>;

/** The events a manager may send for a listing (lib/domain/listing.ts LISTING_EVENTS with actor "manager"). */
export const MANAGER_LISTING_EVENTS = ["submit", "withdraw", "takeOffSale", "putOnSale", "archive", "restore"] as const;
export type ManagerListingEvent = (typeof MANAGER_LISTING_EVENTS)[number];

export const moveListingSchema = z.object({
  cooperativeId: reference(`${E}.cooperativeRequired`),
  productId: reference(`${E}.productUnknown`),
  event: z.enum(MANAGER_LISTING_EVENTS, `${E}.eventUnknown`),
});

export const deleteProductSchema = z.object({
  cooperativeId: reference(`${E}.cooperativeRequired`),
  productId: reference(`${E}.productUnknown`),
  /** The "yes, delete it" box. */
  confirm: text().optional(),
});
