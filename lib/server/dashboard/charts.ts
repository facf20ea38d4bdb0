import "server-only";
// The dashboard's charts as SVG strings (lib/server/charts), titled and described in the reader's language.
import type { Translate } from "@/lib/i18n/translate";
import { barChart } from "@/lib/server/charts/bars";
import { lineChart } from "@/lib/server/charts/line";
import type { ChartKey, ChartTable } from "./tables";

export interface RenderedChart {
  key: ChartKey;
  title: string;
  /**
   * Null when the period has nothing to draw. `narrow` is drawn for a phone's card or a half-width column, where a
   * wide drawing would be scaled to half its size and its text with it; `wide` only for the charts that span the
   * page on a desktop (ECharts takes ~10 ms a drawing, so no chart is drawn twice without a use for both).
   */
  drawings: { narrow: string; wide: string | null } | null;
  table: ChartTable;
}

const TITLE: Record<ChartKey, Parameters<Translate>[0]> = {
  month: "dashboard.charts.month",
  village: "dashboard.charts.village",
  category: "dashboard.charts.category",
  benefit: "dashboard.charts.benefit",
  products: "dashboard.charts.products",
  cooperatives: "dashboard.charts.cooperatives",
};

/** The narrow drawing's width in CSS pixels: a phone's card (~330 px) shows it at nearly its own size. */
const NARROW = 360;
/** The charts that take the page's whole width on a desktop (components/dashboard/dashboard-view.tsx). */
export const WIDE: ReadonlySet<ChartKey> = new Set(["month", "benefit"]);

/** Bars drawn at most: the rest stay in the table and the CSV. */
const MAX_BARS = 15;
const DESCRIBED = 12;

/** "南洪城村 ¥1,200.00，北洪城村 ¥300.00，等共 20 项": what a screen reader reads for the chart. */
function describe(t: Translate, labels: string[], values: number[], money: (fen: number) => string, separator: string): string {
  if (labels.length === 0) return t("dashboard.charts.none");
  const items = labels.slice(0, DESCRIBED).map((name, i) => t("dashboard.charts.item", { name, value: money(values[i] ?? 0) }));
  if (labels.length > DESCRIBED) items.push(t("dashboard.charts.more", { count: labels.length }));
  return items.join(separator);
}

/** One chart per table: the line for months, horizontal bars for the rest (the first money column). */
export function renderCharts(tables: ChartTable[], t: Translate, money: (fen: number) => string, separator: string): RenderedChart[] {
  return tables.map((table) => {
    const title = t(TITLE[table.key]);
    const rows = table.key === "month" ? table.rows : table.rows.slice(0, MAX_BARS);
    const labels = rows.map((r) => r[0]);
    const first = rows.map((r) => r[1] ?? 0);
    const empty = table.key === "month" ? first.every((v) => v === 0) : rows.length === 0;
    if (empty) return { key: table.key, title, drawings: null, table };
    if (table.key === "month") {
      const line = { title, description: describe(t, labels, first, money, separator), categories: labels, values: first, format: money };
      return { key: table.key, title, table, drawings: { narrow: lineChart({ ...line, width: NARROW, height: 240 }), wide: lineChart(line) } };
    }
    const series = [{ name: table.columns[1]?.header ?? "", values: first }];
    // Benefit by village: both meanings side by side, in one chart with a legend.
    if (table.key === "benefit") series.push({ name: table.columns[2]?.header ?? "", values: rows.map((r) => r[2] ?? 0) });
    const description =
      table.key === "benefit"
        ? `${series[0]?.name}: ${describe(t, labels, first, money, separator)}${separator}${series[1]?.name}: ${describe(t, labels, series[1]?.values ?? [], money, separator)}`
        : describe(t, labels, first, money, separator);
    const bars = { title, description, labels, series, format: money };
    const narrow = barChart({ ...bars, width: NARROW, labelWidth: 96 });
    return { key: table.key, title, table, drawings: { narrow, wide: WIDE.has(table.key) ? barChart(bars) : null } };
  });
}
