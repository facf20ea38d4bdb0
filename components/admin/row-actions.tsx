"use client";
// Forms on the rows of an admin's list (a pending transfer's confirmation, a refund request's approve and reject)
// that share one action state, so the answer outlives the row it came from: a row the action settles leaves the
// list at once (the page revalidates), and its success message stays above the list, in a status region. A
// refusal shows on the row its `values` name (the action puts the row's id there under `rowField`); one that
// names no row (e.g. the session ended) shows above the list.
import { createContext, useActionState, useContext } from "react";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState, FormAction } from "@/lib/action-state";

interface Shared {
  action: FormAction;
  rowField: string;
  state: ActionState | undefined;
  formAction: (formData: FormData) => void;
  pending: boolean;
}

const SharedState = createContext<Shared | null>(null);

export function RowActions({ action, rowField, testId, children }: { action: FormAction; rowField: string; testId: string; children: React.ReactNode }) {
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(action, undefined);
  const stray = state && !state.ok && !state.values?.[rowField];
  return (
    <SharedState.Provider value={{ action, rowField, state, formAction, pending }}>
      <div role="status" aria-live="polite" data-testid={testId}>
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

/** The shared state, and the refusal that names this row (if the last answer is one). */
function useRow(rowId: string) {
  const shared = useContext(SharedState);
  if (!shared) throw new Error("a row's action form is used inside RowActions");
  const { state, rowField } = shared;
  const refusal = state && !state.ok && state.values?.[rowField] === rowId ? state : undefined;
  return { shared, refusal };
}

/**
 * One of a row's forms (inside RowActions). A refusal naming the row shows in the form, with its field errors,
 * unless `quiet`: a row with several forms shows it once, in its RowActionError.
 */
export function RowActionForm({
  rowId,
  quiet = false,
  ...form
}: { rowId: string; quiet?: boolean } & Omit<React.ComponentProps<typeof ActionForm>, "action" | "bound">) {
  const { shared, refusal } = useRow(rowId);
  return <ActionForm {...form} action={shared.action} bound={[quiet ? undefined : refusal, shared.formAction, shared.pending]} />;
}

/** The refusal that names this row, for a row whose forms are quiet. */
export function RowActionError({ rowId }: { rowId: string }) {
  const { refusal } = useRow(rowId);
  if (!refusal?.message) return null;
  return (
    <p role="alert" className="rounded-lg bg-wine-50 px-3 py-2 text-sm text-wine-700">
      {refusal.message}
    </p>
  );
}
