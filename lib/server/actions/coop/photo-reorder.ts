"use server";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { movePhoto } from "@/lib/server/images/photos";
import { recordId } from "@/lib/validation/text";
import { cooperativeAction } from "../chain";
import { photoRefusal, photosChanged } from "./photo-shared";

const schema = z.object({ cooperativeId: recordId(), productId: recordId(), imageId: recordId(), to: z.enum(["up", "down", "first"]) });

/** A manager moves one of their product's photos up, down, or to the front (the cover). */
export const reorderPhotoAction = cooperativeAction(schema, async (input, { actor, t }) => {
  const scope = { cooperativeIds: actor.cooperativeIds, cooperativeId: input.cooperativeId, actorId: actor.id };
  const result = await movePhoto(db, scope, { productId: input.productId, imageId: input.imageId, to: input.to });
  if (!result.ok) return photoRefusal(t, result.status, result.error);
  if (result.moved) photosChanged(input.productId, result.slug);
  return { ok: true, status: 200, message: t("photos.saved.moved") };
});
