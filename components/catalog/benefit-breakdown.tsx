import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/i18n/format";
import type { ProductDetail } from "./types";

/** "Where your money goes" for one unit: the same split the benefit ledger writes when an order is paid. */
export function BenefitBreakdown({ product }: { product: ProductDetail }) {
  const t = useTranslations("benefit");
  const format = useFormatter();
  const money = (fen: number) => formatMoney(format, fen);
  const { unitSplit: s, rule } = product;
  const poolPct = s.revenueFen > 0 ? (s.poolFen / s.revenueFen) * 100 : 0;
  const villages = format.list(
    product.householdVillages.map((v) => t("villageCount", { village: v.name, count: v.count })),
    "enumeration",
  );
  const types = format.list(
    product.benefitTypes.map((b) => t(`types.${b}`)),
    "enumeration",
  );
  return (
    <section aria-labelledby="benefit-title" className="rounded-xl border border-leaf-100 bg-leaf-50 p-4">
      <h2 id="benefit-title" className="text-lg font-semibold text-leaf-700">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm">{t("intro", { price: money(s.revenueFen) })}</p>
      <div className="mt-3 flex h-4 overflow-hidden rounded-full bg-white" aria-hidden="true">
        <div className="bg-leaf-600" style={{ width: `${poolPct}%` }} />
        <div className="flex-1 bg-wine-600" />
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("toHouseholds")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-leaf-700" data-testid="benefit-pool">
            {money(s.poolFen)}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("toCooperative")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-wine-700" data-testid="benefit-cooperative">
            {money(s.cooperativeFen)}
          </dd>
        </div>
      </dl>
      <ul className="mt-3 space-y-1 text-sm">
        <li>
          {rule.type === "PERCENT_OF_REVENUE"
            ? t("rulePercent", { percent: format.number(rule.basisPoints / 10_000, { style: "percent", maximumFractionDigits: 2 }) })
            : t("ruleFixed", { amount: money(rule.fenPerUnit) })}
        </li>
        {s.householdCount > 0 ? (
          <>
            <li>{t("householdsLine", { count: s.householdCount })}</li>
            {product.householdVillages.length > 0 && <li>{t("villagesLine", { villages })}</li>}
            {product.benefitTypes.length > 0 && <li>{t("typesLine", { types })}</li>}
          </>
        ) : (
          <li>{t("noHouseholds")}</li>
        )}
        <li className="text-earth-600">{t("ledgerNote")}</li>
      </ul>
    </section>
  );
}
