"use server";
import { revalidatePath } from "next/cache";
import { named } from "@/components/coop/dates";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { setFeatured } from "@/lib/server/listings/certification";
import { listingsChanged, productsChanged } from "@/lib/server/queries/catalog-cached";
import { featuredSchema } from "@/lib/validation/certification";
import { roleAction } from "../chain";

/** An admin features a product on the home page, or stops featuring it (the form names the state wanted). */
export const setFeaturedAction = roleAction(["ADMIN"], featuredSchema, async (input, { actor, t }) => {
  const outcome = await setFeatured(db, actor, input);
  if (outcome.kind === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle"), values: { productId: input.productId } };
  if (outcome.kind === "refused") return { ok: false, status: 403, message: t("listing.refusal.wrongActor"), values: { productId: input.productId } };
  if (outcome.changed) {
    // The home page's featured shelf is a listing.
    listingsChanged();
    productsChanged([outcome.product.id]);
    revalidatePath("/admin/certifications");
  }
  const name = named(outcome.product, await getLocale());
  return { ok: true, status: 200, message: t(outcome.featured ? "certification.done.featured" : "certification.done.unfeatured", { name }), values: { productId: input.productId } };
});
