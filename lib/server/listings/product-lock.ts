import "server-only";
// The product row's lock, taken first by every change to a product or to what hangs off it (its details, photos,
// stock, price tiers), so that changes of one product run one after another.
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the product's row with the lock the change's own statement takes. An edit (no key column changes: the
 * slug and certificate number stay) takes FOR NO KEY UPDATE, as an UPDATE does: an order being placed holds KEY
 * SHARE on the row from its lines' and reservations' foreign keys (a gift order before it takes the stock, a
 * checkout in the same statement), and FOR UPDATE would queue behind that while the order then queued behind it,
 * a deadlock (seen under a checkout rush: tests/integration/checkout-contention.test.ts). A delete needs FOR
 * UPDATE. The stock adjustment and price-tier save read columns under the same FOR NO KEY UPDATE in their own
 * statements (./stock.ts, ./price-tiers.ts).
 */
export async function lockProductRow(tx: Tx, productId: string, change: "edit" | "delete"): Promise<void> {
  if (change === "delete") await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ${productId} FOR UPDATE`;
  else await tx.$queryRaw`SELECT "id" FROM "Product" WHERE "id" = ${productId} FOR NO KEY UPDATE`;
}
