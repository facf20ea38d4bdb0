import { describe, expect, test } from "vitest";
import { barChart } from "@/lib/server/charts/bars";
import { lineChart } from "@/lib/server/charts/line";
import { translator } from "@/lib/i18n/translate";
import { renderCharts, WIDE } from "@/lib/server/dashboard/charts";
import { CHART_KEYS, type ChartTable } from "@/lib/server/dashboard/tables";

const SVG_ELEMENTS = new Set(["svg", "title", "desc", "rect", "path", "text", "g", "style", "defs", "clipPath", "circle", "polyline", "polygon", "line", "tspan", "linearGradient", "stop"]);
const yuan = (v: number) => `¥${(v / 100).toFixed(2)}`;

describe("server-side SVG charts", () => {
  test("a line chart: one SVG with role, aria description, title, and the months and values", () => {
    const svg = lineChart({ title: "按月销售额", description: "2026-10 ¥100.00, 2026-11 ¥250.00", categories: ["2026-10", "2026-11"], values: [10_000, 25_000], format: yuan });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toMatch(/^<svg role="img" aria-label="按月销售额: 2026-10 ¥100.00, 2026-11 ¥250.00"/);
    expect(svg).toContain("<title>按月销售额</title>");
    expect(svg).toContain("<desc>");
    expect(svg).toContain(">2026-10<");
    expect(svg).toContain(">¥250.00<");
    expect(svg).toContain("PingFang SC");
    expect(svg).toContain("#7c1d3a");
    expect(svg.match(/<svg/g)).toHaveLength(1);
    // No hover styles: a static picture (and no <style> leaking rules into the page).
    expect(svg).not.toContain("<style");
  });

  test("bars: names and values drawn, two series with a legend", () => {
    const svg = barChart({
      title: "按村",
      description: "南洪城村 ¥90.00",
      labels: ["南洪城村", "北洪城村"],
      series: [
        { name: "本村产品销售", values: [9_000, 0] },
        { name: "本村农户收益", values: [1_000, 2_000] },
      ],
      format: yuan,
    });
    for (const s of ["南洪城村", "北洪城村", "¥90.00", "¥20.00", "本村产品销售", "本村农户收益"]) expect(svg).toContain(s);
    expect(svg).toContain("#3c7a34");
  });

  test.each([
    ["<script>alert(1)</script>"],
    ['"><script>alert(1)</script>'],
    ["<img src=x onerror=alert(1)>"],
    ["</text><script>alert(1)</script>"],
  ])("a name %s never becomes markup", (name) => {
    const svg = barChart({ title: `t ${name}`, description: `d ${name}`, labels: [name, "b"], series: [{ name, values: [1, 2] }], format: String });
    // Every element is one ECharts draws; the name's "<" only ever appears escaped, as text or in a quoted value.
    const elements = new Set([...svg.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) => m[1]));
    expect([...elements].filter((e) => !SVG_ELEMENTS.has(e ?? ""))).toEqual([]);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain("&lt;");
    // Attributes are well-formed: no quote left open by a name.
    expect((svg.match(/"/g) ?? []).length % 2).toBe(0);
  });

  test("font family does not break the style attribute", () => {
    const svg = lineChart({ title: "t", description: "d", categories: ["a"], values: [1], format: String });
    expect(svg).not.toMatch(/font-family:"/);
  });
});

describe("the dashboard's drawings", () => {
  const t = translator("zh-CN");
  const table = (key: ChartTable["key"], rows: ChartTable["rows"]): ChartTable => ({ key, columns: [{ header: "名称", kind: "text" }, { header: "销售额", kind: "fen" }, { header: "收益", kind: "fen" }], rows });
  const maxWidth = (svg: string | null | undefined) => Number(/max-width:(\d+)px/.exec(svg ?? "")?.[1]);

  test("every chart is drawn for a phone (360 px); only those spanning a desktop page are drawn wide as well", () => {
    const charts = renderCharts(CHART_KEYS.map((key) => table(key, [["2026-11", 12_000, 3_000], ["2026-12", 8_000, 2_000]])), t, yuan, "，");
    for (const c of charts) {
      expect(maxWidth(c.drawings?.narrow), c.key).toBe(360);
      expect(maxWidth(c.drawings?.wide), c.key).toBe(WIDE.has(c.key) ? 640 : NaN);
    }
    expect([...WIDE].sort()).toEqual(["benefit", "month"]);
  });

  test("nothing to draw: no drawing at all", () => {
    expect(renderCharts([table("village", [])], t, yuan, "，")[0]!.drawings).toBeNull();
  });
});
