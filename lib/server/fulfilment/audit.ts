import "server-only";
// Buyers' delivery addresses are personal data: each time a page shows them to a manager (the queue, a
// shipment, a packing slip), one audit row records who saw which shipments' addresses.
import type { Db } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";

export function auditAddressRead(db: Db, { actorId, cooperativeId, shipmentIds, what }: { actorId: string; cooperativeId: string; shipmentIds: readonly string[]; what: "queue" | "shipment" | "packingSlip" }): Promise<void> {
  if (shipmentIds.length === 0) return Promise.resolve();
  return audit(db, {
    action: "order.address-read",
    actorId,
    entityType: shipmentIds.length === 1 ? "Shipment" : "Cooperative",
    entityId: shipmentIds.length === 1 ? shipmentIds[0] : cooperativeId,
    metadata: { what, cooperativeId, shipmentIds: [...shipmentIds] },
  });
}
