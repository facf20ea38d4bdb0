import "server-only";
// Releases the stock of unpaid orders whose reservation has expired. Runs on a timer in every server process
// (instrumentation.ts), and in the actions that need the fresh state of particular orders or products (placing
// an order, cancelling one, confirming a transfer) — never while a page renders: a read shows an expired,
// unswept reservation as expired without writing (queries/catalog/availability.ts, isReservationExpired in lib/domain/order-state.ts).
// Safe to run concurrently: each cancellation takes the order's lock and is conditional on its status.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cancelPendingOrderAlone } from "./lifecycle";

async function sweepWhere(db: Db, where: Prisma.OrderWhereInput, now: Date, limit: number): Promise<string[]> {
  const expired = await db.order.findMany({
    where: { ...where, status: "PENDING_PAYMENT", reservedUntil: { lt: now } },
    select: { id: true },
    orderBy: { reservedUntil: "asc" },
    take: limit,
  });
  const released: string[] = [];
  for (const { id } of expired) {
    if (await cancelPendingOrderAlone(db, id, "expired", now)) released.push(id);
  }
  return released;
}

/** Every expired reservation (the timer). Returns how many orders this call released. */
export async function sweepExpiredReservations(db: Db, now = new Date(), limit = 200): Promise<number> {
  return (await sweepWhere(db, {}, now, limit)).length;
}

/** Only this order, if its reservation ran out (before paying or cancelling it). Returns whether it was released now. */
export async function sweepOrder(db: Db, orderId: string, now = new Date()): Promise<boolean> {
  return (await sweepWhere(db, { id: orderId }, now, 1)).length === 1;
}

/**
 * The expired orders holding stock of what is in this buyer's cart (before placing an order from it): one
 * statement finds them through the cart, on every checkout (nothing to release is the usual answer).
 */
export async function sweepForCart(db: Db, userId: string, now = new Date()): Promise<number> {
  return (await sweepWhere(db, { reservations: { some: { status: "ACTIVE", product: { cartItems: { some: { cart: { userId } } } } } } }, now, 50)).length;
}
