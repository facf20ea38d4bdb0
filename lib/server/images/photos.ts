import "server-only";
// A product's photos, as its cooperative's manager changes them. Every function takes the caller's scope and
// reads the product (and the photo) through it: another cooperative's product or photo is "notFound", nothing
// written. Uploads never leave half a photo behind: the files are written first, then the row in a transaction;
// a storage failure writes no row (and removes the files already put), a database failure removes the files.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canEditStock } from "@/lib/domain/listing";
import { PHOTO_LIMITS, RENDITION_WIDTHS, mediaUrl, renditionKey, type ImageRefusal } from "@/lib/domain/photo-rules";
import { audit } from "@/lib/server/audit";
import { lockProductRow } from "@/lib/server/listings/product-lock";
import { log } from "@/lib/server/log";
import type { Storage } from "@/lib/server/storage";
import { ImageRefusedError, processImage } from "./process";

export interface PhotoScope {
  /** Every cooperative the actor manages (SessionUser.cooperativeIds). */
  cooperativeIds: readonly string[];
  /** The cooperative the request names; the product must belong to it. */
  cooperativeId: string;
  actorId: string;
}

export type PhotoError = ImageRefusal | "notFound" | "archived" | "tooMany" | "storage";
export type PhotoResult<T = object> = ({ ok: true } & T) | { ok: false; status: number; error: PhotoError };

const STATUS: Record<PhotoError, number> = {
  notAnImage: 422,
  unsupportedFormat: 415,
  tooLarge: 413,
  tooManyPixels: 422,
  badDimensions: 422,
  corrupt: 422,
  notFound: 404,
  archived: 409,
  tooMany: 409,
  storage: 503,
};

const fail = (error: PhotoError) => ({ ok: false as const, status: STATUS[error], error });

type Tx = Prisma.TransactionClient;

/** The product, when it is the named cooperative's and the actor manages that cooperative. */
async function productInScope(db: Db | Tx, scope: PhotoScope, productId: string) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  return db.product.findFirst({ where: { id: productId, cooperativeId: scope.cooperativeId }, select: { id: true, slug: true, listingStatus: true } });
}

const allRenditionKeys = (storageKey: string) => RENDITION_WIDTHS.map((w) => renditionKey(storageKey, w));

async function removeFiles(storage: Storage, storageKey: string) {
  const results = await Promise.allSettled(allRenditionKeys(storageKey).map((k) => storage.delete(k)));
  const failed = results.filter((r) => r.status === "rejected");
  // An orphan file is harmless to buyers (nothing links it); a missing file behind a row would not be.
  if (failed.length) log.warn({ storageKey, err: (failed[0] as PromiseRejectedResult).reason }, "photo files left behind after a failed delete");
}

export interface UploadInput {
  productId: string;
  bytes: Uint8Array;
  altZh?: string;
  altEn?: string;
}

/** Checks, processes and stores one photo, appended after the product's others. */
export async function uploadProductPhoto(db: Db, storage: Storage, scope: PhotoScope, input: UploadInput): Promise<PhotoResult<{ imageId: string; productId: string; slug: string }>> {
  const product = await productInScope(db, scope, input.productId);
  if (!product) return fail("notFound");
  // Photos change in every state but archived (lib/domain/listing.ts).
  if (!canEditStock(product.listingStatus)) return fail("archived");
  // Checked before the work, and again under the lock below (two uploads at once).
  if ((await db.productImage.count({ where: { productId: product.id } })) >= PHOTO_LIMITS.perProduct) return fail("tooMany");

  let processed;
  try {
    processed = await processImage(input.bytes);
  } catch (error) {
    if (error instanceof ImageRefusedError) return fail(error.reason);
    throw error;
  }

  // Hex: no "-" in the key, so "<key>-640.webp" can only be read one way (lib/domain/photo-rules.ts).
  const storageKey = `products/${product.id}/${randomBytes(12).toString("hex")}`;
  const written: string[] = [];
  try {
    for (const r of processed.renditions) {
      const key = renditionKey(storageKey, r.width);
      await storage.put(key, r.bytes, "image/webp");
      written.push(key);
    }
  } catch (error) {
    log.error({ err: error, storageKey }, "photo storage failed");
    await Promise.allSettled(written.map((k) => storage.delete(k)));
    return fail("storage");
  }

  const largest = processed.renditions[processed.renditions.length - 1]!;
  try {
    const created = await db.$transaction(async (tx) => {
      await lockProductRow(tx, product.id, "edit"); // photo changes of one product run one after another (count, order)
      const existing = await tx.productImage.aggregate({ where: { productId: product.id }, _count: true, _max: { sortOrder: true } });
      if (existing._count >= PHOTO_LIMITS.perProduct) return null;
      const image = await tx.productImage.create({
        data: {
          productId: product.id,
          url: mediaUrl(storageKey),
          storageKey,
          width: largest.actualWidth,
          height: largest.actualHeight,
          altZh: input.altZh ?? "",
          altEn: input.altEn ?? "",
          sortOrder: (existing._max.sortOrder ?? -1) + 1,
        },
        select: { id: true },
      });
      await audit(tx, {
        action: "product.image-added",
        actorId: scope.actorId,
        entityType: "Product",
        entityId: product.id,
        metadata: { imageId: image.id, storageKey, width: processed.width, height: processed.height, bytes: input.bytes.byteLength },
      });
      return image;
    });
    if (!created) {
      await removeFiles(storage, storageKey);
      return fail("tooMany");
    }
    return { ok: true, imageId: created.id, productId: product.id, slug: product.slug };
  } catch (error) {
    await removeFiles(storage, storageKey);
    throw error;
  }
}

