import "server-only";
// Administering cooperatives: an admin creates one (PENDING until certified), certifies, suspends or reinstates it.
// Every status change is a conditional update (only from the state it names), audited in the same transaction.
// Suspending takes all of the cooperative's products off sale at once through the sellable rule
// (lib/domain/catalog.ts requires a CERTIFIED cooperative): nothing on the products is written, so reinstating
// puts back exactly what was on sale. The caller expires the catalog caches after the commit.
import type { Db } from "@/lib/db/client";
import { CooperativeStatus } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import type { CooperativeCreateInput, CooperativeStatusChange } from "@/lib/validation/people";

/** A URL slug from the English name: lowercase ASCII words joined by dashes, made unique with a number. */
export function slugBase(nameEn: string): string {
  const base = nameEn
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return base || "cooperative";
}

export type CreateCooperativeOutcome =
  | { kind: "done"; cooperative: { id: string; slug: string; nameZh: string; nameEn: string } }
  | { kind: "unknownVillage" }
  | { kind: "unknownEnterprise" };

export async function createCooperative(db: Db, actorId: string, input: CooperativeCreateInput): Promise<CreateCooperativeOutcome> {
  return db.$transaction(async (tx) => {
    const village = await tx.village.findUnique({ where: { id: input.villageId }, select: { id: true } });
    if (!village) return { kind: "unknownVillage" } as const;
    if (input.enterpriseId) {
      const enterprise = await tx.enterprise.findUnique({ where: { id: input.enterpriseId }, select: { id: true } });
      if (!enterprise) return { kind: "unknownEnterprise" } as const;
    }
    const base = slugBase(input.nameEn);
    const taken = new Set((await tx.cooperative.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((c) => c.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const cooperative = await tx.cooperative.create({
      data: {
        slug,
        villageId: input.villageId,
        enterpriseId: input.enterpriseId,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        contactPhone: input.contactPhone,
        bankAccountName: input.bankAccountName,
        bankName: input.bankName,
        bankAccountNumber: input.bankAccountNumber,
        shippingFeeFen: input.shippingFee,
        freeShippingMinFen: input.freeShippingMin,
      },
      select: { id: true, slug: true, nameZh: true, nameEn: true },
    });
    await audit(tx, {
      action: "cooperative.created",
      actorId,
      entityType: "Cooperative",
      entityId: cooperative.id,
      metadata: { slug, villageId: input.villageId, enterpriseId: input.enterpriseId, shippingFeeFen: input.shippingFee, freeShippingMinFen: input.freeShippingMin },
    });
    return { kind: "done", cooperative } as const;
  });
}

/** Which status each change moves from and to. */
export const STATUS_CHANGES: Record<CooperativeStatusChange, { from: CooperativeStatus[]; to: CooperativeStatus; action: "cooperative.certified" | "cooperative.suspended" | "cooperative.reinstated" }> = {
  certify: { from: [CooperativeStatus.PENDING], to: CooperativeStatus.CERTIFIED, action: "cooperative.certified" },
  suspend: { from: [CooperativeStatus.PENDING, CooperativeStatus.CERTIFIED], to: CooperativeStatus.SUSPENDED, action: "cooperative.suspended" },
  reinstate: { from: [CooperativeStatus.SUSPENDED], to: CooperativeStatus.CERTIFIED, action: "cooperative.reinstated" },
};

export type StatusChangeOutcome =
  | { kind: "done"; cooperative: { id: string; nameZh: string; nameEn: string; status: CooperativeStatus }; productIds: string[] }
  | { kind: "notFound" }
  | { kind: "wrongState"; status: CooperativeStatus };

/**
 * Certify, suspend or reinstate, only from the states the change names (a second click, or another admin's
 * change meanwhile, is a 409 with nothing written). Returns the cooperative's product ids so the caller can expire
 * their cached pages.
 */
export async function changeCooperativeStatus(db: Db, actorId: string, cooperativeId: string, change: CooperativeStatusChange, now = new Date()): Promise<StatusChangeOutcome> {
  const rule = STATUS_CHANGES[change];
  return db.$transaction(async (tx) => {
    const moved = await tx.cooperative.updateMany({
      where: { id: cooperativeId, status: { in: rule.from } },
      data: { status: rule.to, ...(change === "certify" ? { certifiedAt: now } : {}) },
    });
    const row = await tx.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, nameZh: true, nameEn: true, status: true } });
    if (!row) return { kind: "notFound" } as const;
    if (moved.count !== 1) return { kind: "wrongState", status: row.status } as const;
    const products = await tx.product.findMany({ where: { cooperativeId }, select: { id: true } });
    await audit(tx, {
      action: rule.action,
      actorId,
      entityType: "Cooperative",
      entityId: cooperativeId,
      metadata: { to: rule.to, products: products.length },
    });
    return { kind: "done", cooperative: row, productIds: products.map((p) => p.id) } as const;
  });
}
