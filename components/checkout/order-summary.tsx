import { useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import type { CartView } from "@/lib/server/queries/cart";

/** The cart by cooperative, each with its shipping, and the total the server will charge. */
export function OrderSummary({ cart }: { cart: CartView }) {
  const t = useTranslations("checkout");
  const tc = useTranslations("cart");
  return (
    <Section title={t("summary")}>
      <ul className="space-y-2 text-sm">
        {cart.groups.map((g) => (
          <li key={g.cooperativeId}>
            <p className="font-medium">{tc("from", { cooperative: g.cooperativeName })}</p>
            <ul className="text-earth-600">
              {g.lines.map((l) => (
                <li key={l.productId} className="flex justify-between gap-2">
                  <span>{t("lineQuantity", { name: l.name, quantity: l.quantity })}</span>
                  <Price fen={l.unitPriceFen * l.quantity} />
                </li>
              ))}
              <li className="flex justify-between">
                <span>{tc("shipping")}</span>
                {g.shippingFen > 0 ? <Price fen={g.shippingFen} /> : <span>{tc("freeShipping")}</span>}
              </li>
            </ul>
          </li>
        ))}
      </ul>
      <p className="mt-3 flex justify-between text-lg font-semibold">
        <span>{tc("total")}</span>
        <span className="tabular-nums text-wine-700" data-testid="checkout-total">
          <Price fen={cart.totalFen} />
        </span>
      </p>
      <p className="mt-1 text-xs text-earth-600">{t("perCooperative")}</p>
    </Section>
  );
}
