// Quantity prices for institutional buying: a product's tiers ("≥50 units −5%, ≥200 −8%", set by its
// cooperative's manager) and its minimum order quantity (a canteen pack). Pure, integer fen; problems are message
// keys under "org.priceTiers" (messages/*.json). The server prices every line with unitPriceFor from the
// database's tiers; nothing the browser sends about price is used.
//
// Why a discount in basis points and not a unit price per tier: a cooperative states its terms as a discount
// (满50件95折), and a discount stays right when the product's price changes (price changes apply to new orders
// only, and a stored tier price above a lowered list price would silently become a surcharge). The cost is one
// rounding, fixed here: unit price = list price × (10000 − bp) / 10000, rounded half up to the fen, per unit
// (so the line total is unit × quantity exactly, as the invoice lists it), and never below 1 fen.

/** One tier: from `minQuantity` units on, `discountBp` off the list price (500 = 5%). */
export interface PriceTier {
  minQuantity: number;
  discountBp: number;
}

export const PRICE_TIER_LIMITS = {
  maxTiers: 5,
  /** A tier of 1 would be a plain price cut: change the price instead. */
  minThreshold: 2,
  maxThreshold: 100_000,
  minDiscountBp: 1,
  /** Half price at most: deeper cuts are a mistake more often than a policy. */
  maxDiscountBp: 5000,
  /**
   * A canteen pack: 1 (no minimum) up to this — the cart's per-line maximum (lib/domain/checkout.ts
   * MAX_QUANTITY_PER_LINE), so a product's minimum can always be put in a cart. (Tier thresholds may go higher:
   * a gift list's total of a product is not one cart line.)
   */
  maxMinOrderQuantity: 9_999,
} as const;

export const TIER_PROBLEM_CODES = ["tooMany", "thresholdInvalid", "duplicateThreshold", "discountInvalid", "discountNotIncreasing", "noPriceGain", "belowMinOrder"] as const;
export type TierProblemCode = (typeof TIER_PROBLEM_CODES)[number];

export interface TierProblem {
  /** The tier's position in the list as given (0-based), null for the list as a whole. */
  index: number | null;
  code: TierProblemCode;
  params?: Record<string, number>;
}

export type MinOrderProblem = "minOrderInvalid";

/**
 * A manager's tier list, checked: thresholds whole numbers from 2, discounts whole basis points 1–5000, no two
 * tiers at one threshold, and a deeper discount at every higher threshold. With the list price, also that every
 * tier's rounded unit price is strictly below the one before (at a few fen, 5% and 8% can round to the same
 * price); with the minimum order quantity, that no tier starts below it (it could never apply as written).
 * Tiers come back sorted by threshold; every problem is reported, not only the first.
 */
export function validateTiers(
  tiers: readonly PriceTier[],
  context: { listPriceFen?: number; minOrderQuantity?: number } = {},
): { ok: true; tiers: PriceTier[] } | { ok: false; problems: TierProblem[] } {
  const L = PRICE_TIER_LIMITS;
  const problems: TierProblem[] = [];
  if (tiers.length > L.maxTiers) problems.push({ index: null, code: "tooMany", params: { max: L.maxTiers } });
  tiers.forEach((t, index) => {
    if (!Number.isSafeInteger(t.minQuantity) || t.minQuantity < L.minThreshold || t.minQuantity > L.maxThreshold)
      problems.push({ index, code: "thresholdInvalid", params: { min: L.minThreshold, max: L.maxThreshold } });
    if (!Number.isSafeInteger(t.discountBp) || t.discountBp < L.minDiscountBp || t.discountBp > L.maxDiscountBp)
      problems.push({ index, code: "discountInvalid", params: { min: L.minDiscountBp, max: L.maxDiscountBp } });
    if (context.minOrderQuantity !== undefined && Number.isSafeInteger(t.minQuantity) && t.minQuantity < context.minOrderQuantity)
      problems.push({ index, code: "belowMinOrder", params: { minOrder: context.minOrderQuantity } });
  });
  if (problems.length > 0) return { ok: false, problems };

  const order = tiers.map((t, index) => ({ ...t, index })).sort((a, b) => a.minQuantity - b.minQuantity);
  for (let i = 1; i < order.length; i++) {
    const prev = order[i - 1]!;
    const cur = order[i]!;
    if (cur.minQuantity === prev.minQuantity) problems.push({ index: cur.index, code: "duplicateThreshold", params: { quantity: cur.minQuantity } });
    else if (cur.discountBp <= prev.discountBp) problems.push({ index: cur.index, code: "discountNotIncreasing", params: { quantity: prev.minQuantity } });
  }
  if (problems.length === 0 && context.listPriceFen !== undefined && Number.isSafeInteger(context.listPriceFen) && context.listPriceFen >= 1) {
    let before = context.listPriceFen;
    for (const t of order) {
      const price = discountedUnitPrice(context.listPriceFen, t.discountBp);
      if (price >= before) problems.push({ index: t.index, code: "noPriceGain", params: { priceFen: price } });
      before = price;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, tiers: order.map(({ minQuantity, discountBp }) => ({ minQuantity, discountBp })) };
}

/** A product's minimum order quantity: a whole number from 1 (no minimum) to 10,000. */
export function minOrderProblem(minOrderQuantity: number): MinOrderProblem | null {
  return Number.isSafeInteger(minOrderQuantity) && minOrderQuantity >= 1 && minOrderQuantity <= PRICE_TIER_LIMITS.maxMinOrderQuantity ? null : "minOrderInvalid";
}

/** The list price less `bp` basis points, rounded half up to the fen, never below 1 fen. */
export function discountedUnitPrice(listPriceFen: number, bp: number): number {
  if (!Number.isSafeInteger(listPriceFen) || listPriceFen < 1) throw new RangeError(`list price must be a positive whole number of fen, got ${listPriceFen}`);
  if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10_000) throw new RangeError(`discount must be 0–10000 basis points, got ${bp}`);
  // Integers only: fen × (10000 − bp) stays exact below 2^53, i.e. for list prices up to 9×10^11 fen.
  const scaled = listPriceFen * (10_000 - bp);
  const rest = scaled % 10_000;
  const whole = (scaled - rest) / 10_000;
  return Math.max(1, rest * 2 >= 10_000 ? whole + 1 : whole);
}

