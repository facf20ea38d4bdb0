"use server";
import { revalidatePath } from "next/cache";
import { translateDynamic } from "@/lib/i18n/translate";
import { getLocale } from "@/lib/server/i18n";
import { db } from "@/lib/server/db";
import { moveListingAsManager } from "@/lib/server/listings/products";
import { listingsChanged, productsChanged } from "@/lib/server/queries/catalog-cached";
import { moveListingSchema } from "@/lib/validation/product";
import { cooperativeAction } from "../chain";

/**
 * A manager moves a product's listing: submit for certification, withdraw, take off sale, put back on sale,
 * archive, restore. The domain table decides; a refused move (wrong state, certificate not valid, a second
 * click that lost the race) is a translated 409 and nothing changes.
 */
export const moveListingAction = cooperativeAction(moveListingSchema, async (input, { actor, t }) => {
  const moved = await moveListingAsManager(db, actor, input);
  if (!moved.ok) return { ok: false, status: moved.status, message: translateDynamic(await getLocale(), moved.message) };
  if (moved.from === "ON_SALE" || moved.to === "ON_SALE") {
    productsChanged([moved.productId]);
    listingsChanged();
    revalidatePath(`/products/${moved.slug}`);
  }
  revalidatePath(`/coop/products/${moved.productId}`);
  revalidatePath("/coop", "layout");
  return { ok: true, status: 200, message: t("productEditor.listing.moved", { state: t(`listing.status.${moved.to}`) }) };
});
