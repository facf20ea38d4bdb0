import "server-only";
// A cooperative packs and ships one of its shipments. Each change takes the order's row lock first (as refunds,
// payments and cancellations do: lib/server/orders/lifecycle.ts lockOrder), then reads the shipment, its order
// and the order's refunds as they are under the lock, asks lib/domain/fulfilment.ts what may happen, and makes
// a conditional update on the status it read. A refund requested or decided meanwhile queues behind the lock,
// so a parcel is never sent for an order that has just been refunded. Audited and notified in the same transaction.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CarrierCode } from "@/lib/domain/carriers";
import { decidePack, decideShip, orderStatusAfterShipping, type FulfilmentRefusal } from "@/lib/domain/fulfilment";
import { next } from "@/lib/domain/order-state";
import { audit } from "@/lib/server/audit";
import { notify } from "@/lib/server/notify";
import { lockOrder } from "@/lib/server/orders/lifecycle";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

type Tx = Prisma.TransactionClient;

export type FulfilmentOutcome = { kind: "done" } | { kind: "unchanged" } | { kind: "notFound" } | { kind: "refused"; reason: FulfilmentRefusal };

interface Target extends OneCoopScope {
  shipmentId: string;
  actorId: string;
}

/** The shipment, when it is the named cooperative's and the caller manages it: another's is not found. */
async function ownShipment(tx: Tx, { cooperativeIds, cooperativeId, shipmentId }: Target) {
  if (!cooperativeIds.includes(cooperativeId)) return null;
  return tx.shipment.findFirst({ where: { id: shipmentId, cooperativeId }, select: { id: true, orderId: true } });
}

async function lockedState(tx: Tx, shipmentId: string, orderId: string) {
  await lockOrder(tx, orderId);
  const [shipment, order] = await Promise.all([
    tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, select: { status: true, carrier: true, carrierName: true, trackingNumber: true } }),
    tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { id: true, number: true, status: true, refunds: { select: { status: true } } } }),
  ]);
  return { shipment, order };
}

/** Mark packed (PENDING → PACKED). Packed again: no change. */
export async function packShipment(db: Db, target: Target, now = new Date()): Promise<FulfilmentOutcome> {
  return db.$transaction(async (tx) => {
    const own = await ownShipment(tx, target);
    if (!own) return { kind: "notFound" } as const;
    const { shipment, order } = await lockedState(tx, own.id, own.orderId);
    const decision = decidePack(shipment, order, order.refunds);
    if (decision.kind !== "move") return decision.kind === "unchanged" ? ({ kind: "unchanged" } as const) : decision;
    const moved = await tx.shipment.updateMany({ where: { id: own.id, status: shipment.status }, data: { status: decision.to, packedAt: now } });
    if (moved.count !== 1) throw new Error(`shipment ${own.id} changed status while its order was locked`);
    await audit(tx, { action: "shipment.packed", actorId: target.actorId, entityType: "Shipment", entityId: own.id, metadata: { orderNumber: order.number } });
    return { kind: "done" } as const;
  });
}

export interface ShipInput {
  carrier: CarrierCode;
  carrierName: string | null;
  /** Already validated and normalised (lib/domain/carriers.ts validateTracking). */
  trackingNumber: string;
}

/**
 * Ship with a carrier and tracking number: PACKED → SHIPPED, or PENDING → PACKED → SHIPPED when the manager
 * skips the separate "packed" step; the order becomes PARTIALLY_SHIPPED or SHIPPED. The same data again for a
 * shipped parcel changes nothing.
 */
export async function shipShipment(db: Db, target: Target & ShipInput & { source?: "form" | "csv" }, now = new Date()): Promise<FulfilmentOutcome> {
  return db.$transaction(async (tx) => {
    const own = await ownShipment(tx, target);
    if (!own) return { kind: "notFound" } as const;
    const { shipment, order } = await lockedState(tx, own.id, own.orderId);
    const data = { carrier: target.carrier, carrierName: target.carrier === "OTHER" ? target.carrierName : null, trackingNumber: target.trackingNumber };
    const decision = decideShip(shipment, order, order.refunds, data);
    if (decision.kind !== "move") return decision.kind === "unchanged" ? ({ kind: "unchanged" } as const) : decision;
    const to = next("shipment", "PACKED", "shipped");
    if (!to) throw new Error("the shipment machine has no PACKED --shipped--> move");
    const moved = await tx.shipment.updateMany({
      where: { id: own.id, status: shipment.status },
      data: { status: to, ...data, shippedAt: now, ...(decision.packedToo ? { packedAt: now } : {}) },
    });
    if (moved.count !== 1) throw new Error(`shipment ${own.id} changed status while its order was locked`);
    const all = await tx.shipment.findMany({ where: { orderId: order.id }, select: { status: true } });
    const orderTo = orderStatusAfterShipping(order.status, all.map((s) => s.status));
    if (orderTo) {
      const changed = await tx.order.updateMany({ where: { id: order.id, status: order.status }, data: { status: orderTo } });
      if (changed.count !== 1) throw new Error(`order ${order.id} changed status while locked`);
    }
    await audit(tx, {
      action: "shipment.shipped",
      actorId: target.actorId,
      entityType: "Shipment",
      entityId: own.id,
      metadata: { orderNumber: order.number, ...data, source: target.source ?? "form", packedToo: decision.packedToo, orderStatus: orderTo ?? order.status },
    });
    await notify(tx, { type: "shipmentShipped", shipmentId: own.id });
    return { kind: "done" } as const;
  });
}
