import Link from "next/link";
import { useTranslations } from "next-intl";
import { QUEUE_STATES, type QueueState } from "@/lib/domain/fulfilment";

const input = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

/** The queue's state and payment-date filters, as a plain GET form (the URL is the list's address). */
export function FulfilmentFilter({ cooperativeId, state, from, to }: { cooperativeId: string; state: QueueState | null; from: string; to: string }) {
  const t = useTranslations("fulfilment");
  return (
    <form method="get" aria-label={t("filter.label")} className="grid grid-cols-2 items-end gap-3 rounded-2xl bg-white p-4 shadow-sm sm:grid-cols-5" data-testid="fulfilment-filter">
      <input type="hidden" name="c" value={cooperativeId} />
      <label className="col-span-2 text-sm font-medium sm:col-span-1">
        {t("filter.state")}
        <select name="state" defaultValue={state ?? ""} className={input}>
          <option value="">{t("states.all")}</option>
          {QUEUE_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        {t("filter.from")}
        <input type="date" name="from" defaultValue={from} className={input} />
      </label>
      <label className="text-sm font-medium">
        {t("filter.to")}
        <input type="date" name="to" defaultValue={to} className={input} />
      </label>
      <button type="submit" className="rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800">
        {t("filter.apply")}
      </button>
      <Link href={`/coop/orders?c=${cooperativeId}`} prefetch={false} className="py-2.5 text-center text-sm text-wine-700 underline">
        {t("filter.reset")}
      </Link>
    </form>
  );
}
