import type { Metadata } from "next";
import { CartTemplate } from "@/components/cart/templates/cart-template";
import { setCartQuantityAction } from "@/lib/server/actions/cart/set-cart-quantity";
import { getSessionUser } from "@/lib/server/authz";
import { cartOwner } from "@/lib/server/cart/owner";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCartView } from "@/lib/server/queries/cart";

// Per reader (or per request): never rendered ahead or cached whole (tests/unit/route-rendering.test.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cart.title"), robots: { index: false } };
}

export default async function CartPage() {
  const [locale, user] = await Promise.all([getLocale(), getSessionUser()]);
  const cart = await getCartView(await cartOwner(user, false), locale);
  return <CartTemplate cart={cart} setQuantity={setCartQuantityAction} />;
}
