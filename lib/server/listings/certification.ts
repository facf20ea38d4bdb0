import "server-only";
// The county e-commerce centre's decisions on a product (扶贫产品认定): approve with a certificate, reject with a
// reason, revoke a certificate, feature a product. The rules of which move is allowed from which state, and by
// whom, are lib/domain/listing.ts's; this module reads the row, asks there, and writes what it answers with a
// conditional update (the row must still be in the state that was read), so when two admins decide the same
// product at once exactly one decision applies and the other is told it was already decided. Every change writes
// its audit row (who and why) in the same transaction. Cache invalidation is the caller's, after the commit.
import type { Db } from "@/lib/db/client";
import { isSellable } from "@/lib/domain/catalog";
import { certificateState, moveListing, type ListingActor, type ListingRefusal, type ListingStatus } from "@/lib/domain/listing";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";

/** Who decides: the signed-in user's id and role (the action chain has already checked the role; this checks again). */
export interface CertificationActor {
  id: string;
  role: "BUYER" | "MANAGER" | "ADMIN";
}

export interface DecidedProduct {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  cooperativeId: string;
}

export type CertificationOutcome =
  | { kind: "done"; product: DecidedProduct; from: ListingStatus; to: ListingStatus; sellable: boolean; cooperativeCertified: boolean }
  | { kind: "notFound" }
  | { kind: "refused"; reason: ListingRefusal }
  /** Another admin decided first (or the product left review meanwhile): nothing was written. */
  | { kind: "alreadyDecided" }
  | { kind: "duplicateCertificate" };

const listingActor = (role: CertificationActor["role"]): ListingActor | null => (role === "ADMIN" ? "admin" : role === "MANAGER" ? "manager" : null);

const dateColumn = (day: string): Date => new Date(`${day}T00:00:00.000Z`);

const PRODUCT_SELECT = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  cooperativeId: true,
  listingStatus: true,
  certificationStatus: true,
  certificateNumber: true,
  certificateValidFrom: true,
  certificateValidUntil: true,
  cooperative: { select: { status: true } },
} as const;

type Row = Prisma.ProductGetPayload<{ select: typeof PRODUCT_SELECT }>;

const decided = (p: Row): DecidedProduct => ({ id: p.id, slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn, cooperativeId: p.cooperativeId });

class AlreadyDecided extends Error {}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Asks the state machine; a non-admin is refused before anything is read about the product's state. For an
 * admin, a product no longer in the state the decision needs was decided by someone else: "alreadyDecided".
 */
function ask(actor: CertificationActor, p: Row, event: "approve" | "reject" | "revoke", now: Date) {
  const who = listingActor(actor.role);
  if (who !== "admin") return { ok: false as const, outcome: { kind: "refused", reason: "wrongActor" } as const };
  const move = moveListing(p.listingStatus, event, who, { certificate: certificateState(p, now), hasOrders: false });
  if (move.ok) return move;
  // Left review (approved, rejected, withdrawn) or revoked already: someone decided first. Anything else (revoking
  // a certificate that never was) is simply not a move from here.
  const decidedBefore = event === "revoke" ? p.certificationStatus === "REVOKED" : p.listingStatus !== "IN_REVIEW";
  const outcome: CertificationOutcome = move.reason === "notAllowed" && decidedBefore ? { kind: "alreadyDecided" } : { kind: "refused", reason: move.reason };
  return { ok: false as const, outcome };
}

/**
 * Approves a product in review: certified under `certificateNumber`, valid `validFrom`…`validUntil` (Beijing days,
 * inclusive), on sale — which buyers see only when its cooperative is certified too (lib/domain/catalog.ts).
 */
export async function approveProduct(
  db: Db,
  actor: CertificationActor,
  input: { productId: string; certificateNumber: string; validFrom: string; validUntil: string },
  now = new Date(),
): Promise<CertificationOutcome> {
  const p = await db.product.findUnique({ where: { id: input.productId }, select: PRODUCT_SELECT });
  if (!p) return { kind: "notFound" };
  const move = ask(actor, p, "approve", now);
  if (!move.ok) return move.outcome;
  const taken = await db.product.findFirst({ where: { certificateNumber: input.certificateNumber, id: { not: p.id } }, select: { id: true } });
  if (taken) return { kind: "duplicateCertificate" };
  const data = {
    certificationStatus: "CERTIFIED" as const,
    certificateNumber: input.certificateNumber,
    certifiedAt: now,
    certificateValidFrom: dateColumn(input.validFrom),
    certificateValidUntil: dateColumn(input.validUntil),
    listingStatus: move.to,
    reviewNote: null,
  };
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.product.updateMany({ where: { id: p.id, listingStatus: p.listingStatus }, data });
      if (count !== 1) throw new AlreadyDecided();
      await audit(tx, {
        action: "product.certified",
        actorId: actor.id,
        entityType: "Product",
        entityId: p.id,
        metadata: { from: p.listingStatus, to: move.to, certificateNumber: input.certificateNumber, validFrom: input.validFrom, validUntil: input.validUntil },
      });
    });
  } catch (error) {
    if (error instanceof AlreadyDecided) return { kind: "alreadyDecided" };
    // Another product took the number between the check above and this write.
    if (isUniqueViolation(error)) return { kind: "duplicateCertificate" };
    throw error;
  }
  const cooperativeCertified = p.cooperative.status === "CERTIFIED";
  const sellable = isSellable({ ...data, cooperative: p.cooperative }, now);
  return { kind: "done", product: decided(p), from: p.listingStatus, to: move.to, sellable, cooperativeCertified };
}

