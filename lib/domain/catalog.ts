// Invariant 6: only certified cooperatives' certified products are sold.

export interface SellableProbe {
  certificationStatus: "PENDING" | "CERTIFIED" | "REVOKED";
  cooperative: { status: "PENDING" | "CERTIFIED" | "SUSPENDED" };
}

export function isSellable(product: SellableProbe): boolean {
  return product.certificationStatus === "CERTIFIED" && product.cooperative.status === "CERTIFIED";
}

export type StockLevel = "soldOut" | "low" | "inStock";

export const LOW_STOCK = 5;

export function stockLevel(stock: number): StockLevel {
  if (stock <= 0) return "soldOut";
  return stock <= LOW_STOCK ? "low" : "inStock";
}
