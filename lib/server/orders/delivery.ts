import "server-only";
// A shipped parcel becomes delivered: the buyer confirms receipt (确认收货), or 15 days after shipping the
// sweep counts it as delivered. Both go through deliverShipment: under the order's row lock (as every change to
// an order, lifecycle.ts), a conditional update from SHIPPED, so a buyer's tap and the sweep — or two sweeps
// in two server processes — deliver a parcel once, and notify once. When the order's last live parcel is
// delivered the order is DELIVERED (lib/domain/delivery.ts decides).
import { ownOrderWhere } from "@/lib/server/queries/orders";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { autoDeliverCutoff, orderStatusAfterDelivery } from "@/lib/domain/delivery";
import { next } from "@/lib/domain/order-state";
import { audit } from "@/lib/server/audit";
import { notify } from "@/lib/server/notify";
import { lockOrder } from "./lifecycle";

type Tx = Prisma.TransactionClient;

const DELIVERED = next("shipment", "SHIPPED", "delivered") ?? "DELIVERED";

/**
 * SHIPPED → DELIVERED for one shipment of `orderId`, inside the caller's transaction. False when the shipment is
 * not (or no longer) shipped: nothing is written then.
 */
async function deliverShipment(tx: Tx, shipment: { id: string; orderId: string }, by: { actorId: string | null; automatically: boolean }, now: Date): Promise<boolean> {
  await lockOrder(tx, shipment.orderId);
  const moved = await tx.shipment.updateMany({
    where: { id: shipment.id, orderId: shipment.orderId, status: "SHIPPED" },
    data: { status: DELIVERED, deliveredAt: now, deliveredAutomatically: by.automatically },
  });
  if (moved.count !== 1) return false;
  const order = await tx.order.findUniqueOrThrow({ where: { id: shipment.orderId }, select: { status: true, shipments: { select: { status: true } } } });
  const orderStatus = orderStatusAfterDelivery(
    order.status,
    order.shipments.map((s) => s.status),
  );
  if (orderStatus && orderStatus !== order.status) {
    // Under the lock the status read is the one updated; the condition only guards against a bug elsewhere.
    await tx.order.updateMany({ where: { id: shipment.orderId, status: order.status }, data: { status: orderStatus } });
  }
  await notify(tx, { type: "shipmentDelivered", shipmentId: shipment.id, automatically: by.automatically });
  await audit(tx, {
    action: by.automatically ? "shipment.delivered-automatically" : "shipment.receipt-confirmed",
    actorId: by.actorId,
    entityType: "Shipment",
    entityId: shipment.id,
    metadata: { orderId: shipment.orderId, ...(orderStatus ? { orderStatus } : {}) },
  });
  return true;
}

export type ConfirmReceiptOutcome = "delivered" | "notFound" | "notShipped";

/**
 * The buyer confirms a parcel arrived. Only the order's buyer finds the shipment (anyone else: notFound, as if
 * it did not exist); only a SHIPPED one moves.
 */
export async function confirmReceipt(db: Db, input: { buyerId: string; organisationId?: string | null; shipmentId: string }, now = new Date()): Promise<ConfirmReceiptOutcome> {
  const shipment = await db.shipment.findFirst({ where: { id: input.shipmentId, order: ownOrderWhere(input.buyerId, input.organisationId) }, select: { id: true, orderId: true } });
  if (!shipment) return "notFound";
  const delivered = await db.$transaction((tx) => deliverShipment(tx, shipment, { actorId: input.buyerId, automatically: false }, now));
  return delivered ? "delivered" : "notShipped";
}

/**
 * Every shipment shipped more than 15 days ago and still not confirmed becomes delivered, automatically. Runs on
 * the timer in every server process (instrumentation.ts): each shipment is its own small transaction with a
 * conditional update, so sweeps running at once over the same shipments deliver each once (the loser's update
 * finds it DELIVERED and writes nothing). Works in batches of `batch`, at most `limit` per call; returns how
 * many this call delivered.
 */
export async function sweepDueDeliveries(db: Db, now = new Date(), { batch = 100, limit = 2_000 }: { batch?: number; limit?: number } = {}): Promise<number> {
  const cutoff = autoDeliverCutoff(now);
  let delivered = 0;
  let seen = 0;
  // Shipments another process is delivering right now are skipped after a failed update, not retried here.
  let after: { shippedAt: Date; id: string } | null = null;
  while (seen < limit) {
    const due: { id: string; orderId: string; shippedAt: Date | null }[] = await db.shipment.findMany({
      where: {
        status: "SHIPPED",
        shippedAt: { lt: cutoff },
        ...(after ? { OR: [{ shippedAt: { gt: after.shippedAt } }, { shippedAt: after.shippedAt, id: { gt: after.id } }] } : {}),
      },
      orderBy: [{ shippedAt: "asc" }, { id: "asc" }],
      take: Math.min(batch, limit - seen),
      select: { id: true, orderId: true, shippedAt: true },
    });
    for (const s of due) {
      if (await db.$transaction((tx) => deliverShipment(tx, s, { actorId: null, automatically: true }, now))) delivered++;
    }
    seen += due.length;
    const last = due.at(-1);
    if (!last?.shippedAt || due.length < batch) break;
    after = { shippedAt: last.shippedAt, id: last.id };
  }
  return delivered;
}