/** The photo, when it is this product's and the product is in scope. */
async function photoInScope(db: Db | Tx, scope: PhotoScope, productId: string, imageId: string) {
  const product = await productInScope(db, scope, productId);
  if (!product) return null;
  const image = await db.productImage.findFirst({ where: { id: imageId, productId: product.id }, select: { id: true, storageKey: true, altZh: true, altEn: true } });
  return image ? { product, image } : null;
}

/** The photo in scope and its product still editable, or why not. */
async function editablePhoto(db: Db, scope: PhotoScope, productId: string, imageId: string) {
  const found = await photoInScope(db, scope, productId, imageId);
  if (!found) return fail("notFound");
  if (!canEditStock(found.product.listingStatus)) return fail("archived");
  return { ok: true as const, ...found };
}

export type MoveTo = "up" | "down" | "first";

/** Moves one photo in the product's order (the first photo is the one cards and search results show). */
export async function movePhoto(db: Db, scope: PhotoScope, input: { productId: string; imageId: string; to: MoveTo }): Promise<PhotoResult<{ slug: string; moved: boolean }>> {
  const found = await editablePhoto(db, scope, input.productId, input.imageId);
  if (!found.ok) return found;
  const moved = await db.$transaction(async (tx) => {
    await lockProductRow(tx, found.product.id, "edit");
    const images = await tx.productImage.findMany({ where: { productId: found.product.id }, orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, sortOrder: true } });
    const ids = images.map((i) => i.id);
    const from = ids.indexOf(input.imageId);
    if (from < 0) return null;
    const to = input.to === "first" ? 0 : input.to === "up" ? Math.max(0, from - 1) : Math.min(ids.length - 1, from + 1);
    if (to === from) return false;
    ids.splice(from, 1);
    ids.splice(to, 0, input.imageId);
    // Renumbered 0…n-1 whatever the order held before (seed rows, deletions).
    for (const [order, id] of ids.entries()) {
      if (images.find((i) => i.id === id)?.sortOrder !== order) await tx.productImage.update({ where: { id }, data: { sortOrder: order } });
    }
    await audit(tx, { action: "product.image-changed", actorId: scope.actorId, entityType: "Product", entityId: found.product.id, metadata: { imageId: input.imageId, change: "order", from, to } });
    return true;
  });
  if (moved === null) return fail("notFound");
  return { ok: true, slug: found.product.slug, moved };
}

/** Sets a photo's alt text (what a screen reader says for it) in both languages. */
export async function setPhotoAlt(db: Db, scope: PhotoScope, input: { productId: string; imageId: string; altZh: string; altEn: string }): Promise<PhotoResult<{ slug: string }>> {
  const found = await editablePhoto(db, scope, input.productId, input.imageId);
  if (!found.ok) return found;
  await db.$transaction(async (tx) => {
    await tx.productImage.update({ where: { id: found.image.id }, data: { altZh: input.altZh, altEn: input.altEn } });
    await audit(tx, {
      action: "product.image-changed",
      actorId: scope.actorId,
      entityType: "Product",
      entityId: found.product.id,
      metadata: { imageId: found.image.id, change: "alt", before: { zh: found.image.altZh, en: found.image.altEn }, after: { zh: input.altZh, en: input.altEn } },
    });
  });
  return { ok: true, slug: found.product.slug };
}

/** Deletes a photo: its row first (buyers stop seeing it at once), then its files. */
export async function deletePhoto(db: Db, storage: Storage, scope: PhotoScope, input: { productId: string; imageId: string }): Promise<PhotoResult<{ slug: string }>> {
  const found = await editablePhoto(db, scope, input.productId, input.imageId);
  if (!found.ok) return found;
  const deleted = await db.$transaction(async (tx) => {
    await lockProductRow(tx, found.product.id, "edit");
    const { count } = await tx.productImage.deleteMany({ where: { id: found.image.id, productId: found.product.id } });
    if (!count) return false;
    await audit(tx, { action: "product.image-deleted", actorId: scope.actorId, entityType: "Product", entityId: found.product.id, metadata: { imageId: found.image.id, storageKey: found.image.storageKey } });
    return true;
  });
  if (!deleted) return fail("notFound");
  if (found.image.storageKey) await removeFiles(storage, found.image.storageKey);
  return { ok: true, slug: found.product.slug };
}

/** The product's photos for the manager's page, in order; null when the product is not in scope. */
export async function listProductPhotos(db: Db, scope: Omit<PhotoScope, "actorId" | "cooperativeId"> & { cooperativeId?: string }, productId: string) {
  const product = await db.product.findFirst({
    where: { id: productId, cooperativeId: scope.cooperativeId ? scope.cooperativeId : { in: [...scope.cooperativeIds] }, AND: { cooperativeId: { in: [...scope.cooperativeIds] } } },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      cooperativeId: true,
      listingStatus: true,
      images: { orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }], select: { id: true, url: true, width: true, height: true, altZh: true, altEn: true, storageKey: true } },
    },
  });
  return product;
}
