"use server";
import { revalidatePath } from "next/cache";
import { setCartQuantity } from "@/lib/server/cart";
import { refuseCartLine } from "@/lib/server/cart/line-check";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { addToCartSchema } from "@/lib/validation/checkout";
import { publicAction } from "../chain";

/** Guests and signed-in users alike; the quantity is checked against the stock now, and again at checkout. */
export const addToCartAction = publicAction(addToCartSchema, async ({ productId, quantity }, { actor, t, locale }) => {
  const owner = await cartOwner(actor, true);
  const current = owner
    ? ((await db.cartItem.findFirst({ where: { productId, cart: "userId" in owner ? { userId: owner.userId } : { guestToken: owner.guestToken } }, select: { quantity: true } }))?.quantity ?? 0)
    : 0;
  const refused = await refuseCartLine({ productId, total: current + quantity, current }, { t, locale });
  if (refused) return refused;
  await setCartQuantity(db, owner!, productId, current + quantity);
  revalidatePath("/cart");
  return { ok: true, status: 200, message: t("cart.added") };
});
