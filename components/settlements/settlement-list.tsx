import { useLocale, useTranslations } from "next-intl";
import { named } from "@/components/coop/dates";
import { Notice } from "@/components/ui/section";
import type { SettlementRow } from "@/lib/server/settlements/queries";
import { PaySettlementForm, ReopenSettlementForm } from "./admin-forms";
import { SettlementBreakdown, SettlementHistory, SettlementStatusBadge } from "./settlement-breakdown";

/** One card per cooperative: status, breakdown, bank account, and what the admin can do next. */
export function SettlementList({ rows, month, today }: { rows: SettlementRow[]; month: string; today: string }) {
  const t = useTranslations("settlements");
  const locale = useLocale();
  if (rows.length === 0) return <Notice>{t("empty")}</Notice>;
  return (
    <ul className="space-y-3" aria-label={t("listLabel")} data-testid="settlement-list">
      {rows.map((r) => (
        <li key={r.id} className="space-y-2 rounded-2xl bg-earth-50 p-3" data-testid="settlement-row" data-cooperative={r.cooperative.id} data-status={r.status}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 className="font-semibold">{named(r.cooperative, locale)}</h2>
            <SettlementStatusBadge status={r.status} />
          </div>
          <SettlementBreakdown sums={r} />
          {r.stale && (r.status === "OPEN" || r.status === "DISPUTED") && <Notice tone="bad">{t("stale")}</Notice>}
          <SettlementHistory s={r} />
          <p className="text-sm text-earth-700">
            {[r.cooperative.bankAccountName, r.cooperative.bankName, r.cooperative.bankAccountNumber].filter(Boolean).join(" · ") || t("noBank")}
          </p>
          <a href={`/coop/statements/${month}?cooperative=${r.cooperative.id}`} className="text-sm font-medium text-wine-700 underline">
            {t("open")}
          </a>
          {r.status === "CONFIRMED" && <PaySettlementForm settlementId={r.id} today={today} />}
          {r.status === "DISPUTED" && <ReopenSettlementForm settlementId={r.id} />}
        </li>
      ))}
    </ul>
  );
}
