import "server-only";
// The product checks both cart actions make before a line changes (add-to-cart adds to the line, the cart's
// quantity field sets it): for sale, within its stock, at least its minimum order. The refusal is translated with
// the product's own unit ("最多还能买 3瓶"), on the quantity field, with the quantity the reader typed given back.
import { isSellable, SELLABLE_SELECT } from "@/lib/domain/catalog";
import { cartLineRefusal } from "@/lib/domain/checkout";
import type { ActionState } from "@/lib/action-state";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { text } from "@/lib/server/queries/catalog/shared";

/** Null when the line may hold `total` units (`current` of them there now); else the action's answer, with what the
 * reader typed (`total - current`) given back to the field. */
export async function refuseCartLine(
  { productId, total, current }: { productId: string; total: number; current: number },
  { t, locale }: { t: Translate; locale: Locale },
): Promise<ActionState | null> {
  const product = await db.product.findUnique({
    where: { id: productId },
    select: { stock: true, minOrderQuantity: true, unitZh: true, unitEn: true, ...SELLABLE_SELECT, cooperative: { select: { status: true } } },
  });
  if (!product || !isSellable(product)) return { ok: false, status: 404, message: t("cart.errors.unavailable") };
  const refusal = cartLineRefusal(product, total, current);
  if (!refusal) return null;
  const unit = text(product.unitZh, product.unitEn, locale);
  const message =
    refusal.code === "aboveStock"
      ? t("cart.errors.aboveStock", { count: refusal.canAdd, quantity: t("product.quantity", { count: refusal.canAdd, unit }) })
      : t("org.priceTiers.quantity.belowMinOrder", { minOrder: refusal.minOrder });
  // On the quantity field, as a validation error is (the form says "fix what is marked" beside its button).
  return { ok: false, status: refusal.code === "aboveStock" ? 409 : 400, message: t("validation.fixErrors"), fieldErrors: { quantity: message }, values: { productId, quantity: String(total - current) } };
}
