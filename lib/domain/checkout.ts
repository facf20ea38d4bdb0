// Order arithmetic, all in integer fen, computed on the server from database prices only.
//
// Shipping rule (documented in the README): each cooperative ships its own parcel, so each cooperative in an
// order is charged its own shipping fee (Cooperative.shippingFeeFen), waived when that cooperative's items
// reach its free-shipping threshold (Cooperative.freeShippingMinFen). No discounts for now.
import { beijingDayOf } from "./calendar";

export interface PricedLine {
  productId: string;
  cooperativeId: string;
  unitPriceFen: number;
  quantity: number;
}

export interface CooperativeTerms {
  shippingFeeFen: number;
  freeShippingMinFen: number;
}

export interface ShipmentTotals {
  cooperativeId: string;
  itemsFen: number;
  shippingFen: number;
}

export interface OrderTotals {
  itemsFen: number;
  shippingFen: number;
  discountFen: number;
  totalFen: number;
  shipments: ShipmentTotals[];
}

export function shippingFor(itemsFen: number, terms: CooperativeTerms): number {
  return itemsFen >= terms.freeShippingMinFen ? 0 : terms.shippingFeeFen;
}

/** Totals per cooperative (in first-seen order) and for the order. */
export function orderTotals(lines: readonly PricedLine[], terms: ReadonlyMap<string, CooperativeTerms>): OrderTotals {
  const byCoop = new Map<string, number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) throw new RangeError("quantity must be a positive integer");
    if (!Number.isSafeInteger(l.unitPriceFen) || l.unitPriceFen < 0) throw new RangeError("price must be whole fen");
    byCoop.set(l.cooperativeId, (byCoop.get(l.cooperativeId) ?? 0) + l.unitPriceFen * l.quantity);
  }
  const shipments = [...byCoop].map(([cooperativeId, itemsFen]) => {
    const t = terms.get(cooperativeId);
    if (!t) throw new Error(`no shipping terms for cooperative ${cooperativeId}`);
    return { cooperativeId, itemsFen, shippingFen: shippingFor(itemsFen, t) };
  });
  const itemsFen = shipments.reduce((s, x) => s + x.itemsFen, 0);
  const shippingFen = shipments.reduce((s, x) => s + x.shippingFen, 0);
  return { itemsFen, shippingFen, discountFen: 0, totalFen: itemsFen + shippingFen, shipments };
}

/** How long stock stays reserved for an unpaid order. Stripe Checkout sessions live at least 30 minutes. */
export const RESERVATION_MS = {
  STRIPE: 35 * 60_000,
  BANK_TRANSFER: 3 * 24 * 60 * 60_000,
} as const;

/** Units of one product in one cart line: a canteen's order runs to hundreds (issue 15); the stock bounds it too. */
export const MAX_QUANTITY_PER_LINE = 9_999;

// Crockford base32 without I, L, O, U: easy to read aloud and to type into a bank's transfer note.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomCode(length: number, random: (n: number) => Uint8Array): string {
  const bytes = random(length);
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
}

/** Order number: TX + date in Asia/Shanghai + 6 random characters, e.g. TX20261128-7K3M9Q. */
export function orderNumber(now: Date, random: (n: number) => Uint8Array): string {
  const shanghai = beijingDayOf(now).replace(/-/g, "");
  return `TX${shanghai}-${randomCode(6, random)}`;
}

/** The reference a buyer writes on a bank transfer (附言), e.g. TXZZ-4F7K-Q2MD. */
export function transferReference(random: (n: number) => Uint8Array): string {
  const c = randomCode(8, random);
  return `TXZZ-${c.slice(0, 4)}-${c.slice(4)}`;
}

/** A fingerprint of a cart's contents: a checkout placed against a cart changed in another tab is refused. */
export function cartFingerprint(items: readonly { productId: string; quantity: number }[]): string {
  return [...items]
    .sort((a, b) => (a.productId < b.productId ? -1 : 1))
    .map((i) => `${i.productId}:${i.quantity}`)
    .join(",");
}

export interface StockTakeRefusal {
  code: "unavailable" | "soldOut";
  productId: string;
}

/**
 * What a conditional stock take (each product's units taken only if it has them) means for the order. `wanted`:
 * the cart's products; `taken`: the products whose units were taken, each with whether it is still for sale as the
 * locked row now stands. A product taken but no longer for sale (taken off sale after the cart was read) refuses the
 * order as unavailable; otherwise the first product in id order (the order the rows are locked in) that was not
 * taken refuses it as sold out. Null when every product was taken and is for sale.
 */
export function stockTakeRefusal(wanted: readonly string[], taken: ReadonlyMap<string, boolean>): StockTakeRefusal | null {
  const inLockOrder = [...wanted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const offSale = inLockOrder.find((id) => taken.get(id) === false);
  if (offSale !== undefined) return { code: "unavailable", productId: offSale };
  const short = inLockOrder.find((id) => !taken.has(id));
  return short === undefined ? null : { code: "soldOut", productId: short };
}

export type CartLineRefusal = { code: "aboveStock"; canAdd: number } | { code: "belowMinOrder"; minOrder: number };

/**
 * Whether a cart line may hold `total` units of a product: at most its stock (and the per-line cap), at least its
 * minimum order (a canteen pack). `current` is what the line holds now, so "above stock" can say how many more fit
 * (adding 5 to a line of 3 counts 3 as taken; setting a line to 8 passes 0). Zero (removing the line) is always
 * allowed.
 */
export function cartLineRefusal(product: { stock: number; minOrderQuantity: number }, total: number, current = 0): CartLineRefusal | null {
  if (total === 0) return null;
  const limit = Math.min(product.stock, MAX_QUANTITY_PER_LINE);
  if (total > limit) return { code: "aboveStock", canAdd: Math.max(0, limit - current) };
  if (total < product.minOrderQuantity) return { code: "belowMinOrder", minOrder: product.minOrderQuantity };
  return null;
}
