import "server-only";
import { FONT_FAMILY, PALETTE, renderSvg } from "./render";

export interface LineChartInput {
  title: string;
  description: string;
  /** The x axis, e.g. months YYYY-MM. */
  categories: string[];
  values: number[];
  /** How a value is written on the chart (e.g. yuan). */
  format: (value: number) => string;
  width?: number;
  height?: number;
}

/** One line over categories (sales by month), each point labelled with its value. */
export function lineChart({ title, description, categories, values, format, width = 640, height = 280 }: LineChartInput): string {
  return renderSvg(
    {
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: categories, axisLabel: { color: PALETTE.earth, fontFamily: FONT_FAMILY } },
      yAxis: { type: "value", axisLabel: { color: PALETTE.earth, fontFamily: FONT_FAMILY, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: PALETTE.earthLight } } },
      series: [
        {
          type: "line",
          data: values,
          lineStyle: { color: PALETTE.wine, width: 2 },
          itemStyle: { color: PALETTE.wine },
          // A value over each point while they have room (~53 px each: 12 on the wide drawing, 6 on a phone's).
          label: { show: values.length <= Math.floor(width / 53), position: "top", fontFamily: FONT_FAMILY, color: PALETTE.ink, formatter: (p: { value?: unknown }) => format(Number(p.value ?? 0)) },
        },
      ],
    },
    { width, height, title, description },
  );
}
