"use server";
import { revalidatePath } from "next/cache";
import { setCartQuantity } from "@/lib/server/cart";
import { refuseCartLine } from "@/lib/server/cart/line-check";
import { cartOwner } from "@/lib/server/cart/owner";
import { db } from "@/lib/server/db";
import { setCartQuantitySchema } from "@/lib/validation/checkout";
import { publicAction } from "../chain";

/** Changes a line's quantity in the caller's own cart; 0 removes it (always allowed, whatever the product's state). */
export const setCartQuantityAction = publicAction(setCartQuantitySchema, async ({ productId, quantity }, { actor, t, locale }) => {
  const owner = await cartOwner(actor, false);
  if (!owner) return { ok: false, status: 404, message: t("cart.errors.noCart") };
  if (quantity > 0) {
    const refused = await refuseCartLine({ productId, total: quantity, current: 0 }, { t, locale });
    if (refused) return refused;
  }
  await setCartQuantity(db, owner, productId, quantity);
  revalidatePath("/cart");
  return { ok: true, status: 200 };
});
