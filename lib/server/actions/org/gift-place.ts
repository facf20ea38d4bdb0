"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { getLocale } from "@/lib/server/i18n";
import { placeGiftList, type PlaceGiftResult } from "@/lib/server/orgs/gift-orders";
import { recordId } from "@/lib/validation/text";
import { orgAction } from "../chain";

const schema = z.object({ giftListId: recordId() });

function refusal(t: Translate, locale: string, r: Extract<PlaceGiftResult, { ok: false }>): ActionState {
  const name = (p: { zh: string; en: string }) => (locale === "en" ? p.en : p.zh);
  const sep = locale === "en" ? "; " : "；";
  switch (r.code) {
    case "notFound":
      return { ok: false, status: 404, message: t("org.gifts.errors.notFound") };
    case "placed":
    case "discarded":
    case "hasErrors":
    case "suspended":
    case "noApprover":
      return { ok: false, status: 409, message: t(`org.gifts.errors.${r.code}`) };
    case "unavailable":
    case "soldOut":
      return { ok: false, status: 409, message: t(`org.gifts.errors.${r.code}`, { product: name(r.product) }) };
    case "shortfall":
      return { ok: false, status: 409, message: t("org.gifts.errors.shortfall", { products: r.products.map((p) => t("org.gifts.errors.shortLine", { product: name(p), wanted: p.wanted, available: p.available })).join(sep) }) };
    case "belowMinOrder":
      return { ok: false, status: 409, message: t("org.gifts.errors.belowMinOrder", { products: r.products.map((p) => t("org.gifts.errors.minLine", { product: name(p), min: p.minOrder })).join(sep) }) };
  }
}

/**
 * A purchaser places a previewed, error-free gift list: one order with a parcel per recipient, the stock reserved
 * for the whole list at once or not at all. Another organisation's list is not found, and nothing is written.
 */
export const placeGiftListAction = orgAction(["PURCHASER"], schema, async (input, { actor, t }) => {
  const result = await placeGiftList(db, { organisationId: actor.organisation.id, actorId: actor.id, giftListId: input.giftListId });
  if (!result.ok) return refusal(t, await getLocale(), result);
  // The pages of the products it took, and the listings where one of them changed stock level.
  await ordersMovedStock([result.orderId], "taken");
  revalidatePath("/org/gifts");
  revalidatePath(`/org/gifts/${input.giftListId}`);
  return { ok: true, status: 200, message: t(result.approvalStatus === "PENDING" ? "org.gifts.done.placedPending" : "org.gifts.done.placed", { number: result.number }) };
});
