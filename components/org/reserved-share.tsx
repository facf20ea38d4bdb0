// An organisation's reserved share (预留份额) for a year: the target, what counts toward it, what is still to buy,
// a bar, the months, and the products and villages the money went to. One component for the organisation's own
// page and the admins' view of it. Server component (no state), phone first: the month table scrolls sideways.
import { useFormatter, useTranslations } from "next-intl";
import { DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { formatMoney } from "@/lib/i18n/format";
import { Notice, Section } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { BoughtProduct, BoughtVillage, OrganisationProgress } from "@/lib/server/orgs/reserved-share";

const percent = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

export function ReservedShare({
  progress,
  bought,
  locale,
  settingsHref,
}: {
  progress: OrganisationProgress;
  bought: { products: BoughtProduct[]; villages: BoughtVillage[] };
  locale: string;
  /** Where the year's figures are recorded (shown when there are none yet), for those who may. */
  settingsHref?: string;
}) {
  const t = useTranslations("org.share");
  const format = useFormatter();
  const named = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  const reached = progress.reachedBp ?? 0;
  const monthLabel = (m: string) => format.dateTime(new Date(`${m}-15T00:00:00+08:00`), { month: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4" data-testid="reserved-share" data-year={progress.year} data-counted={progress.countedFen} data-target={progress.targetFen}>
      {!progress.recorded && (
        <Notice>
          {t("noTarget", { year: progress.year })}
          {settingsHref && (
            <>
              {" "}
              <a href={settingsHref} className="font-medium text-wine-700 underline">
                {t("recordTarget")}
              </a>
            </>
          )}
        </Notice>
      )}
      <StatGrid>
        <StatCard
          label={t("target")}
          value={<Price fen={progress.targetFen} />}
          hint={progress.recorded ? t("targetHint", { budget: formatMoney(format, progress.budgetFen), percent: percent(progress.percentBp) }) : undefined}
        />
        <StatCard label={t("counted")} value={<Price fen={progress.countedFen} />} hint={progress.refundedFen > 0 ? t("countedHint", { refunded: formatMoney(format, progress.refundedFen) }) : undefined} testId="share-counted" />
        <StatCard label={t("remaining")} value={<Price fen={progress.remainingFen} />} testId="share-remaining" />
        <StatCard label={t("reached")} value={progress.reachedBp === null ? "—" : percent(reached)} hint={progress.reached && progress.recorded ? t("reachedYes") : undefined} />
      </StatGrid>
      {progress.reachedBp !== null && (
        <div>
          <div
            role="progressbar"
            aria-label={t("barLabel", { year: progress.year })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(100, Math.floor(reached / 100))}
            aria-valuetext={percent(reached)}
            className="h-3 overflow-hidden rounded-full bg-earth-100"
          >
            <div className={`h-full rounded-full ${progress.reached ? "bg-leaf-600" : "bg-wine-700"}`} style={{ width: `${Math.min(100, reached / 100)}%` }} />
          </div>
        </div>
      )}
      <Section title={t("byMonth")}>
        <DataTable
          label={t("byMonth")}
          minWidth="28rem"
          rows={progress.months}
          rowKey={(m) => m.month}
          columns={[
            { key: "month", header: t("month"), cell: (m) => monthLabel(m.month) },
            { key: "paid", header: t("paid"), numeric: true, cell: (m) => <Price fen={m.paidFen} /> },
            { key: "refunded", header: t("refunded"), numeric: true, cell: (m) => (m.refundedFen ? <Price fen={-m.refundedFen} /> : "—") },
            { key: "cumulative", header: t("cumulative"), numeric: true, cell: (m) => <Price fen={m.cumulativeFen} /> },
          ]}
          footer={[t("total"), <Price key="p" fen={progress.paidFen} />, progress.refundedFen ? <Price key="r" fen={-progress.refundedFen} /> : "—", <Price key="c" fen={progress.countedFen} />]}
        />
      </Section>
      <div className="grid gap-4 md:grid-cols-2">
        <Section title={t("products")}>
          {bought.products.length === 0 ? (
            <p className="text-sm text-earth-600">{t("nothingYet")}</p>
          ) : (
            <ul className="divide-y divide-earth-100 text-sm">
              {bought.products.map((p) => (
                <li key={`${p.productId}-${p.villageId}`} className="flex justify-between gap-3 py-2">
                  <span>
                    {named(p)} <span className="text-earth-600">× {p.units}</span>
                  </span>
                  <Price fen={p.amountFen} />
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("villages")}>
          {bought.villages.length === 0 ? (
            <p className="text-sm text-earth-600">{t("nothingYet")}</p>
          ) : (
            <ul className="divide-y divide-earth-100 text-sm">
              {bought.villages.map((v) => (
                <li key={v.villageId} className="flex justify-between gap-3 py-2">
                  <span>{named(v)}</span>
                  <Price fen={v.amountFen} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </div>
  );
}
