import "server-only";
// What an order's stock movement touched in the catalog: for each product of its lines, the units on sale now
// and how many the order took or gave back. Read after the order's transaction committed; the tags to
// invalidate follow from it (./tags.ts).
import type { Db } from "@/lib/db/client";
import type { StockChange } from "./tags";

/**
 * `taken`: the order reserved its units (placed, or paid after a cancellation); `released`: it gave them back
 * (cancelled, expired, payment failed); `unknown`: a webhook or sweep whose direction is not known here.
 */
export type StockMovement = "taken" | "released" | "unknown";

export async function orderStockChanges(db: Db, orderIds: readonly string[], movement: StockMovement): Promise<StockChange[]> {
  if (orderIds.length === 0) return [];
  const items = await db.orderItem.findMany({
    where: { orderId: { in: [...orderIds] } },
    select: { quantity: true, product: { select: { id: true, stock: true } } },
  });
  const sign = movement === "taken" ? -1 : 1;
  return items.map((i) => ({ productId: i.product.id, stockAfter: i.product.stock, delta: movement === "unknown" ? null : sign * i.quantity }));
}
