"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { translateDynamic } from "@/lib/i18n/translate";
import { getLocale } from "@/lib/server/i18n";
import { db } from "@/lib/server/db";
import { createProduct, updateProduct, type ProductRefusal } from "@/lib/server/listings/products";
import { productsChanged } from "@/lib/server/queries/catalog-cached";
import { productEditorSchema, type ProductEditorInput } from "@/lib/validation/product";
import { cooperativeAction } from "../chain";

/** What the form showed, put back after a refusal (the price as yuan with two decimals). */
function valuesOf(input: ProductEditorInput): Record<string, string> {
  const { price, productId, ...rest } = input;
  return { ...rest, ...(productId ? { productId } : {}), price: (price / 100).toFixed(2) };
}

async function refusalState(refusal: ProductRefusal, values?: Record<string, string>): Promise<ActionState> {
  const locale = await getLocale();
  const message = translateDynamic(locale, refusal.message);
  return {
    ok: false,
    status: refusal.status,
    message: refusal.field ? translateDynamic(locale, "validation.fixErrors") : message,
    ...(refusal.field ? { fieldErrors: { [refusal.field]: message } } : {}),
    ...(values ? { values } : {}),
  };
}

/**
 * A manager saves the product editor: without a productId a new draft in the named cooperative (then the
 * browser goes to its page), with one the product's details. The chain checked that the actor manages the
 * cooperative; lib/server/listings/products.ts reads the product, category and village through it.
 */
export const saveProductAction = cooperativeAction(productEditorSchema, async (input, { actor, t }) => {
  if (!input.productId) {
    const created = await createProduct(db, actor, input);
    if (!created.ok) return refusalState(created, valuesOf(input));
    revalidatePath("/coop", "layout");
    redirect(`/coop/products/${created.productId}`);
  }
  const updated = await updateProduct(db, actor, { ...input, productId: input.productId });
  if (!updated.ok) return refusalState(updated, valuesOf(input));
  // Drafts are not in the catalog, but an on-sale or off-sale product's page and cards show these details.
  productsChanged([updated.productId]);
  revalidatePath(`/products/${updated.slug}`);
  revalidatePath(`/coop/products/${updated.productId}`);
  revalidatePath("/coop/products");
  return { ok: true, status: 200, message: t("productEditor.updated") };
});
