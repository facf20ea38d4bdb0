import "server-only";
// Certificates that ran out. What is sold never depends on this: every read and write checks the validity date
// itself (lib/domain/catalog.ts sellableWhere), and the catalog cache is keyed by the Beijing day. This records
// the fact — the certificate EXPIRED, an on-sale listing OFF_SALE, one audit row each — so the manager sees why the
// product left the shop and can submit it for a new certificate. Safe with several server processes: each row
// changes only while it still reads CERTIFIED and expired, so one process records it, once.
import type { Db } from "@/lib/db/client";
import { moveListing, validUntilBound } from "@/lib/domain/listing";
import { audit } from "@/lib/server/audit";

/** Marks certificates whose last valid day is past; returns the products it changed. */
export async function expireCertificates(db: Db, now = new Date(), limit = 200): Promise<string[]> {
  const bound = validUntilBound(now);
  const due = await db.product.findMany({
    where: { certificationStatus: "CERTIFIED", certificateValidUntil: { lt: bound } },
    select: { id: true, listingStatus: true, certificateValidUntil: true },
    take: limit,
  });
  const changed: string[] = [];
  for (const p of due) {
    const move = moveListing(p.listingStatus, "expire", "system", { certificate: "expired", hasOrders: false });
    const listingStatus = move.ok ? move.to : p.listingStatus;
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.product.updateMany({
        where: { id: p.id, certificationStatus: "CERTIFIED", certificateValidUntil: { lt: bound }, listingStatus: p.listingStatus },
        data: { certificationStatus: "EXPIRED", listingStatus },
      });
      if (count !== 1) return false;
      await audit(tx, {
        action: "product.certificate-expired",
        entityType: "Product",
        entityId: p.id,
        metadata: { from: p.listingStatus, to: listingStatus, validUntil: p.certificateValidUntil?.toISOString().slice(0, 10) ?? null },
      });
      return true;
    });
    if (done) changed.push(p.id);
  }
  return changed;
}
