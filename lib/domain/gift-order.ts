// A union's gift order priced (issue 15, item 4): what a checked gift list (./gift-list.ts) costs and how it ships.
// Pure, integer fen.
//
// Price: every unit of a product is priced at the tier its total over the whole list reaches (./price-tiers.ts
// priceQuantity) — 500 employees × 1 box of walnuts is one purchase of 500 boxes — and the list's total must meet
// the product's minimum order quantity. Each recipient's line has that unit price × their quantity, so the lines
// add up to unit price × total, exactly.
// Shipping: each recipient's parcel from each cooperative is one parcel (one Shipment), charged by the cooperative's
// own terms as an ordinary order's parcel is (./checkout.ts shippingFor: its fee, waived when that parcel's items
// reach its free-shipping threshold). A gift to one person rarely reaches the threshold, so a list of gifts pays a
// fee per parcel, which is what the couriers charge the cooperative.
import { shippingFor, type CooperativeTerms } from "./checkout";
import { priceQuantity, type PriceTier } from "./price-tiers";

export interface GiftOrderProduct {
  id: string;
  cooperativeId: string;
  listPriceFen: number;
  tiers: readonly PriceTier[];
  minOrderQuantity: number;
}

export interface GiftOrderLine {
  productId: string;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
}

export interface GiftParcel {
  /** The recipient's position in the list, from 1. */
  recipientNo: number;
  cooperativeId: string;
  itemsFen: number;
  shippingFen: number;
  lines: GiftOrderLine[];
}

export interface GiftProductTotal {
  productId: string;
  units: number;
  unitPriceFen: number;
  /** 0 when no tier applies. */
  discountBp: number;
  itemsFen: number;
}

export type GiftOrderQuote =
  | { ok: true; products: GiftProductTotal[]; parcels: GiftParcel[]; itemsFen: number; shippingFen: number; totalFen: number }
  | { ok: false; problems: { productId: string; code: "belowMinOrder" | "quantityInvalid"; minOrder?: number }[] };

/**
 * The order a list of recipients makes: products in `productIds` order (the file's columns), parcels per recipient in
 * list order and, within a recipient, per cooperative in the order its first product appears. Throws on a product or
 * cooperative it was not given (the caller reads every one the list names).
 */
export function giftOrderQuote(
  recipients: readonly { quantities: Readonly<Record<string, number>> }[],
  productIds: readonly string[],
  products: ReadonlyMap<string, GiftOrderProduct>,
  terms: ReadonlyMap<string, CooperativeTerms>,
): GiftOrderQuote {
  const units = new Map<string, number>(productIds.map((id) => [id, 0]));
  for (const r of recipients) {
    for (const [id, n] of Object.entries(r.quantities)) {
      if (!units.has(id)) throw new Error(`quantity for a product outside the list's columns: ${id}`);
      units.set(id, units.get(id)! + n);
    }
  }
  const totals: GiftProductTotal[] = [];
  const problems: Extract<GiftOrderQuote, { ok: false }>["problems"] = [];
  for (const [productId, n] of units) {
    if (n === 0) continue;
    const p = products.get(productId);
    if (!p) throw new Error(`no product ${productId}`);
    const priced = priceQuantity({ listPriceFen: p.listPriceFen, tiers: p.tiers, minOrderQuantity: p.minOrderQuantity }, n);
    if (!priced.ok) {
      problems.push(priced.problem.code === "belowMinOrder" ? { productId, code: "belowMinOrder", minOrder: priced.problem.params.minOrder } : { productId, code: "quantityInvalid" });
      continue;
    }
    totals.push({ productId, units: n, unitPriceFen: priced.value.unitPriceFen, discountBp: priced.value.discountBp, itemsFen: priced.value.lineTotalFen });
  }
  if (problems.length > 0) return { ok: false, problems };

  const unitPrice = new Map(totals.map((t) => [t.productId, t.unitPriceFen]));
  const parcels: GiftParcel[] = [];
  recipients.forEach((r, i) => {
    const byCoop = new Map<string, GiftParcel>();
    for (const productId of productIds) {
      const quantity = r.quantities[productId] ?? 0;
      if (quantity <= 0) continue;
      const p = products.get(productId)!;
      const unitPriceFen = unitPrice.get(productId)!;
      let parcel = byCoop.get(p.cooperativeId);
      if (!parcel) {
        parcel = { recipientNo: i + 1, cooperativeId: p.cooperativeId, itemsFen: 0, shippingFen: 0, lines: [] };
        byCoop.set(p.cooperativeId, parcel);
      }
      parcel.lines.push({ productId, quantity, unitPriceFen, lineTotalFen: unitPriceFen * quantity });
      parcel.itemsFen += unitPriceFen * quantity;
    }
    for (const parcel of byCoop.values()) {
      const t = terms.get(parcel.cooperativeId);
      if (!t) throw new Error(`no shipping terms for cooperative ${parcel.cooperativeId}`);
      parcel.shippingFen = shippingFor(parcel.itemsFen, t);
      parcels.push(parcel);
    }
  });
  const itemsFen = totals.reduce((s, t) => s + t.itemsFen, 0);
  const shippingFen = parcels.reduce((s, p) => s + p.shippingFen, 0);
  if (!Number.isSafeInteger(itemsFen + shippingFen)) throw new RangeError("order total out of range");
  return { ok: true, products: totals, parcels, itemsFen, shippingFen, totalFen: itemsFen + shippingFen };
}
