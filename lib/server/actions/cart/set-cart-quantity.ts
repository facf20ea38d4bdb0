"use server";
import { revalidatePath } from "next/cache";
import { isSellable, SELLABLE_SELECT } from "@/lib/domain/catalog";
import { MAX_QUANTITY_PER_LINE } from "@/lib/domain/checkout";
import { setCartQuantity } from "@/lib/server/cart";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { setCartQuantitySchema } from "@/lib/validation/checkout";
import { publicAction } from "../chain";

/** Changes a line's quantity in the caller's own cart; 0 removes it. */
export const setCartQuantityAction = publicAction(setCartQuantitySchema, async ({ productId, quantity }, { actor, t }) => {
  const owner = await cartOwner(actor, false);
  if (!owner) return { ok: false, status: 404, message: t("cart.errors.noCart") };
  if (quantity > 0) {
    const product = await db.product.findUnique({ where: { id: productId }, select: { stock: true, minOrderQuantity: true, ...SELLABLE_SELECT, cooperative: { select: { status: true } } } });
    if (!product || !isSellable(product)) return { ok: false, status: 404, message: t("cart.errors.unavailable") };
    const limit = Math.min(product?.stock ?? 0, MAX_QUANTITY_PER_LINE);
    if (quantity > limit) return { ok: false, status: 409, message: t("cart.errors.aboveStock", { count: limit }) };
    // Below a canteen pack's minimum: removing the line (0) is the way down.
    if (quantity < product.minOrderQuantity) return { ok: false, status: 400, message: t("org.priceTiers.quantity.belowMinOrder", { minOrder: product.minOrderQuantity }) };
  }
  await setCartQuantity(db, owner, productId, quantity);
  revalidatePath("/cart");
  return { ok: true, status: 200 };
});
