// Invariant 6: only certified cooperatives' certified products are sold — and of those, only listings on sale
// under a certificate valid today (lib/domain/listing.ts). Two spellings of one rule: isSellable for a product in
// hand, sellableWhere as a database filter; tests/integration/sellable.test.ts checks they agree on every case.
import { certificateState, validUntilBound, type CertificateProbe, type ListingStatus } from "./listing";

export interface SellableProbe extends CertificateProbe {
  listingStatus: ListingStatus;
  cooperative: { status: "PENDING" | "CERTIFIED" | "SUSPENDED" };
}

/** What a query must select for isSellable to judge a product. */
export const SELLABLE_SELECT = {
  listingStatus: true,
  certificationStatus: true,
  certificateValidFrom: true,
  certificateValidUntil: true,
} as const;

export function isSellable(product: SellableProbe, now: Date = new Date()): boolean {
  return product.listingStatus === "ON_SALE" && certificateState(product, now) === "valid" && product.cooperative.status === "CERTIFIED";
}

/** The same rule as a database filter on products, for reads and for writes that must check it in the row they change. */
export function sellableWhere(now: Date = new Date()) {
  const today = validUntilBound(now);
  return {
    listingStatus: "ON_SALE" as const,
    certificationStatus: "CERTIFIED" as const,
    certificateValidUntil: { gte: today },
    OR: [{ certificateValidFrom: null }, { certificateValidFrom: { lte: today } }],
    cooperative: { status: "CERTIFIED" as const },
  };
}

export type StockLevel = "soldOut" | "low" | "inStock";

export const LOW_STOCK = 5;

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return "soldOut";
  return stock <= LOW_STOCK ? "low" : "inStock";
}
