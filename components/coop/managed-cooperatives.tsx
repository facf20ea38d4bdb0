import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Section } from "@/components/ui/section";
import { HOME_STATES } from "@/lib/domain/listing";
import type { CoopProductSummary } from "@/lib/server/queries/coop-products";
import { named } from "./dates";

const subLinkClass = "block rounded-lg bg-earth-100 px-3 py-1.5 font-medium hover:text-wine-700";
const figureClass = "block rounded-xl bg-earth-50 p-3 hover:text-wine-700";

/**
 * The manager's cooperatives, each with its products by listing state, its low-stock count, and links to its
 * products, a new product, household income and this month's statement.
 */
export function ManagedCooperatives({
  cooperatives,
  summaries,
  month,
}: {
  cooperatives: { id: string; nameZh: string; nameEn: string }[];
  summaries: CoopProductSummary[];
  month: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <ul className="space-y-3" data-testid="managed-cooperatives">
      {cooperatives.map((c) => {
        const summary = summaries.find((s) => s.cooperativeId === c.id);
        return (
          <Section key={c.id} as="li" title={named(c, locale)} data={{ "data-cooperative": c.id }}>
            {summary && (
              <ul className="grid grid-cols-3 gap-2 text-center sm:grid-cols-6" aria-label={t("productEditor.home.states", { cooperative: named(c, locale) })}>
                {HOME_STATES.map((s) => (
                  <li key={s}>
                    <Link href={`/coop/products?state=${s}`} className={figureClass} data-testid={`home-count-${s}`}>
                      <span className="block text-2xl font-bold tabular-nums">{summary.byState[s]}</span>
                      <span className="block text-xs text-earth-600">{t(`listing.status.${s}`)}</span>
                    </Link>
                  </li>
                ))}
                <li>
                  <Link href={`/coop/stock?c=${c.id}`} className={`${figureClass} ${summary.lowStock > 0 ? "bg-wine-50 text-wine-700" : ""}`} data-testid="home-low-stock" title={t("productEditor.home.lowStockHint")}>
                    <span className="block text-2xl font-bold tabular-nums">{summary.lowStock}</span>
                    <span className="block text-xs">{t("productEditor.home.lowStock")}</span>
                  </Link>
                </li>
              </ul>
            )}
            <ul className="mt-3 flex flex-wrap gap-2 text-sm">
              {/* The order queue shows buyers' addresses, the roster household names: no prefetch, so only a real
                  visit is audited as a read. */}
              <li>
                <Link href={`/coop/orders?c=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("productEditor.home.orders")}
                </Link>
              </li>
              <li>
                <Link href="/coop/products" className={subLinkClass}>
                  {t("productEditor.home.products")}
                </Link>
              </li>
              <li>
                <Link href={`/coop/households?c=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("productEditor.home.households")}
                </Link>
              </li>
              <li>
                <Link href={`/coop/products/new?c=${c.id}`} className={subLinkClass}>
                  {t("productEditor.home.newProduct")}
                </Link>
              </li>
              {/* Income and statements show household names: no prefetch, so only a real visit is audited as a read. */}
              <li>
                <Link href={`/coop/income?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("coopIncome.title")}
                </Link>
              </li>
              <li>
                <Link href={`/coop/statements/${month}?cooperative=${c.id}`} prefetch={false} className={subLinkClass}>
                  {t("coopIncome.thisMonth")}
                </Link>
              </li>
            </ul>
          </Section>
        );
      })}
    </ul>
  );
}
