import "server-only";
// A cooperative manager's products: create, edit, move through the listing workflow (lib/domain/listing.ts),
// delete. Every function takes the database and the actor (their id and the cooperatives they manage) and reads
// the product through that scope, so another cooperative's product — or an id that does not belong to the
// cooperative the form names — is "not found" and nothing is written. Each change and its audit row are one
// transaction. The featured flag is the admin's (lib/server/actions/admin/set-featured.ts): nothing here sets it.
//
// Origin village: a product comes from the cooperative's own village, or from a village where one of its
// participating households lives (the grape cooperative's merlot is grown by households of three villages:
// Nanhongcheng, Hongnancheng, Beihongcheng). Ended participations count too: the land and its produce do not
// move when a participation ends, and an old product must stay editable.
//
// Order lines are snapshots (OrderItem: name, unit price, benefit rule, beneficiaries), so editing a price or
// a rule here changes only orders placed afterwards.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { canDelete, canEditDetails, certificateState, moveListing, type ListingEvent, type ListingRefusal, type ListingStatus } from "@/lib/domain/listing";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { lockProductRow } from "@/lib/server/listings/product-lock";
import type { ManagerListingEvent, ProductEditorInput } from "@/lib/validation/product";

type Tx = Prisma.TransactionClient;

/** Who acts: a manager's user id and the cooperatives they manage (SessionUser). */
export interface ProductActor {
  id: string;
  cooperativeIds: readonly string[];
}

/** Why a change was refused: an HTTP-like status and a message key; `field` names the form field it is about. */
export interface ProductRefusal {
  ok: false;
  status: 400 | 404 | 409;
  message: string;
  field?: string;
}

export type ProductResult<T = object> = ({ ok: true } & T) | ProductRefusal;

const E = "productEditor.errors";
const notFound: ProductRefusal = { ok: false, status: 404, message: "errors.notFoundTitle" };
const fieldError = (field: string, message: string): ProductRefusal => ({ ok: false, status: 400, message, field });

/** Thrown inside a transaction to roll it back with a refusal. */
class Refused extends Error {
  constructor(readonly refusal: ProductRefusal) {
    super(refusal.message);
  }
}

async function refusing<T>(work: () => Promise<T>): Promise<T | ProductRefusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    throw error;
  }
}

/** The villages a cooperative's products may come from (see the header): its own and its households'. */
export async function cooperativeVillageIds(db: Db | Tx, cooperativeId: string): Promise<string[]> {
  const [coop, households] = await Promise.all([
    db.cooperative.findUnique({ where: { id: cooperativeId }, select: { villageId: true } }),
    db.household.findMany({ where: { participations: { some: { cooperativeId } } }, distinct: ["villageId"], select: { villageId: true } }),
  ]);
  if (!coop) return [];
  return [...new Set([coop.villageId, ...households.map((h) => h.villageId)])];
}

/** "Nanhongcheng Cabernet Sauvignon Dry Red" → "nanhongcheng-cabernet-sauvignon-dry-red-k3x9q2". */
export function productSlug(nameEn: string, suffix = randomSuffix()): string {
  const base = nameEn
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // "Rosé" → "Rose"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${base || "product"}-${suffix}`;
}

const SUFFIX_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
function randomSuffix(length = 6): string {
  return [...randomBytes(length)].map((b) => SUFFIX_ALPHABET[b % SUFFIX_ALPHABET.length]).join("");
}

async function uniqueSlug(tx: Tx, nameEn: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const slug = productSlug(nameEn);
    if (!(await tx.product.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
  throw new Error("no free product slug after 5 tries");
}

/** The category exists and the village is one of the cooperative's; a refusal names the field. */
async function checkReferences(tx: Tx, input: ProductEditorInput): Promise<void> {
  const [category, villages] = await Promise.all([
    tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }),
    cooperativeVillageIds(tx, input.cooperativeId),
  ]);
  if (!category) throw new Refused(fieldError("categoryId", `${E}.categoryUnknown`));
  if (!villages.includes(input.originVillageId)) throw new Refused(fieldError("originVillageId", `${E}.villageUnknown`));
}

