import "server-only";
// The cart as the cart and checkout pages show it: grouped by cooperative with each one's shipping, each line at
// its quantity's price (the tier reached, as checkout charges it: lib/server/cart readCart), and the fingerprint
// the checkout form sends back so a cart changed in another tab is noticed.
import { cartFingerprint, MAX_QUANTITY_PER_LINE, orderTotals, type CooperativeTerms } from "@/lib/domain/checkout";
import type { Locale } from "@/lib/i18n/config";
import { readCart, type CartLine, type CartOwner } from "@/lib/server/cart";
import { db } from "@/lib/server/db";

export interface CartGroup {
  cooperativeId: string;
  cooperativeName: string;
  lines: (CartLine & { max: number })[];
  itemsFen: number;
  shippingFen: number;
  freeShippingMinFen: number;
}

export interface CartView {
  groups: CartGroup[];
  itemsFen: number;
  shippingFen: number;
  totalFen: number;
  count: number;
  fingerprint: string;
  allAvailable: boolean;
}

export async function getCartView(owner: CartOwner | null, locale: Locale): Promise<CartView> {
  const lines = await readCart(db, owner, locale);
  const coopIds = [...new Set(lines.map((l) => l.cooperativeId))];
  const coops = await db.cooperative.findMany({ where: { id: { in: coopIds } }, select: { id: true, shippingFeeFen: true, freeShippingMinFen: true } });
  const terms = new Map<string, CooperativeTerms>(coops.map((c) => [c.id, c]));
  const totals = orderTotals(lines.map((l) => ({ productId: l.productId, cooperativeId: l.cooperativeId, unitPriceFen: l.unitPriceFen, quantity: l.quantity })), terms);
  const groups = totals.shipments.map((s) => ({
    cooperativeId: s.cooperativeId,
    cooperativeName: lines.find((l) => l.cooperativeId === s.cooperativeId)!.cooperativeName,
    lines: lines.filter((l) => l.cooperativeId === s.cooperativeId).map((l) => ({ ...l, max: Math.max(1, Math.min(l.stock, MAX_QUANTITY_PER_LINE)) })),
    itemsFen: s.itemsFen,
    shippingFen: s.shippingFen,
    freeShippingMinFen: terms.get(s.cooperativeId)!.freeShippingMinFen,
  }));
  return {
    groups,
    itemsFen: totals.itemsFen,
    shippingFen: totals.shippingFen,
    totalFen: totals.totalFen,
    count: lines.reduce((s, l) => s + l.quantity, 0),
    fingerprint: cartFingerprint(lines),
    allAvailable: lines.every((l) => l.available && l.quantity <= l.stock && l.quantity >= l.minOrderQuantity),
  };
}
