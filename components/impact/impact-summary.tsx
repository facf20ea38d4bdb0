import { formatFen } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { Impact } from "@/lib/server/queries/impact";

/**
 * What paid orders brought to cooperatives and households, from the benefit ledger (net of refunds). Used on the
 * order page (one order) and on "my impact" (all of a buyer's orders). Counts and villages only: no names.
 */
export function ImpactSummary({ impact, locale, t, title, lead, testId }: { impact: Impact; locale: Locale; t: Translate; title: string; lead?: string; testId: string }) {
  const money = (fen: number) => formatFen(fen, locale);
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameZh);
  const total = impact.cooperativeFen + impact.householdFen;
  const householdPct = total > 0 ? (impact.householdFen / total) * 100 : 0;
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
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("impact.toHouseholds")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-leaf-700" data-testid="impact-household-fen">
            {money(impact.householdFen)}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("impact.toCooperatives")}</dt>
          <dd className="text-xl font-semibold tabular-nums text-wine-700" data-testid="impact-cooperative-fen">
            {money(impact.cooperativeFen)}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("impact.households")}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="impact-households">
            {impact.households}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3">
          <dt className="text-earth-600">{t("impact.villages")}</dt>
          <dd className="text-xl font-semibold tabular-nums" data-testid="impact-villages">
            {impact.villages.length}
          </dd>
        </div>
      </dl>
      {impact.villages.length > 0 && (
        <p className="mt-3 text-sm">
          {t("impact.villagesLine", {
            villages: impact.villages.map((v) => (locale === "en" ? `${name(v)} (${v.households})` : `${name(v)}（${v.households} 户）`)).join(locale === "en" ? ", " : "、"),
          })}
        </p>
      )}
      {impact.cooperatives.length > 0 && <p className="mt-3 text-sm text-earth-600">{t("impact.byCooperative")}</p>}
      {impact.cooperatives.length > 0 && (
        <ul className="mt-1 space-y-1 text-sm" aria-label={t("impact.byCooperative")}>
          {impact.cooperatives.map((c) => (
            <li key={c.id} className="flex justify-between gap-2">
              <span>{name(c)}</span>
              <span className="tabular-nums">{money(c.fen)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-xs text-earth-600">{t("impact.note")}</p>
    </section>
  );
}
