import "server-only";
import { FONT_FAMILY, PALETTE, renderSvg } from "./render";

export interface BarSeries {
  name: string;
  values: number[];
}

export interface BarChartInput {
  title: string;
  description: string;
  /** One bar (or group of bars) per label, top to bottom. */
  labels: string[];
  /** One series, or two side by side (with a legend). */
  series: BarSeries[];
  format: (value: number) => string;
  width?: number;
  /** Room for the names on the left (longer ones are cut with an ellipsis). */
  labelWidth?: number;
}

/** Horizontal bars (names are long Chinese village and product names), each bar labelled with its value. */
export function barChart({ title, description, labels, series, format, width = 640, labelWidth = 140 }: BarChartInput): string {
  const rowHeight = 18 + 14 * series.length;
  const legend = series.length > 1;
  const height = Math.max(120, labels.length * rowHeight + (legend ? 64 : 40));
  return renderSvg(
    {
      legend: legend ? { top: 0, left: 0, textStyle: { fontFamily: FONT_FAMILY, color: PALETTE.ink } } : undefined,
      grid: { left: 8, right: 72, top: legend ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { show: false }, splitLine: { lineStyle: { color: PALETTE.earthLight } } },
      // Largest first at the top: ECharts draws the first category at the bottom.
      yAxis: { type: "category", data: [...labels].reverse(), axisLabel: { color: PALETTE.ink, fontFamily: FONT_FAMILY, width: labelWidth, overflow: "truncate" } },
      series: series.map((s, i) => ({
        type: "bar" as const,
        name: s.name,
        data: [...s.values].reverse(),
        barMaxWidth: 16,
        itemStyle: { color: i === 0 ? PALETTE.wine : PALETTE.leaf },
        label: { show: true, position: "right" as const, fontFamily: FONT_FAMILY, color: PALETTE.ink, formatter: (p: { value?: unknown }) => format(Number(p.value ?? 0)) },
      })),
    },
    { width, height, title, description },
  );
}
