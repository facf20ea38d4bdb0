import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { PRICE_TIER_LIMITS, storedTiers } from "@/lib/domain/price-tiers";
import { savePriceTiersAction } from "@/lib/server/actions/coop/save-price-tiers";
import { bpToPercent, TIER_ROWS, tierField } from "@/lib/validation/price-tiers";

/** A product's quantity prices (up to five rows: from N units, x % off) and its minimum order quantity. */
export function PriceTiersForm({ product }: { product: { id: string; cooperativeId: string; priceTiers: unknown; minOrderQuantity: number } }) {
  const t = useTranslations("org.priceTiers.form");
  const tAll = useTranslations();
  const tiers = storedTiers(product.priceTiers);
  return (
    <ActionForm action={savePriceTiersAction} submitLabel={tAll("account.save")} className="space-y-4 rounded-2xl bg-white p-4 shadow-sm" testId="price-tiers">
      <input type="hidden" name="cooperativeId" value={product.cooperativeId} />
      <input type="hidden" name="productId" value={product.id} />
      <p className="text-sm text-earth-600">{t("intro", { max: PRICE_TIER_LIMITS.maxTiers })}</p>
      <div className="max-w-48">
        <Field name="minOrderQuantity" label={t("minOrder")} hint={t("minOrderHint")} inputMode="numeric" defaultValue={String(product.minOrderQuantity)} />
      </div>
      {Array.from({ length: TIER_ROWS }, (_, row) => {
        const tier = tiers[row];
        return (
          <fieldset key={row} className="grid grid-cols-2 gap-3 border-t border-earth-100 pt-3">
            <legend className="col-span-2 text-sm font-medium">{t("row", { n: row + 1 })}</legend>
            <Field name={tierField(row, "from")} label={t("from")} inputMode="numeric" defaultValue={tier ? String(tier.minQuantity) : ""} />
            <Field name={tierField(row, "discount")} label={t("discount")} hint={row === 0 ? t("discountHint") : undefined} inputMode="decimal" defaultValue={tier ? bpToPercent(tier.discountBp) : ""} />
          </fieldset>
        );
      })}
    </ActionForm>
  );
}
