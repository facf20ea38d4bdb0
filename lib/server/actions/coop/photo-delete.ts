"use server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { deletePhoto } from "@/lib/server/images/photos";
import { getStorage } from "@/lib/server/storage";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";
import { photoRefusal, photosChanged } from "./photo-shared";

const schema = z.object({ cooperativeId: recordId(), productId: recordId(), imageId: recordId() });

/** A manager deletes one of their product's photos (the row, then its stored files). */
export const deletePhotoAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const scope = { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, actorId: actor.id };
  const result = await deletePhoto(db, getStorage(), scope, { productId: input.productId, imageId: input.imageId });
  if (!result.ok) return photoRefusal(t, result.status, result.error);
  photosChanged(input.productId, result.slug);
  return { ok: true, status: 200, message: t("photos.saved.deleted") };
});
