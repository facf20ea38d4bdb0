"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { changeCooperativeStatus } from "@/lib/server/people/cooperatives";
import { cooperativeChanged, listingsChanged, productsChanged } from "@/lib/server/queries/catalog-cached";
import { cooperativeStatusSchema } from "@/lib/validation/people";
import { roleAction } from "../chain";

/**
 * Certify, suspend or reinstate a cooperative. Suspending takes every product of it off sale at once (the sellable
 * rule needs a CERTIFIED cooperative), so the listings and each product's page are expired after the commit; a cart
 * holding one of them is refused at checkout by the same rule.
 */
export const cooperativeStatusAction = roleAction(["ADMIN"], cooperativeStatusSchema, async (input, { actor, t }) => {
  const values = { cooperativeId: input.cooperativeId };
  const outcome = await changeCooperativeStatus(db, actor.id, input.cooperativeId, input.change);
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("people.errors.cooperativeNotFound"), values };
  if (outcome.kind === "wrongState") {
    revalidatePath("/admin/cooperatives");
    return { ok: false, status: 409, message: t("people.errors.wrongState", { status: t(`roster.admin.statuses.${outcome.status}`) }), values };
  }
  listingsChanged();
  productsChanged(outcome.productIds);
  cooperativeChanged(input.cooperativeId);
  revalidatePath("/admin/cooperatives");
  const name = (await getLocale()) === "en" ? outcome.cooperative.nameEn : outcome.cooperative.nameZh;
  const message =
    input.change === "certify"
      ? t("people.done.certified", { name })
      : input.change === "suspend"
        ? t("people.done.suspended", { name, products: outcome.productIds.length })
        : t("people.done.reinstated", { name });
  return { ok: true, status: 200, message, values };
});