/** The tier that applies to `quantity` (the highest threshold reached), or null. Tiers as validateTiers returns them. */
export function tierFor(tiers: readonly PriceTier[], quantity: number): PriceTier | null {
  let found: PriceTier | null = null;
  for (const t of tiers) if (quantity >= t.minQuantity && (!found || t.minQuantity > found.minQuantity)) found = t;
  return found;
}

export interface PricedQuantity {
  unitPriceFen: number;
  lineTotalFen: number;
  /** 0 when no tier applies. */
  discountBp: number;
  /** The threshold of the tier applied, null when none. */
  tierMinQuantity: number | null;
  /** The next tier up, to say "N more for −x%"; null at the top tier. */
  next: { minQuantity: number; discountBp: number; moreUnits: number } | null;
}

export const QUANTITY_PROBLEM_CODES = ["quantityInvalid", "belowMinOrder"] as const;
export type QuantityProblem = { code: "quantityInvalid" } | { code: "belowMinOrder"; params: { minOrder: number } };

/**
 * A line priced: the quantity must be a positive whole number and at least the product's minimum order
 * quantity; the unit price is the list price less the tier reached, the line total unit price × quantity.
 */
export function priceQuantity(
  terms: { listPriceFen: number; tiers: readonly PriceTier[]; minOrderQuantity: number },
  quantity: number,
): { ok: true; value: PricedQuantity } | { ok: false; problem: QuantityProblem } {
  if (!Number.isSafeInteger(quantity) || quantity < 1) return { ok: false, problem: { code: "quantityInvalid" } };
  if (quantity < terms.minOrderQuantity) return { ok: false, problem: { code: "belowMinOrder", params: { minOrder: terms.minOrderQuantity } } };
  const tier = tierFor(terms.tiers, quantity);
  const discountBp = tier?.discountBp ?? 0;
  const unitPriceFen = discountedUnitPrice(terms.listPriceFen, discountBp);
  const lineTotalFen = unitPriceFen * quantity;
  if (!Number.isSafeInteger(lineTotalFen)) return { ok: false, problem: { code: "quantityInvalid" } };
  const up = terms.tiers.filter((t) => t.minQuantity > quantity).sort((a, b) => a.minQuantity - b.minQuantity)[0];
  return {
    ok: true,
    value: {
      unitPriceFen,
      lineTotalFen,
      discountBp,
      tierMinQuantity: tier?.minQuantity ?? null,
      next: up ? { minQuantity: up.minQuantity, discountBp: up.discountBp, moreUnits: up.minQuantity - quantity } : null,
    },
  };
}

/**
 * The tiers as the database keeps them (Product.priceTiers, a JSON array written from validateTiers' result),
 * sorted by threshold. Anything that would not pass validateTiers reads as no tiers: the list price, never a
 * price nobody set.
 */
export function storedTiers(value: unknown): PriceTier[] {
  if (!Array.isArray(value) || value.length === 0) return [];
  const tiers: PriceTier[] = [];
  for (const item of value) {
    if (typeof item !== "object" || item === null) return [];
    const { minQuantity, discountBp } = item as Record<string, unknown>;
    if (typeof minQuantity !== "number" || typeof discountBp !== "number") return [];
    tiers.push({ minQuantity, discountBp });
  }
  const checked = validateTiers(tiers);
  return checked.ok ? checked.tiers : [];
}

/**
 * A tier's discount as a Chinese shop writes it, in 折 (the share of the price paid): 500 bp off → "95" (95 折),
 * 800 → "92", 1000 → "9" (9 折), 1250 → "87.5", 5000 → "5".
 */
export function zheOf(discountBp: number): string {
  const paidPercent = (10_000 - discountBp) / 100;
  return String(paidPercent % 10 === 0 ? paidPercent / 10 : paidPercent);
}

/** The arguments of the message org.priceTiers.discount ("95 折" / "5% off"). */
export const discountArgs = (discountBp: number) => ({ zhe: zheOf(discountBp), percent: discountBp / 100 });
