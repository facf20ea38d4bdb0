import type { Metadata } from "next";
import Link from "next/link";
import { CartLines } from "@/components/cart/cart-lines";
import { formatFen } from "@/lib/domain/money";
import { setCartQuantityAction } from "@/lib/server/actions/cart/set-cart-quantity";
import { getSessionUser } from "@/lib/server/authz";
import { cartOwner } from "@/lib/server/cart/owner";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCartView } from "@/lib/server/queries/cart";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("cart.title"), robots: { index: false } };
}

export default async function CartPage() {
  const [t, locale, user] = await Promise.all([getT(), getLocale(), getSessionUser()]);
  const cart = await getCartView(await cartOwner(user, false), locale);
  const money = (fen: number) => formatFen(fen, locale);
  const labels = {
    quantity: t("cart.quantity"),
    decrease: t("cart.decrease", { name: "{name}" }),
    increase: t("cart.increase", { name: "{name}" }),
    remove: t("cart.remove"),
    removeLabel: t("cart.removeLabel", { name: "{name}" }),
    unavailable: t("cart.unavailable"),
  };
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">{t("cart.title")}</h1>
      {cart.groups.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-center">
          {t("cart.empty")}{" "}
          <Link href="/products" className="text-wine-700 underline">
            {t("cart.browse")}
          </Link>
        </p>
      ) : (
        <>
          {cart.groups.map((g) => (
            <section key={g.cooperativeId} aria-label={t("cart.from", { cooperative: g.cooperativeName })} className="rounded-2xl bg-white p-4 shadow-sm">
              <h2 className="font-semibold">{t("cart.from", { cooperative: g.cooperativeName })}</h2>
              <CartLines
                labels={labels}
                setQuantity={setCartQuantityAction}
                lines={g.lines.map((l) => ({
                  productId: l.productId,
                  slug: l.slug,
                  name: l.name,
                  image: l.image,
                  unitPrice: money(l.unitPriceFen),
                  lineTotal: money(l.unitPriceFen * l.quantity),
                  quantity: l.quantity,
                  max: l.max,
                  available: l.available,
                }))}
              />
              <p className="mt-2 flex justify-between text-sm text-earth-600">
                <span>
                  {t("cart.shipping")}
                  {g.shippingFen > 0 && `（${t("cart.freeShippingHint", { amount: money(g.freeShippingMinFen) })}）`}
                </span>
                <span className="tabular-nums">{g.shippingFen > 0 ? money(g.shippingFen) : t("cart.freeShipping")}</span>
              </p>
            </section>
          ))}
          <dl className="grid grid-cols-[1fr_auto] gap-1 rounded-2xl bg-white p-4 shadow-sm">
            <dt>{t("cart.items")}</dt>
            <dd className="text-right tabular-nums">{money(cart.itemsFen)}</dd>
            <dt>{t("cart.shipping")}</dt>
            <dd className="text-right tabular-nums">{money(cart.shippingFen)}</dd>
            <dt className="text-lg font-semibold">{t("cart.total")}</dt>
            <dd className="text-right text-lg font-semibold tabular-nums text-wine-700" data-testid="cart-total">
              {money(cart.totalFen)}
            </dd>
          </dl>
          <Link href="/checkout" className="block rounded-lg bg-wine-700 px-5 py-3 text-center font-semibold text-white hover:bg-wine-800" aria-disabled={!cart.allAvailable}>
            {t("cart.checkout")}
          </Link>
        </>
      )}
    </div>
  );
}
