import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { confirmSettlementAction } from "@/lib/server/actions/coop/settlement-confirm";
import { disputeSettlementAction } from "@/lib/server/actions/coop/settlement-dispute";
import type { SettlementStatus } from "@/lib/domain/settlement";

/** The manager's answer to an OPEN (or DISPUTED) statement: confirm it, or dispute it with a note. */
export function StatementSettlementForms({ cooperativeId, settlementId, status }: { cooperativeId: string; settlementId: string; status: SettlementStatus }) {
  const t = useTranslations("settlements");
  if (status !== "OPEN" && status !== "DISPUTED") return null;
  return (
    <div className="grid gap-3 sm:grid-cols-2 print:hidden">
      <section className="rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="settlement-confirm-title">
        <h2 id="settlement-confirm-title" className="font-semibold">
          {t("confirm.title")}
        </h2>
        <p className="mb-2 text-sm text-earth-600">{t("confirm.hint")}</p>
        <ActionForm action={confirmSettlementAction} submitLabel={t("confirm.submit")} className="space-y-2" testId="settlement-confirm">
          <input type="hidden" name="cooperativeId" value={cooperativeId} />
          <input type="hidden" name="settlementId" value={settlementId} />
        </ActionForm>
      </section>
      {status === "OPEN" && (
        <section className="rounded-2xl bg-white p-4 shadow-sm" aria-labelledby="settlement-dispute-title">
          <h2 id="settlement-dispute-title" className="font-semibold">
            {t("dispute.title")}
          </h2>
          <ActionForm action={disputeSettlementAction} submitLabel={t("dispute.submit")} variant="danger" className="space-y-2" testId="settlement-dispute">
            <input type="hidden" name="cooperativeId" value={cooperativeId} />
            <input type="hidden" name="settlementId" value={settlementId} />
            <label htmlFor="settlement-dispute-note" className="block text-sm font-medium">
              {t("dispute.note")}
            </label>
            <textarea id="settlement-dispute-note" name="note" rows={3} maxLength={1000} required className="block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base" />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
