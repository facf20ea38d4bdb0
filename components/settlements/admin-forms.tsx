import { useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { generateSettlementsAction } from "@/lib/server/actions/admin/settlement-generate";
import { paySettlementAction } from "@/lib/server/actions/admin/settlement-pay";
import { reopenSettlementAction } from "@/lib/server/actions/admin/settlement-reopen";

export function GenerateSettlementsForm({ month }: { month: string }) {
  const t = useTranslations("settlements");
  return (
    <ActionForm action={generateSettlementsAction} submitLabel={t("generate")} className="space-y-2" testId="settlement-generate">
      <input type="hidden" name="month" value={month} />
      <p className="text-sm text-earth-600">{t("generateHint")}</p>
    </ActionForm>
  );
}

/** The transfer's day (defaults to today, Beijing) and the bank's reference. */
export function PaySettlementForm({ settlementId, today }: { settlementId: string; today: string }) {
  const t = useTranslations("settlements");
  return (
    <ActionForm action={paySettlementAction} submitLabel={t("pay.submit")} className="space-y-2" testId="settlement-pay">
      <input type="hidden" name="settlementId" value={settlementId} />
      <Field name="paidOn" type="date" label={t("pay.paidOn")} defaultValue={today} max={today} required />
      <Field name="reference" label={t("pay.reference")} maxLength={80} required autoComplete="off" />
    </ActionForm>
  );
}

export function ReopenSettlementForm({ settlementId }: { settlementId: string }) {
  const t = useTranslations("settlements");
  return (
    <ActionForm action={reopenSettlementAction} submitLabel={t("reopen.submit")} variant="secondary" className="space-y-2" testId="settlement-reopen">
      <input type="hidden" name="settlementId" value={settlementId} />
    </ActionForm>
  );
}
