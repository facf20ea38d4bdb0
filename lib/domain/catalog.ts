// Invariant 6: only certified cooperatives' certified products are sold.

export interface SellableProbe {
  certificationStatus: "PENDING" | "CERTIFIED" | "REVOKED";
  cooperative: { status: "PENDING" | "CERTIFIED" | "SUSPENDED" };
}

export function isSellable(product: SellableProbe): boolean {
  return product.certificationStatus === "CERTIFIED" && product.cooperative.status === "CERTIFIED";
}

/** The same rule as a database filter on products, for writes that must check it in the row they change. */
export const SELLABLE_WHERE = { certificationStatus: "CERTIFIED", cooperative: { status: "CERTIFIED" } } as const;

export type StockLevel = "soldOut" | "low" | "inStock";

export const LOW_STOCK = 5;

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return "soldOut";
  return stock <= LOW_STOCK ? "low" : "inStock";
}