/** Rejects a product in review with a reason its cooperative's manager sees. */
export async function rejectProduct(db: Db, actor: CertificationActor, input: { productId: string; reason: string }, now = new Date()): Promise<CertificationOutcome> {
  const p = await db.product.findUnique({ where: { id: input.productId }, select: PRODUCT_SELECT });
  if (!p) return { kind: "notFound" };
  const move = ask(actor, p, "reject", now);
  if (!move.ok) return move.outcome;
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: p.id, listingStatus: p.listingStatus }, data: { listingStatus: move.to, reviewNote: input.reason } });
    if (count !== 1) return false;
    await audit(tx, { action: "product.certification-rejected", actorId: actor.id, entityType: "Product", entityId: p.id, metadata: { from: p.listingStatus, to: move.to, reason: input.reason } });
    return true;
  });
  if (!applied) return { kind: "alreadyDecided" };
  return { kind: "done", product: decided(p), from: p.listingStatus, to: move.to, sellable: false, cooperativeCertified: p.cooperative.status === "CERTIFIED" };
}

/**
 * Revokes a product's certificate: REVOKED and off sale at once. Nothing sells it from the commit on: the catalog's
 * filter and checkout's isSellable both refuse a revoked certificate (the caller expires the cached pages).
 */
export async function revokeCertificate(db: Db, actor: CertificationActor, input: { productId: string; reason: string }, now = new Date()): Promise<CertificationOutcome> {
  const p = await db.product.findUnique({ where: { id: input.productId }, select: PRODUCT_SELECT });
  if (!p) return { kind: "notFound" };
  const move = ask(actor, p, "revoke", now);
  if (!move.ok) return move.outcome;
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({
      where: { id: p.id, listingStatus: p.listingStatus, certificationStatus: p.certificationStatus },
      data: { certificationStatus: "REVOKED", listingStatus: move.to, reviewNote: input.reason },
    });
    if (count !== 1) return false;
    await audit(tx, {
      action: "product.certificate-revoked",
      actorId: actor.id,
      entityType: "Product",
      entityId: p.id,
      metadata: { from: p.listingStatus, to: move.to, certificateNumber: p.certificateNumber, reason: input.reason },
    });
    return true;
  });
  if (!applied) return { kind: "alreadyDecided" };
  return { kind: "done", product: decided(p), from: p.listingStatus, to: move.to, sellable: false, cooperativeCertified: p.cooperative.status === "CERTIFIED" };
}

export type FeaturedOutcome = { kind: "done"; product: DecidedProduct; featured: boolean; changed: boolean } | { kind: "notFound" } | { kind: "refused"; reason: "wrongActor" };

/** Features a product on the home page, or stops featuring it (admins only; the form sends the state wanted). */
export async function setFeatured(db: Db, actor: CertificationActor, input: { productId: string; featured: boolean }): Promise<FeaturedOutcome> {
  if (actor.role !== "ADMIN") return { kind: "refused", reason: "wrongActor" };
  const p = await db.product.findUnique({ where: { id: input.productId }, select: { ...PRODUCT_SELECT, featured: true } });
  if (!p) return { kind: "notFound" };
  const changed = await db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: p.id, featured: !input.featured }, data: { featured: input.featured } });
    if (count !== 1) return false; // already as asked: nothing to record
    await audit(tx, { action: "product.updated", actorId: actor.id, entityType: "Product", entityId: p.id, metadata: { featured: input.featured } });
    return true;
  });
  return { kind: "done", product: decided(p), featured: input.featured, changed };
}

/** What an action answers for a decision that did not apply (translated; "already decided" is a 409). */
export function outcomeRefusal(outcome: Exclude<CertificationOutcome, { kind: "done" }>, t: Translate): ActionState {
  switch (outcome.kind) {
    case "notFound":
      return { ok: false, status: 404, message: t("errors.notFoundTitle") };
    case "alreadyDecided":
      return { ok: false, status: 409, message: t("certification.errors.alreadyDecided") };
    case "duplicateCertificate":
      return { ok: false, status: 409, message: t("certification.errors.duplicateNumber") };
    case "refused":
      return { ok: false, status: outcome.reason === "wrongActor" ? 403 : 409, message: t(`listing.refusal.${outcome.reason}`) };
  }
}
