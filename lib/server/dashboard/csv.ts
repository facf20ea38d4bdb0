import "server-only";
import { toCsv, type CsvCell } from "@/lib/server/reports-csv";
import type { ChartTable } from "./tables";

/** A chart's table as CSV: header, rows, money in yuan with two decimals. */
export function chartCsv(table: ChartTable): string {
  return toCsv([
    table.columns.map((c) => c.header),
    ...table.rows.map((row): CsvCell[] => row.map((cell, i) => (table.columns[i]?.kind === "fen" && typeof cell === "number" ? { yuan: cell } : cell))),
  ]);
}

/** dashboard-village-2026-11-01-2026-11-30.csv */
export const chartCsvFileName = (chart: string, from: string, to: string) => `dashboard-${chart.replace(/[^a-z]/g, "")}-${from}-${to}.csv`;
