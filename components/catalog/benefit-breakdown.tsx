import { formatBasisPoints, formatFen } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { ProductDetail } from "@/lib/server/queries/catalog";

function listWithCounts(items: { name: string; count: number }[], locale: Locale): string {
  return locale === "en" ? items.map((v) => `${v.name} (${v.count})`).join(", ") : items.map((v) => `${v.name}（${v.count}）`).join("、");
}

/** "Where your money goes" for one unit: the same split the benefit ledger writes when an order is paid. */
export function BenefitBreakdown({ product, locale, t }: { product: ProductDetail; locale: Locale; t: Translate }) {
  const { unitSplit: s, rule } = product;
  const poolPct = s.revenueFen > 0 ? (s.poolFen / s.revenueFen) * 100 : 0;
  return (
    <section aria-labelledby="benefit-title" className="rounded-xl border border-leaf-100 bg-leaf-50 p-4">
      <h2 id="benefit-title" className="text-lg font-semibold text-leaf-700">
        {t("benefit.title")}
      </h2>
      <p className="mt-1 text-sm">{t("benefit.intro", { price: formatFen(s.revenueFen, locale) })}</p>
      <div className="mt-3 flex h-4 overflow-hidden rounded-full bg-white" aria-hidden="true">
        <div className="bg-leaf-600" style={{ width: `${poolPct}%` }} />
        <div className="flex-1 bg-wine-600" />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("benefit.toHouseholds")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-leaf-700" data-testid="benefit-pool">
            {formatFen(s.poolFen, locale)}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("benefit.toCooperative")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-wine-700" data-testid="benefit-cooperative">
            {formatFen(s.cooperativeFen, locale)}
          </dd>
        </div>
      </dl>
      <ul className="mt-3 space-y-1 text-sm">
        <li>
          {rule.type === "PERCENT_OF_REVENUE"
            ? t("benefit.rulePercent", { percent: formatBasisPoints(rule.basisPoints) })
            : t("benefit.ruleFixed", { amount: formatFen(rule.fenPerUnit, locale) })}
        </li>
        {s.householdCount > 0 ? (
          <>
            <li>{t("benefit.householdsLine", { count: s.householdCount })}</li>
            {product.householdVillages.length > 0 && (
              <li>{t("benefit.villagesLine", { villages: listWithCounts(product.householdVillages, locale) })}</li>
            )}
            {product.benefitTypes.length > 0 && (
              <li>{t("benefit.typesLine", { types: product.benefitTypes.map((b) => t(`benefit.types.${b}`)).join(" / ") })}</li>
            )}
          </>
        ) : (
          <li>{t("benefit.noHouseholds")}</li>
        )}
        <li className="text-earth-600">{t("benefit.ledgerNote")}</li>
      </ul>
    </section>
  );
}
