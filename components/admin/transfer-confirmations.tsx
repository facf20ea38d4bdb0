"use client";
// The pending transfers' forms share one action state (components/admin/row-actions.tsx, as the refund requests'
// do), so the answer outlives the row it came from: a confirmed order leaves the list at once (the page
// revalidates), and its success message stays above the list. A refusal (wrong amount, no longer pending) shows on
// its own row, next to the amount typed.
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/action-form";
import { confirmTransferAction } from "@/lib/server/actions/admin/confirm-transfer";
import { RowActionForm, RowActions } from "./row-actions";

export function TransferConfirmations({ children }: { children: React.ReactNode }) {
  return (
    <RowActions action={confirmTransferAction} rowField="orderId" testId="transfer-status">
      {children}
    </RowActions>
  );
}

/** The amount received and the confirm button for one pending order (inside TransferConfirmations). */
export function ConfirmTransferForm({ orderId }: { orderId: string }) {
  const t = useTranslations("admin");
  return (
    <RowActionForm rowId={orderId} submitLabel={t("confirm")} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <Field name="amount" label={t("amountReceived")} inputMode="decimal" />
    </RowActionForm>
  );
}
