import "server-only";
// Each chart's numbers as a table: the same rows are drawn (charts.ts), shown beside the chart and written as
// CSV (csv.ts), so the three never disagree.
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { Dashboard, Labelled } from "./data";

export const CHART_KEYS = ["month", "village", "category", "benefit", "products", "cooperatives"] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

export type CellKind = "text" | "count" | "fen";

export interface ChartTable {
  key: ChartKey;
  columns: { header: string; kind: CellKind }[];
  /** First cell the row's name, the others numbers (fen for "fen" columns). */
  rows: [string, ...number[]][];
}

const name = (r: Labelled, locale: Locale) => (locale === "en" ? r.labelEn : r.labelZh);

/** The tables of a dashboard; the cooperatives' table only for the county. */
export function chartTables(d: Dashboard, t: Translate, locale: Locale, county: boolean): ChartTable[] {
  const col = (k: Parameters<Translate>[0], kind: CellKind) => ({ header: t(k), kind });
  const groupCols = (first: Parameters<Translate>[0]) => [
    col(first, "text"),
    col("dashboard.cols.sales", "fen"),
    col("dashboard.cols.orders", "count"),
    col("dashboard.cols.units", "count"),
    col("dashboard.cols.benefit", "fen"),
    col("dashboard.cols.households", "count"),
  ];
  const tables: ChartTable[] = [
    {
      key: "month",
      columns: [col("dashboard.cols.month", "text"), col("dashboard.cols.sales", "fen"), col("dashboard.cols.orders", "count"), col("dashboard.cols.benefit", "fen")],
      rows: d.byMonth.map((m) => [m.month, m.salesFen, m.orders, m.benefitFen]),
    },
    { key: "village", columns: groupCols("dashboard.cols.village"), rows: d.byVillage.map((r) => [name(r, locale), r.salesFen, r.orders, r.units, r.benefitFen, r.householdsReached]) },
    { key: "category", columns: groupCols("dashboard.cols.category"), rows: d.byCategory.map((r) => [name(r, locale), r.salesFen, r.orders, r.units, r.benefitFen, r.householdsReached]) },
    {
      key: "benefit",
      columns: [col("dashboard.cols.village", "text"), col("dashboard.cols.produce", "fen"), col("dashboard.cols.residents", "fen"), col("dashboard.cols.residentHouseholds", "count")],
      rows: d.benefitByVillage.map((r) => [name(r, locale), r.produceBenefitFen, r.residentsBenefitFen, r.residentHouseholds]),
    },
    { key: "products", columns: [col("dashboard.cols.product", "text"), col("dashboard.cols.sales", "fen"), col("dashboard.cols.units", "count")], rows: d.topProducts.map((r) => [name(r, locale), r.salesFen, r.units]) },
  ];
  if (county) tables.push({ key: "cooperatives", columns: groupCols("dashboard.cols.cooperative"), rows: d.topCooperatives.map((r) => [name(r, locale), r.salesFen, r.orders, r.units, r.benefitFen, r.householdsReached]) });
  return tables;
}
