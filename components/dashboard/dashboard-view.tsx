import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { Section } from "@/components/ui/section";
import { percentChange } from "@/lib/domain/period";
import { formatMoney } from "@/lib/i18n/format";
import { getFormat, getLocale, getT } from "@/lib/server/i18n";
import { renderCharts, WIDE } from "@/lib/server/dashboard/charts";
import type { Dashboard, Figures } from "@/lib/server/dashboard/data";
import { chartTables, type ChartTable } from "@/lib/server/dashboard/tables";

const STATS: { key: keyof Figures; label: "sales" | "orders" | "buyers" | "units" | "benefit" | "households" | "villages" | "average"; money: boolean }[] = [
  { key: "salesFen", label: "sales", money: true },
  { key: "orders", label: "orders", money: false },
  { key: "buyers", label: "buyers", money: false },
  { key: "units", label: "units", money: false },
  { key: "benefitFen", label: "benefit", money: true },
  { key: "householdsReached", label: "households", money: false },
  { key: "villagesReached", label: "villages", money: false },
  { key: "averageBenefitFen", label: "average", money: true },
];

/**
 * Stat cards against the period before, then each chart (server-drawn SVG) with its numbers in a table and,
 * for admins, a CSV link. `csvQuery` is the query string of the period (null: no CSV links).
 */
export async function DashboardView({ data, county, csvQuery }: { data: Dashboard; county: boolean; csvQuery: string | null }) {
  const [t, format, locale] = await Promise.all([getT(), getFormat(), getLocale()]);
  const money = (fen: number) => formatMoney(format, fen);
  const value = (fen: number, isMoney: boolean) => (isMoney ? money(fen) : format.number(fen));
  const charts = renderCharts(chartTables(data, t, locale, county), t, money, locale === "en" ? ", " : "，");
  return (
    <div className="space-y-4">
      <p className="text-sm text-earth-600" data-testid="period-range">
        {t("dashboard.period.range", { from: data.period.from, to: data.period.to, prevFrom: data.previous.from, prevTo: data.previous.to })}
      </p>
      <StatGrid>
        {STATS.map((s) => {
          const now = data.current[s.key];
          const before = data.before[s.key];
          const change = percentChange(now, before);
          const text =
            change.kind === "percent"
              ? t(change.percent > 0 ? "dashboard.change.up" : "dashboard.change.down", { percent: format.number(Math.abs(change.percent)) })
              : t(change.kind === "new" ? "dashboard.change.new" : "dashboard.change.same");
          return (
            <StatCard
              key={s.key}
              testId={`stat-${s.label}`}
              label={t(`dashboard.stats.${s.label}`)}
              value={value(now, s.money)}
              hint={
                <>
                  <span className={change.kind === "percent" ? (change.percent > 0 ? "text-leaf-700" : "text-wine-700") : undefined}>{text}</span>
                  <span className="block">{t("dashboard.change.before", { value: value(before, s.money) })}</span>
                </>
              }
            />
          );
        })}
      </StatGrid>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((c) => (
          <Section
            key={c.key}
            title={c.title}
            testId={`chart-${c.key}`}
            className={WIDE.has(c.key) ? "lg:col-span-2" : undefined}
            action={
              csvQuery !== null ? (
                <a href={`/admin/dashboard.csv?chart=${c.key}&${csvQuery}`} className="text-sm font-medium text-wine-700 underline" download>
                  {t("dashboard.charts.csv")}
                </a>
              ) : undefined
            }
          >
            {c.key === "village" && <p className="mb-2 text-xs text-earth-600">{t("dashboard.charts.villageNote")}</p>}
            {c.key === "benefit" && <p className="mb-2 text-xs text-earth-600">{t("dashboard.charts.benefitNote")}</p>}
            {c.drawings ? (
              // Drawn on the server by ECharts from our numbers and names; ECharts escapes the text it writes
              // (tests/unit/charts.test.ts tries names with markup in them). A chart drawn both ways shows the narrow
              // drawing while its card is narrow (a phone) and the wide one beyond: the one not shown is
              // display:none, out of the accessibility tree too.
              <div className="@container">
                <figure className={c.drawings.wide ? "overflow-hidden @lg:hidden" : "overflow-hidden"} dangerouslySetInnerHTML={{ __html: c.drawings.narrow }} />
                {c.drawings.wide && <figure className="hidden overflow-hidden @lg:block" dangerouslySetInnerHTML={{ __html: c.drawings.wide }} />}
              </div>
            ) : (
              <p className="text-sm text-earth-600">{t("dashboard.charts.empty")}</p>
            )}
            {c.table.rows.length > 0 && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-earth-600">{t("dashboard.charts.table")}</summary>
                <NumbersTable table={c.table} caption={c.title} money={money} count={(n) => format.number(n)} />
              </details>
            )}
          </Section>
        ))}
      </div>
    </div>
  );
}

function NumbersTable({ table, caption, money, count }: { table: ChartTable; caption: string; money: (fen: number) => string; count: (n: number) => string }) {
  return (
    <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-earth-100">
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={`p-2 ${c.kind === "text" ? "text-left" : "text-right"}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-t border-earth-100">
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="p-2 text-left font-medium">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className="p-2 text-right tabular-nums">
                    {table.columns[i]?.kind === "fen" ? money(Number(cell)) : count(Number(cell))}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
