import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import { formatMoney } from "@/lib/i18n/format";
import type { listCoopProducts } from "@/lib/server/queries/coop-products";
import { named } from "./dates";

type Product = Awaited<ReturnType<typeof listCoopProducts>>[number];

/** The manager's products, across their cooperatives, each with its benefit rule and number of households. */
export function CoopProductList({ products }: { products: Product[] }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul className="space-y-2">
      {products.map((p) => (
        <Section key={p.id} as="li" testId="coop-product">
          <Link href={`/coop/products/${p.id}`} className="font-medium text-wine-700 underline-offset-2 hover:underline">
            {named(p, locale)}
          </Link>
          <p className="text-sm text-earth-600">
            {named(p.cooperative, locale)} · <Price fen={p.priceFen} /> · {t("coopProducts.stock", { count: p.stock })}
          </p>
          <p className="text-sm">
            {p.benefitRuleType === "PERCENT_OF_REVENUE"
              ? t("benefit.rulePercent", { percent: format.number((p.benefitBasisPoints ?? 0) / 10_000, { style: "percent", maximumFractionDigits: 2 }) })
              : t("benefit.ruleFixed", { amount: formatMoney(format, p.benefitFenPerUnit ?? 0) })}{" "}
            · {t("coopProducts.households", { count: p._count.beneficiaries })}
          </p>
        </Section>
      ))}
    </ul>
  );
}
