import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { splitLine } from "@/lib/domain/benefit";
import { formatFen } from "@/lib/domain/money";
import { saveProductTermsAction } from "@/lib/server/actions/coop/save-product-terms";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { getCoopProductTerms } from "@/lib/server/queries/coop-products";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.editTitle"), robots: { index: false } };
}

/** A product's benefit rule and household weights, as its cooperative's manager edits them. */
export default async function CoopProductPage({ params }: Props) {
  const { id } = await params;
  await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/products/${id}`);
  const found = await getCoopProductTerms(id);
  if (!found) notFound();
  // Another cooperative's product: 404, as if it did not exist.
  await guardPage({ kind: "cooperative", cooperativeId: found.product.cooperativeId }, `/coop/products/${id}`);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const { product, households } = found;
  const rule =
    product.benefitRuleType === "PERCENT_OF_REVENUE"
      ? { type: "PERCENT_OF_REVENUE" as const, basisPoints: product.benefitBasisPoints ?? 0 }
      : { type: "FIXED_PER_UNIT" as const, fenPerUnit: product.benefitFenPerUnit ?? 0 };
  const unit = splitLine(rule, product.priceFen, 1, product.beneficiaries);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{locale === "en" ? product.nameEn : product.nameZh}</h1>
      <p className="text-sm">
        {t("coopProducts.current", { price: formatFen(product.priceFen, locale), pool: formatFen(unit.poolFen, locale), cooperative: formatFen(unit.cooperativeFen, locale) })}
      </p>
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
              label={`${h.code} · ${locale === "en" ? h.village.nameEn : h.village.nameZh} · ${h.benefitTypes.map((b) => t(`benefit.types.${b}`)).join(" / ")}`}
              inputMode="numeric"
              defaultValue={String(h.weight)}
            />
          ))}
        </fieldset>
      </ActionForm>
    </div>
  );
}
