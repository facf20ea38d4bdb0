import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { saveProductTermsAction } from "@/lib/server/actions/coop/save-product-terms";
import type { CoopProductTerms } from "@/lib/server/queries/coop-products";
import { named } from "./dates";

/** A product's benefit rule and its households' weights, as its cooperative's manager edits them. */
export function ProductTermsForm({ terms: { product, households } }: { terms: CoopProductTerms }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ActionForm action={saveProductTermsAction} submitLabel={t("account.save")} className="space-y-4 rounded-2xl bg-white p-4 shadow-sm" testId="product-terms">
      <input type="hidden" name="cooperativeId" value={product.cooperativeId} />
      <input type="hidden" name="productId" value={product.id} />
      <SelectField
        name="ruleType"
        label={t("coopProducts.ruleType")}
        placeholder={t("coopProducts.choose")}
        defaultValue={product.benefitRuleType}
        options={[
          { value: "PERCENT_OF_REVENUE", label: t("coopProducts.rulePercent") },
          { value: "FIXED_PER_UNIT", label: t("coopProducts.ruleFixed") },
        ]}
      />
      <Field name="percent" label={t("coopProducts.percent")} hint={t("coopProducts.percentHint")} inputMode="decimal" defaultValue={product.benefitBasisPoints !== null ? String(product.benefitBasisPoints / 100) : ""} />
      <Field name="fixedYuan" label={t("coopProducts.fixed")} hint={t("coopProducts.fixedHint")} inputMode="decimal" defaultValue={product.benefitFenPerUnit !== null ? (product.benefitFenPerUnit / 100).toFixed(2) : ""} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("coopProducts.weights")}</legend>
        <p className="text-sm text-earth-600">{t("coopProducts.weightsHint")}</p>
        {households.map((h) => (
          <Field
            key={h.id}
            name={`w.${h.id}`}
            label={`${h.code} · ${named(h.village, locale)} · ${format.list(h.benefitTypes.map((b) => t(`benefit.types.${b}`)), "enumeration")}`}
            inputMode="numeric"
            defaultValue={String(h.weight)}
          />
        ))}
      </fieldset>
    </ActionForm>
  );
}
