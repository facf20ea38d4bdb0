"use server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { setPhotoAlt } from "@/lib/server/images/photos";
import { recordId, text } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";
import { photoRefusal, photosChanged } from "./photo-shared";

const alt = text().trim().max(200, "photos.errors.altTooLong").default("");
const schema = z.object({ cooperativeId: recordId(), productId: recordId(), imageId: recordId(), altZh: alt, altEn: alt });

/** A manager sets the alt text (zh/en) of one of their product's photos. */
export const setPhotoAltAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const scope = { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, actorId: actor.id };
  const result = await setPhotoAlt(db, scope, { productId: input.productId, imageId: input.imageId, altZh: input.altZh, altEn: input.altEn });
  if (!result.ok) return { ...photoRefusal(t, result.status, result.error), values: { altZh: input.altZh, altEn: input.altEn } };
  photosChanged(input.productId, result.slug);
  return { ok: true, status: 200, message: t("photos.saved.alt") };
});
