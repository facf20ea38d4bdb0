import "server-only";
// The public origin page of a batch, /trace/<code>, opened by anyone from the QR code on a bottle or can.
// Public facts only: the product, the batch, its village and cooperative, the certificate, and how its
// households are helped — as counts and one sum, never a household's name, code or id (DESIGN.md invariant 5).
// A draft, or a product never certified, has no public origin: its code answers as unknown.
import type { Db } from "@/lib/db/client";
import { isSellable } from "@/lib/domain/catalog";
import { certificateState, type CertificateState } from "@/lib/domain/listing";
import { isTraceCodeShape } from "@/lib/domain/trace-code";

export interface TraceFacts {
  code: string;
  batch: { lotNumber: string; productionDay: string; quantity: number; noteZh: string; noteEn: string };
  product: { slug: string; nameZh: string; nameEn: string; specZh: string; specEn: string; onSale: boolean };
  category: { nameZh: string; nameEn: string };
  village: { slug: string; nameZh: string; nameEn: string; povertyStatus: string; exitYear: number | null };
  cooperative: { slug: string; nameZh: string; nameEn: string };
  certificate: { number: string | null; validFrom: string | null; validUntil: string | null; state: CertificateState };
  households: {
    /** Registered households the product's benefit rule names today (weight above zero). */
    supported: number;
    /** Households that have received a share of this product's sales so far. */
    paid: number;
  };
  /** Sales-linked benefit paid to households from this product's order lines so far, net of refunds (fen). */
  benefitPaidFen: number;
}

/**
 * Whether a product's batches have a public origin page: once the county has certified it (on sale, taken off
 * sale, archived, or under a certificate since revoked or expired). A draft, or a product in review or rejected
 * without ever having been certified, is its cooperative's own business.
 */
export function traceIsPublic(p: { listingStatus: string; certifiedAt: Date | null; certificateNumber: string | null }): boolean {
  if (p.listingStatus === "DRAFT") return false;
  return p.certifiedAt !== null || p.certificateNumber !== null || p.listingStatus === "ON_SALE" || p.listingStatus === "OFF_SALE";
}

const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** The public facts behind a trace code, or null for a code of the wrong shape, unknown, or of a product never public. */
export async function getTraceFacts(db: Db, code: string, now: Date = new Date()): Promise<TraceFacts | null> {
  if (!isTraceCodeShape(code)) return null;
  const batch = await db.batch.findUnique({
    where: { traceCode: code },
    select: {
      lotNumber: true,
      productionDate: true,
      quantity: true,
      noteZh: true,
      noteEn: true,
      product: {
        select: {
          id: true,
          slug: true,
          nameZh: true,
          nameEn: true,
          specZh: true,
          specEn: true,
          listingStatus: true,
          certificationStatus: true,
          certificateNumber: true,
          certifiedAt: true,
          certificateValidFrom: true,
          certificateValidUntil: true,
          category: { select: { nameZh: true, nameEn: true } },
          originVillage: { select: { slug: true, nameZh: true, nameEn: true, status: true, exitYear: true } },
          cooperative: { select: { slug: true, nameZh: true, nameEn: true, status: true } },
        },
      },
    },
  });
  if (!batch) return null;
  const p = batch.product;
  if (!traceIsPublic(p)) return null;

  const [supported, paid] = await Promise.all([
    db.productBeneficiary.count({ where: { productId: p.id, weight: { gt: 0 } } }),
    db.ledgerEntry.groupBy({ by: ["householdId"], where: { kind: "HOUSEHOLD_BENEFIT", orderItem: { productId: p.id } }, _sum: { amountFen: true } }),
  ]);
  const benefitPaidFen = paid.reduce((s, g) => s + (g._sum.amountFen ?? 0), 0);
  return {
    code,
    batch: { lotNumber: batch.lotNumber, productionDay: day(batch.productionDate) ?? "", quantity: batch.quantity, noteZh: batch.noteZh, noteEn: batch.noteEn },
    product: { slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, specZh: p.specZh, specEn: p.specEn, onSale: isSellable(p, now) },
    category: p.category,
    village: { slug: p.originVillage.slug, nameZh: p.originVillage.nameZh, nameEn: p.originVillage.nameEn, povertyStatus: p.originVillage.status, exitYear: p.originVillage.exitYear },
    cooperative: { slug: p.cooperative.slug, nameZh: p.cooperative.nameZh, nameEn: p.cooperative.nameEn },
    certificate: { number: p.certificateNumber, validFrom: day(p.certificateValidFrom), validUntil: day(p.certificateValidUntil), state: certificateState(p, now) },
    households: { supported, paid: paid.filter((g) => (g._sum.amountFen ?? 0) > 0).length },
    benefitPaidFen,
  };
}
