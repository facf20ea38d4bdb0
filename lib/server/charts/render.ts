import "server-only";
// Charts drawn on the server: Apache ECharts' SSR renderer writes an SVG string, so a chart costs the browser no
// JavaScript and prints as it looks. ECharts escapes the text it draws (names from our database), and the root
// gets role="img", an aria-label and a <title>/<desc> from us (ECharts' own aria adds nothing to an SSR string).
import * as echarts from "echarts";
import type { EChartsOption } from "echarts";

/** The site's palette (app/globals.css). */
export const PALETTE = {
  wine: "#7c1d3a",
  wineLight: "#9b2949",
  leaf: "#3c7a34",
  earth: "#6b5d48",
  earthLight: "#f1ece2",
  ink: "#2b241b",
} as const;

/**
 * The page's font stack (app/globals.css --font-sans), in single quotes: ECharts writes it inside a double-quoted
 * style attribute, where a double quote would end the attribute.
 */
export const FONT_FAMILY = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

export interface ChartFrame {
  width: number;
  height: number;
  /** The chart's name and its content in words: read by screen readers instead of the drawing. */
  title: string;
  description: string;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** Renders an option to an SVG string that scales to its container's width. */
export function renderSvg(option: EChartsOption, { width, height, title, description }: ChartFrame): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      aria: { enabled: true, description },
      color: [PALETTE.wine, PALETTE.leaf, PALETTE.earth, PALETTE.wineLight],
      textStyle: { fontFamily: FONT_FAMILY, color: PALETTE.ink },
      ...option,
    });
    // The only <style> ECharts writes holds :hover rules for its interactive charts: a static picture has none.
    const svg = chart.renderToSVGString().replace(/<style[^>]*>[\s\S]*?<\/style>/g, "");
    const label = escapeXml(`${title}: ${description}`);
    return svg.replace(
      /^<svg width="\d+(?:\.\d+)?" height="\d+(?:\.\d+)?"/,
      `<svg role="img" aria-label="${label}" style="width:100%;height:auto;max-width:${width}px" preserveAspectRatio="xMinYMin meet"`,
    ).replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(title)}</title><desc>${escapeXml(description)}</desc>`);
  } finally {
    chart.dispose();
  }
}
