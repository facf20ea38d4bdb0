"use client";
// The pending transfers' forms share one action state, so the answer outlives the row it came from: a
// confirmed order leaves the list at once (the page revalidates), and its success message stays above the list.
// A refusal (wrong amount, no longer pending) shows on its own row, next to the amount typed.
import { useTranslations } from "next-intl";
import { createContext, useActionState, useContext } from "react";
import { ActionForm, Field } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/action-state";
import { confirmTransferAction } from "@/lib/server/actions/admin/confirm-transfer";

type Shared = readonly [ActionState | undefined, (formData: FormData) => void, boolean];

const SharedState = createContext<Shared | null>(null);

export function TransferConfirmations({ children }: { children: React.ReactNode }) {
  const shared = useActionState<ActionState | undefined, FormData>(confirmTransferAction, undefined);
  const [state] = shared;
  // A refusal that names no order (e.g. the session ended) has no row to show on.
  const stray = state && !state.ok && !state.values?.orderId;
  return (
    <SharedState.Provider value={shared}>
      <div role="status" aria-live="polite" data-testid="transfer-status">
        {state?.ok && <p className="rounded-xl bg-leaf-50 px-4 py-3 text-sm font-medium text-leaf-700">{state.message}</p>}
      </div>
      {stray && (
        <p role="alert" className="rounded-xl bg-wine-50 px-4 py-3 text-sm text-wine-700">
          {state.message}
        </p>
      )}
      {children}
    </SharedState.Provider>
  );
}

/** The amount received and the confirm button for one pending order (inside TransferConfirmations). */
export function ConfirmTransferForm({ orderId }: { orderId: string }) {
  const t = useTranslations("admin");
  const shared = useContext(SharedState);
  if (!shared) throw new Error("ConfirmTransferForm is used inside TransferConfirmations");
  const [state, formAction, pending] = shared;
  const mine = state && !state.ok && state.values?.orderId === orderId ? state : undefined;
  return (
    <ActionForm action={confirmTransferAction} bound={[mine, formAction, pending]} submitLabel={t("confirm")} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <Field name="amount" label={t("amountReceived")} inputMode="decimal" />
    </ActionForm>
  );
}
