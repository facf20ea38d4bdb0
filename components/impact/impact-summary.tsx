import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import type { Impact } from "@/lib/server/queries/impact";

const named = (x: { nameZh: string; nameEn: string }, locale: string) => (locale === "en" ? x.nameEn : x.nameZh);

/**
 * What paid orders brought to cooperatives and households, from the benefit ledger (net of refunds). Used on the
 * order page (one order) and on "my impact" (all of a buyer's orders). Counts and villages only: no names.
 */
export function ImpactSummary({ impact, title, lead, testId }: { impact: Impact; title: string; lead?: string; testId: string }) {
  const t = useTranslations("impact");
  const format = useFormatter();
  const locale = useLocale();
  const total = impact.cooperativeFen + impact.householdFen;
  const householdPct = total > 0 ? (impact.householdFen / total) * 100 : 0;
  const villages = format.list(
    impact.villages.map((v) => t("villageHouseholds", { village: named(v, locale), count: v.households })),
    "enumeration",
  );
  return (
    <section aria-labelledby={`${testId}-title`} className="rounded-2xl border border-leaf-100 bg-leaf-50 p-4" data-testid={testId}>
      <h2 id={`${testId}-title`} className="text-lg font-semibold text-leaf-700">
        {title}
      </h2>
      {lead && <p className="mt-1 text-sm">{lead}</p>}
      {total > 0 && (
        <div className="mt-3 flex h-3 overflow-hidden rounded-full bg-white" aria-hidden="true">
          <div className="bg-leaf-600" style={{ width: `${householdPct}%` }} />
          <div className="flex-1 bg-wine-600" />
        </div>
      )}
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Figure label={t("toHouseholds")} testId="impact-household-fen" className="text-leaf-700">
          <Price fen={impact.householdFen} />
        </Figure>
        <Figure label={t("toCooperatives")} testId="impact-cooperative-fen" className="text-wine-700">
          <Price fen={impact.cooperativeFen} />
        </Figure>
        <Figure label={t("households")} testId="impact-households">
          {impact.households}
        </Figure>
        <Figure label={t("villages")} testId="impact-villages">
          {impact.villages.length}
        </Figure>
      </dl>
      {impact.villages.length > 0 && <p className="mt-3 text-sm">{t("villagesLine", { villages })}</p>}
      {impact.cooperatives.length > 0 && (
        <>
          <p className="mt-3 text-sm text-earth-600">{t("byCooperative")}</p>
          <ul className="mt-1 space-y-1 text-sm" aria-label={t("byCooperative")}>
            {impact.cooperatives.map((c) => (
              <li key={c.id} className="flex justify-between gap-2">
                <span>{named(c, locale)}</span>
                <Price fen={c.fen} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="mt-2 text-xs text-earth-600">{t("note")}</p>
    </section>
  );
}

function Figure({ label, testId, className, children }: { label: string; testId: string; className?: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg bg-white p-3">
      <dt className="text-earth-600">{label}</dt>
      <dd className={`text-xl font-semibold tabular-nums ${className ?? ""}`} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