const details = (input: ProductEditorInput) => ({
  nameZh: input.nameZh,
  nameEn: input.nameEn,
  descriptionZh: input.descriptionZh,
  descriptionEn: input.descriptionEn,
  unitZh: input.unitZh,
  unitEn: input.unitEn,
  specZh: input.specZh,
  specEn: input.specEn,
  categoryId: input.categoryId,
  originVillageId: input.originVillageId,
  priceFen: input.price,
});

/** A new product, a draft only its cooperative sees. */
export async function createProduct(db: Db, actor: ProductActor, input: ProductEditorInput): Promise<ProductResult<{ productId: string; slug: string }>> {
  if (!actor.cooperativeIds.includes(input.cooperativeId)) return notFound;
  return refusing(() =>
    db.$transaction(async (tx) => {
      const coop = await tx.cooperative.findUnique({ where: { id: input.cooperativeId }, select: { id: true } });
      if (!coop) throw new Refused(notFound);
      await checkReferences(tx, input);
      const slug = await uniqueSlug(tx, input.nameEn);
      const product = await tx.product.create({
        data: { ...details(input), slug, cooperativeId: coop.id, listingStatus: "DRAFT", certificationStatus: "PENDING", featured: false },
        select: { id: true, slug: true },
      });
      await audit(tx, {
        action: "product.created",
        actorId: actor.id,
        entityType: "Product",
        entityId: product.id,
        metadata: { cooperativeId: coop.id, slug, priceFen: input.price, categoryId: input.categoryId, originVillageId: input.originVillageId },
      });
      return { ok: true as const, productId: product.id, slug: product.slug };
    }),
  );
}

/**
 * Locks the product row (with the lock an edit or a delete takes: ./product-lock.ts) and reads it, only when it
 * belongs to the cooperative the form names and that cooperative is the actor's; otherwise a 404 refusal.
 */
async function lockOwnProduct(tx: Tx, actor: ProductActor, cooperativeId: string, productId: string, change: "edit" | "delete") {
  if (!actor.cooperativeIds.includes(cooperativeId)) throw new Refused(notFound);
  await lockProductRow(tx, productId, change);
  const product = await tx.product.findFirst({
    where: { id: productId, cooperativeId },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      descriptionZh: true,
      descriptionEn: true,
      unitZh: true,
      unitEn: true,
      specZh: true,
      specEn: true,
      categoryId: true,
      originVillageId: true,
      priceFen: true,
      listingStatus: true,
      benefitRuleType: true,
      benefitFenPerUnit: true,
    },
  });
  if (!product) throw new Refused(notFound);
  return product;
}

/** Edits a product's details; refused while it is in review or archived. New orders use the new price. */
export async function updateProduct(db: Db, actor: ProductActor, input: ProductEditorInput & { productId: string }): Promise<ProductResult<{ productId: string; slug: string; listingStatus: ListingStatus }>> {
  return refusing(() =>
    db.$transaction(async (tx) => {
      const before = await lockOwnProduct(tx, actor, input.cooperativeId, input.productId, "edit");
      if (!canEditDetails(before.listingStatus)) throw new Refused({ ok: false, status: 409, message: `${E}.locked` });
      await checkReferences(tx, input);
      // A fixed benefit per unit above the price could not be paid out (lib/domain/benefit.ts validateBenefitRule).
      if (before.benefitRuleType === "FIXED_PER_UNIT" && (before.benefitFenPerUnit ?? 0) > input.price) throw new Refused(fieldError("price", `${E}.priceBelowBenefit`));
      const data = details(input);
      const changed = Object.fromEntries(
        (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]).map((k) => [k, { from: before[k], to: data[k] }]),
      );
      await tx.product.update({ where: { id: before.id }, data });
      await audit(tx, { action: "product.updated", actorId: actor.id, entityType: "Product", entityId: before.id, metadata: { changed } });
      return { ok: true as const, productId: before.id, slug: before.slug, listingStatus: before.listingStatus };
    }),
  );
}

export interface ListingMoved {
  productId: string;
  slug: string;
  from: ListingStatus;
  to: ListingStatus;
}

/**
 * A manager's move of a listing (submit, withdraw, take off / put on sale, archive, restore), decided by the
 * pure table in lib/domain/listing.ts and written with a conditional update (only while the row still has the
 * state the decision was made from), so two clicks at once cannot both apply: the second gets a 409.
 * Submitting stamps submittedAt and clears the previous reviewer's note; it needs a benefit rule and households.
 */
