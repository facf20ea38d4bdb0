"use server";
import { revalidatePath } from "next/cache";
import { isSellable, SELLABLE_SELECT } from "@/lib/domain/catalog";
import { MAX_QUANTITY_PER_LINE } from "@/lib/domain/checkout";
import { setCartQuantity } from "@/lib/server/cart";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { addToCartSchema } from "@/lib/validation/checkout";
import { publicAction } from "../chain";

/** Guests and signed-in users alike; the quantity is checked against the stock now, and again at checkout. */
export const addToCartAction = publicAction(addToCartSchema, async ({ productId, quantity }, { actor, t }) => {
  const product = await db.product.findUnique({ where: { id: productId }, select: { stock: true, minOrderQuantity: true, ...SELLABLE_SELECT, cooperative: { select: { status: true } } } });
  if (!product || !isSellable(product)) return { ok: false, status: 404, message: t("cart.errors.unavailable") };
  const owner = await cartOwner(actor, true);
  const current = owner
    ? ((await db.cartItem.findFirst({ where: { productId, cart: "userId" in owner ? { userId: owner.userId } : { guestToken: owner.guestToken } }, select: { quantity: true } }))?.quantity ?? 0)
    : 0;
  const limit = Math.min(product.stock, MAX_QUANTITY_PER_LINE);
  if (current + quantity > limit) return { ok: false, status: 409, message: t("cart.errors.aboveStock", { count: Math.max(0, limit - current) }) };
  // A canteen pack: the line must reach the product's minimum order (checkout refuses it otherwise).
  if (current + quantity < product.minOrderQuantity) return { ok: false, status: 400, message: t("org.priceTiers.quantity.belowMinOrder", { minOrder: product.minOrderQuantity }) };
  await setCartQuantity(db, owner!, productId, current + quantity);
  revalidatePath("/cart");
  return { ok: true, status: 200, message: t("cart.added") };
});
