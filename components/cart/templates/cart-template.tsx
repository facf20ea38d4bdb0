import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { ClientMessages } from "@/components/ui/client-messages";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { Price } from "@/components/ui/price";
import type { FormAction } from "@/lib/action-state";
import { formatMoney } from "@/lib/i18n/format";
import type { getCartView } from "@/lib/server/queries/cart";
import { CartLines } from "../cart-lines";

type CartView = Awaited<ReturnType<typeof getCartView>>;

export function CartTemplate({ cart, setQuantity }: { cart: CartView; setQuantity: FormAction }) {
  const t = useTranslations("cart");
  const format = useFormatter();
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <PageHeader title={t("title")} />
      {cart.groups.length === 0 ? (
        <Notice>
          {t("empty")}{" "}
          <Link href="/products" className="text-wine-700 underline">
            {t("browse")}
          </Link>
        </Notice>
      ) : (
        // One provider for every cooperative's lines: the cart's messages are in the page once.
        <ClientMessages group="cart">
          {cart.groups.map((g) => (
            <Section key={g.cooperativeId} title={t("from", { cooperative: g.cooperativeName })}>
              <CartLines
                setQuantity={setQuantity}
                lines={g.lines.map((l) => ({
                  productId: l.productId,
                  slug: l.slug,
                  name: l.name,
                  image: l.image,
                  unitPriceFen: l.unitPriceFen,
                  quantity: l.quantity,
                  max: l.max,
                  available: l.available,
                  listPriceFen: l.listPriceFen,
                  priceTiers: l.priceTiers,
                  minOrderQuantity: l.minOrderQuantity,
                }))}
              />
              <div className="mt-2 flex justify-between gap-3 text-sm text-earth-600">
                <span>
                  {t("shipping")}
                  {g.shippingFen > 0 && (
                    <span className="block text-xs">
                      {t("freeShippingHint", { amount: formatMoney(format, g.freeShippingMinFen) })}
                    </span>
                  )}
                </span>
                {g.shippingFen > 0 ? <Price fen={g.shippingFen} /> : <span>{t("freeShipping")}</span>}
              </div>
            </Section>
          ))}
          <Section as="div">
            <dl className="grid grid-cols-[1fr_auto] gap-1">
              <dt>{t("items")}</dt>
              <dd className="text-right">
                <Price fen={cart.itemsFen} />
              </dd>
              <dt>{t("shipping")}</dt>
              <dd className="text-right">
                <Price fen={cart.shippingFen} />
              </dd>
              <dt className="text-lg font-semibold">{t("total")}</dt>
              <dd className="text-right text-lg font-semibold tabular-nums text-wine-700" data-testid="cart-total">
                <Price fen={cart.totalFen} />
              </dd>
            </dl>
          </Section>
          <Link href="/checkout" className="block rounded-lg bg-wine-700 px-5 py-3 text-center font-semibold text-white hover:bg-wine-800" aria-disabled={!cart.allAvailable}>
            {t("checkout")}
          </Link>
        </ClientMessages>
      )}
    </div>
  );
}
