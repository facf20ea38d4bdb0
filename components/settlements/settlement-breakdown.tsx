import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import type { SettlementStatus, StatementSums } from "@/lib/domain/settlement";

const TONE: Record<SettlementStatus, string> = {
  OPEN: "bg-earth-100 text-earth-800",
  CONFIRMED: "bg-leaf-50 text-leaf-700",
  DISPUTED: "bg-wine-50 text-wine-700",
  PAID: "bg-leaf-700 text-white",
};

export function SettlementStatusBadge({ status }: { status: SettlementStatus | null }) {
  const t = useTranslations("settlements");
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${status ? TONE[status] : "bg-earth-100 text-earth-600"}`} data-testid="settlement-status" data-status={status ?? "NONE"}>
      {status ? t(`status.${status}`) : t("statusNone")}
    </span>
  );
}

/** Sales − refunds of the month's sales + adjustments (refunds of earlier months' sales) = the amount owed. */
export function SettlementBreakdown({ sums }: { sums: StatementSums }) {
  const t = useTranslations("settlements");
  const row = "flex items-baseline justify-between gap-4 py-1";
  return (
    <dl className="rounded-2xl bg-white p-4 text-sm shadow-sm" aria-label={t("breakdown.label")} data-testid="settlement-breakdown">
      <div className={row}>
        <dt>{t("breakdown.sales")}</dt>
        <dd className="tabular-nums">
          <Price fen={sums.salesFen} />
        </dd>
      </div>
      <div className={row}>
        <dt>{t("breakdown.refunds")}</dt>
        <dd className="tabular-nums text-wine-700">
          − <Price fen={sums.refundsFen} />
        </dd>
      </div>
      <div className={row}>
        <dt>{t("breakdown.adjustments")}</dt>
        <dd className="tabular-nums text-wine-700" data-testid="settlement-adjustments">
          <Price fen={sums.adjustmentsFen} />
        </dd>
      </div>
      <div className={`${row} border-t border-earth-200 pt-2 font-semibold`}>
        <dt>{t("breakdown.amount")}</dt>
        <dd className="tabular-nums" data-testid="settlement-amount">
          <Price fen={sums.amountFen} />
        </dd>
      </div>
    </dl>
  );
}

/** The dispute note and the transfer, when there are. */
export function SettlementHistory({ s }: { s: { disputeNote: string | null; paidOn: string | null; reference: string | null } }) {
  const t = useTranslations("settlements");
  const format = useFormatter();
  return (
    <>
      {s.disputeNote && <p className="text-sm text-wine-700">{t("disputeNote", { note: s.disputeNote })}</p>}
      {s.paidOn && s.reference && (
        <p className="text-sm text-leaf-700">{t("paidLine", { date: format.dateTime(new Date(`${s.paidOn}T00:00:00+08:00`), "dayShort"), reference: s.reference })}</p>
      )}
    </>
  );
}
