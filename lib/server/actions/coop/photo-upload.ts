"use server";
import { z } from "zod";
import { PHOTO_LIMITS } from "@/lib/domain/photo-rules";
import { db } from "@/lib/server/db";
import { uploadProductPhoto } from "@/lib/server/images/photos";
import { getStorage } from "@/lib/server/storage";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";
import { photoRefusal, photosChanged } from "./photo-shared";

const alt = text().trim().max(200, "photos.errors.altTooLong").optional();
const schema = z.object({
  cooperativeId: recordId(),
  productId: recordId(),
  // A form with no file chosen still sends an empty one.
  file: z.instanceof(File, { message: "photos.upload.noFile" }).refine((f) => f.size > 0, "photos.upload.noFile"),
  altZh: alt,
  altEn: alt,
});

/**
 * A manager adds ONE photo to a product of their cooperative (the uploader sends a manager's selection one file
 * per call). The decoded content decides what is accepted; the photo is stored as WebP renditions with no
 * metadata. Refused with a translated reason, nothing stored: not an image, another format, over 10 MB, a
 * decompression bomb, a damaged file, the product's photo limit, a storage failure, another cooperative's product.
 */
export const uploadPhotoAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const values = { altZh: input.altZh ?? "", altEn: input.altEn ?? "" };
  // Refused before the bytes are read (the body itself is capped in next.config.js).
  if (input.file.size > PHOTO_LIMITS.maxBytes) return { ...photoRefusal(t, 413, "tooLarge"), values };
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const scope = { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, actorId: actor.id };
  const result = await uploadProductPhoto(db, getStorage(), scope, { productId: input.productId, bytes, altZh: input.altZh, altEn: input.altEn });
  if (!result.ok) return { ...photoRefusal(t, result.status, result.error), values };
  photosChanged(result.productId, result.slug);
  return { ok: true, status: 200, message: t("photos.saved.added") };
});
