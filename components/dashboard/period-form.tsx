import { PERIOD_KINDS, type PeriodKind } from "@/lib/domain/period";
import { getT } from "@/lib/server/i18n";

const input = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

/** The dashboard's period as a plain GET form: the URL is the dashboard's address, no JavaScript needed. */
export async function PeriodForm({ kind, from, to, hidden = {} }: { kind: PeriodKind; from: string; to: string; hidden?: Record<string, string> }) {
  const t = await getT();
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 rounded-2xl bg-white p-4 shadow-sm sm:grid-cols-4" data-testid="period-form">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="col-span-2 text-sm font-medium sm:col-span-1">
        {t("dashboard.period.legend")}
        <select name="period" defaultValue={kind} className={input}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dashboard.period.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("dashboard.period.from")}
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("dashboard.period.to")}
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
      <button type="submit" className="col-span-2 rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 sm:col-span-1">
        {t("dashboard.period.show")}
      </button>
    </form>
  );
}
