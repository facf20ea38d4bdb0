import { useTranslations } from "next-intl";
import { yuan } from "@/lib/i18n/format";
import { discountArgs, discountedUnitPrice, type PriceTier } from "@/lib/domain/price-tiers";

/**
 * A product's quantity prices ("≥50 瓶 95 折，每瓶 ¥122.36") and its minimum order, each unit price computed by
 * the module checkout prices with. Nothing when the product has neither.
 */
export function PriceTierList({
  listPriceFen,
  tiers,
  minOrderQuantity,
  unit,
  heading = true,
}: {
  listPriceFen: number;
  tiers: readonly PriceTier[];
  minOrderQuantity: number;
  unit: string;
  /** false where the surrounding section already names it (the manager's editor). */
  heading?: boolean;
}) {
  const t = useTranslations("org.priceTiers");
  if (tiers.length === 0 && minOrderQuantity <= 1) return null;
  return (
    <section aria-labelledby={heading ? "price-tiers-title" : undefined} className="rounded-xl border border-earth-100 bg-white p-4 text-sm" data-testid="price-tiers">
      {heading && (
        <h2 id="price-tiers-title" className="text-base font-semibold">
          {t("shop.title")}
        </h2>
      )}
      {minOrderQuantity > 1 && (
        <p className="mt-1 font-medium text-wine-700" data-testid="min-order">
          {t("shop.minOrder", { minOrder: minOrderQuantity })}
        </p>
      )}
      {tiers.length > 0 && (
        <ul className="mt-1 space-y-1">
          {tiers.map((tier) => (
            <li key={tier.minQuantity} className="tabular-nums">
              {t("shop.tier", {
                quantity: tier.minQuantity,
                unit,
                discount: t("discount", discountArgs(tier.discountBp)),
                price: yuan(discountedUnitPrice(listPriceFen, tier.discountBp)),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
