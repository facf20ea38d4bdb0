"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { discardGiftList } from "@/lib/server/orgs/gift-orders";
import { recordId } from "@/lib/validation/text";
import { orgAction } from "../chain";

const schema = z.object({ giftListId: recordId() });

/** A purchaser discards a draft gift list (kept, marked discarded). Another organisation's: not found; placed: 409. */
export const discardGiftListAction = orgAction(["PURCHASER"], schema, async (input, { actor, t }) => {
  const result = await discardGiftList(db, { organisationId: actor.organisation.id, actorId: actor.id, giftListId: input.giftListId });
  if (!result.ok) return { ok: false, status: result.code === "notFound" ? 404 : 409, message: t(`org.gifts.errors.${result.code}`) };
  revalidatePath("/org/gifts");
  revalidatePath(`/org/gifts/${input.giftListId}`);
  return { ok: true, status: 200, message: t("org.gifts.done.discarded") };
});
