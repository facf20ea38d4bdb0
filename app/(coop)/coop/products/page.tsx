import type { Metadata } from "next";
import Link from "next/link";
import { formatBasisPoints, formatFen } from "@/lib/domain/money";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listCoopProducts } from "@/lib/server/queries/coop-products";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopProducts.title"), robots: { index: false } };
}

/** The manager's products, across the cooperatives they manage, with each one's benefit rule. */
export default async function CoopProductsPage() {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/products");
  const [t, locale, products] = await Promise.all([getT(), getLocale(), listCoopProducts(user.cooperativeIds)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coopProducts.title")}</h1>
      <p className="text-sm text-earth-600">{t("coopProducts.lead")}</p>
      <ul className="space-y-2">
        {products.map((p) => (
          <li key={p.id} className="rounded-xl bg-white p-4 shadow-sm" data-testid="coop-product">
            <Link href={`/coop/products/${p.id}`} className="font-medium text-wine-700 underline-offset-2 hover:underline">
              {locale === "en" ? p.nameEn : p.nameZh}
            </Link>
            <p className="text-sm text-earth-600">
              {locale === "en" ? p.cooperative.nameEn : p.cooperative.nameZh} · {formatFen(p.priceFen, locale)} · {t("coopProducts.stock", { count: p.stock })}
            </p>
            <p className="text-sm">
              {p.benefitRuleType === "PERCENT_OF_REVENUE"
                ? t("benefit.rulePercent", { percent: formatBasisPoints(p.benefitBasisPoints ?? 0) })
                : t("benefit.ruleFixed", { amount: formatFen(p.benefitFenPerUnit ?? 0, locale) })}{" "}
              · {t("coopProducts.households", { count: p._count.beneficiaries })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
