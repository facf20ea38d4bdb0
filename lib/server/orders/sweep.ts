import "server-only";
// Releases the stock of unpaid orders whose reservation has expired. Runs on a timer in every server process
// (instrumentation.ts) and lazily before reads that show stock or orders, so it happens even when the buyer
// never comes back and no cron server exists. Safe to run concurrently: each cancellation is conditional.
import type { Db } from "@/lib/db/client";
import { cancelPendingOrder } from "./lifecycle";

export async function sweepExpiredReservations(db: Db, now = new Date(), limit = 200): Promise<number> {
  const expired = await db.order.findMany({
    where: { status: "PENDING_PAYMENT", reservedUntil: { lt: now } },
    select: { id: true },
    orderBy: { reservedUntil: "asc" },
    take: limit,
  });
  let released = 0;
  for (const { id } of expired) {
    if (await db.$transaction((tx) => cancelPendingOrder(tx, id, "expired", now))) released++;
  }
  return released;
}

let last = 0;
/** At most once every few seconds per process, for calling on reads. */
export async function sweepSoon(db: Db, everyMs = 5_000): Promise<void> {
  const now = Date.now();
  if (now - last < everyMs) return;
  last = now;
  try {
    await sweepExpiredReservations(db);
  } catch (error) {
    console.error("reservation sweep failed:", error);
  }
}