export async function moveListingAsManager(
  db: Db,
  actor: ProductActor,
  input: { cooperativeId: string; productId: string; event: ManagerListingEvent },
  now = new Date(),
): Promise<ProductResult<ListingMoved>> {
  if (!actor.cooperativeIds.includes(input.cooperativeId)) return notFound;
  const product = await db.product.findFirst({
    where: { id: input.productId, cooperativeId: input.cooperativeId },
    select: {
      id: true,
      slug: true,
      listingStatus: true,
      certificationStatus: true,
      certificateValidFrom: true,
      certificateValidUntil: true,
      benefitRuleType: true,
      benefitBasisPoints: true,
      benefitFenPerUnit: true,
      _count: { select: { orderItems: true, beneficiaries: true } },
    },
  });
  if (!product) return notFound;
  const event: ListingEvent = input.event;
  const move = moveListing(product.listingStatus, event, "manager", { certificate: certificateState(product, now), hasOrders: product._count.orderItems > 0 });
  if (!move.ok) return { ok: false, status: 409, message: refusalKey(move.reason) };
  if (event === "submit") {
    const ruleSet = product.benefitRuleType === "PERCENT_OF_REVENUE" ? product.benefitBasisPoints !== null : product.benefitFenPerUnit !== null;
    if (!ruleSet || product._count.beneficiaries === 0) return { ok: false, status: 409, message: `${E}.needsBenefitRule` };
  }
  const from = product.listingStatus;
  return refusing(() =>
    db.$transaction(async (tx) => {
      const { count } = await tx.product.updateMany({
        where: { id: product.id, cooperativeId: input.cooperativeId, listingStatus: from },
        data: { listingStatus: move.to, ...(event === "submit" ? { submittedAt: now, reviewNote: null } : {}) },
      });
      if (count !== 1) throw new Refused({ ok: false, status: 409, message: `${E}.stale` });
      await audit(tx, { action: "product.listing-changed", actorId: actor.id, entityType: "Product", entityId: product.id, metadata: { event, from, to: move.to } });
      return { ok: true as const, productId: product.id, slug: product.slug, from, to: move.to };
    }),
  );
}

const refusalKey = (reason: ListingRefusal): string => `listing.refusal.${reason}`;

/**
 * Deletes a draft or rejected product nobody ever ordered, with its photos' rows, household weights, batches,
 * stock history and cart lines; anything else is refused with "archive instead". Returns the storage keys of
 * the deleted photos, whose files the caller removes after the commit.
 */
export async function deleteProduct(db: Db, actor: ProductActor, input: { cooperativeId: string; productId: string }): Promise<ProductResult<{ productId: string; slug: string; storageKeys: string[] }>> {
  return refusing(() =>
    db.$transaction(async (tx) => {
      const product = await lockOwnProduct(tx, actor, input.cooperativeId, input.productId, "delete");
      const orderLines = await tx.orderItem.count({ where: { productId: product.id } });
      if (!canDelete(product.listingStatus, orderLines > 0)) throw new Refused({ ok: false, status: 409, message: `${E}.archiveInstead` });
      const images = await tx.productImage.findMany({ where: { productId: product.id }, select: { storageKey: true } });
      const where = { productId: product.id };
      const cartLines = await tx.cartItem.deleteMany({ where });
      await tx.productImage.deleteMany({ where });
      await tx.productBeneficiary.deleteMany({ where });
      const batches = await tx.batch.deleteMany({ where });
      await tx.stockMovement.deleteMany({ where });
      // No order line means no order ever reserved it; this is for completeness should one ever be left over.
      await tx.stockReservation.deleteMany({ where });
      await tx.product.delete({ where: { id: product.id } });
      await audit(tx, {
        action: "product.deleted",
        actorId: actor.id,
        entityType: "Product",
        entityId: product.id,
        metadata: { slug: product.slug, nameZh: product.nameZh, nameEn: product.nameEn, status: product.listingStatus, images: images.length, batches: batches.count, cartLines: cartLines.count },
      });
      return { ok: true as const, productId: product.id, slug: product.slug, storageKeys: images.flatMap((i) => (i.storageKey ? [i.storageKey] : [])) };
    }),
  );
}
