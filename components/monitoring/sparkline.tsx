// A 12-month income sparkline drawn on the server as a small SVG (a hand-written path, no chart library), with
// an aria label that says the range, the total and the trend, so it costs the browser nothing and reads aloud.
import { trendOf } from "@/lib/domain/monitoring";
import { yuan } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const W = 120;
const H = 32;
const PAD = 2;

/** The path's points: x evenly spread, y scaled to the largest absolute value (zero at the bottom when all ≥ 0). */
export function sparklinePoints(values: readonly number[]): [number, number][] {
  if (values.length === 0) return [];
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const step = values.length > 1 ? (W - 2 * PAD) / (values.length - 1) : 0;
  return values.map((v, i) => [Number((PAD + i * step).toFixed(1)), Number((H - PAD - ((v - min) / span) * (H - 2 * PAD)).toFixed(1))]);
}

export function Sparkline({ values, t }: { values: readonly number[]; t: Translate }) {
  const points = sparklinePoints(values);
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x} ${y}`).join(" ");
  const last = points[points.length - 1];
  const label = t("monitoring.sparkline", {
    count: values.length,
    first: yuan(values[0] ?? 0),
    last: yuan(values[values.length - 1] ?? 0),
    total: yuan(values.reduce((s, v) => s + v, 0)),
    trend: trendOf(values),
  });
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} width={W} height={H} className="text-wine-700" data-testid="sparkline">
      <title>{label}</title>
      <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="currentColor" strokeOpacity={0.15} />
      {d && <path d={d} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />}
      {last && <circle cx={last[0]} cy={last[1]} r={2} fill="currentColor" />}
    </svg>
  );
}
