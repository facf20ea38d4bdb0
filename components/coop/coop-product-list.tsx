import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import { formatMoney } from "@/lib/i18n/format";
import type { listCoopProducts } from "@/lib/server/queries/coop-products";
import { named } from "./dates";
import { ListingBadge } from "./listing-panel-badge";

type Product = Awaited<ReturnType<typeof listCoopProducts>>[number];

/** The manager's products, across their cooperatives: state, price, stock, benefit rule and households. */
export function CoopProductList({ products, showCooperative }: { products: Product[]; showCooperative: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul className="space-y-2">
      {products.map((p) => {
        const low = p.listingStatus !== "ARCHIVED" && p.stock <= p.lowStockThreshold;
        return (
          <Section key={p.id} as="li" testId="coop-product" data={{ "data-state": p.listingStatus }}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/coop/products/${p.id}`} className="font-medium text-wine-700 underline-offset-2 hover:underline">
                {named(p, locale)}
              </Link>
              <ListingBadge status={p.listingStatus} />
            </div>
            <p className="text-sm text-earth-600">
              {showCooperative && <>{named(p.cooperative, locale)} · </>}
              <Price fen={p.priceFen} /> · {t("coopProducts.stock", { count: p.stock })}
              {low && <span className="ml-2 rounded-full bg-wine-50 px-2 py-0.5 text-xs font-medium text-wine-700">{t("productEditor.list.lowStock")}</span>}
            </p>
            <p className="text-sm">
              {p.benefitRuleType === "PERCENT_OF_REVENUE"
                ? t("benefit.rulePercent", { percent: format.number((p.benefitBasisPoints ?? 0) / 10_000, { style: "percent", maximumFractionDigits: 2 }) })
                : t("benefit.ruleFixed", { amount: formatMoney(format, p.benefitFenPerUnit ?? 0) })}{" "}
              · {t("coopProducts.households", { count: p._count.beneficiaries })}
            </p>
          </Section>
        );
      })}
    </ul>
  );
}
