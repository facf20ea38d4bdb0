"use client";
// Two actions on the rows of a list (approve / reject in the review queue, revoke / feature among the certified
// products), each with one action state shared by all rows — as row-actions.tsx does for one action — so a row
// that the decision removes from the list (the page revalidates) leaves its success message above the list. A
// refusal shows on the row (and its fields) that its `values.productId` names.
import { createContext, useActionState, useContext, useId, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import type { ActionState, FormAction } from "@/lib/action-state";

type Which = 0 | 1;
type Bound = readonly [ActionState | undefined, (formData: FormData) => void, boolean];

interface Shared {
  actions: readonly [FormAction, FormAction];
  bound: [Bound, Bound];
  last: ActionState | undefined;
}

const Ctx = createContext<Shared | null>(null);
/** The refusal naming the row of the form around (for fields the shared ActionForm does not draw). */
const RowRefusal = createContext<ActionState | undefined>(undefined);

export function CertificationActions({ actions, testId, children }: { actions: readonly [FormAction, FormAction]; testId: string; children: React.ReactNode }) {
  const [lastWhich, setLastWhich] = useState<Which>(0);
  const a = useActionState<ActionState | undefined, FormData>(actions[0], undefined);
  const b = useActionState<ActionState | undefined, FormData>(actions[1], undefined);
  const pending = a[2] || b[2];
  const bound: [Bound, Bound] = [
    [
      a[0],
      (fd) => {
        setLastWhich(0);
        a[1](fd);
      },
      pending,
    ],
    [
      b[0],
      (fd) => {
        setLastWhich(1);
        b[1](fd);
      },
      pending,
    ],
  ];
  const last = lastWhich === 0 ? a[0] : b[0];
  const stray = last && !last.ok && !last.values?.productId;
  return (
    <Ctx.Provider value={{ actions, bound, last }}>
      <div role="status" aria-live="polite" data-testid={testId}>
        {last?.ok && <p className="rounded-xl bg-leaf-50 px-4 py-3 text-sm font-medium text-leaf-700">{last.message}</p>}
      </div>
      {stray && (
        <p role="alert" className="rounded-xl bg-wine-50 px-4 py-3 text-sm text-wine-700">
          {last.message}
        </p>
      )}
      {children}
    </Ctx.Provider>
  );
}

/** One row's form for action 0 or 1: shows that action's refusal when it names this row, with its field errors. */
export function CertificationForm({
  which,
  productId,
  ...form
}: { which: Which; productId: string } & Omit<React.ComponentProps<typeof ActionForm>, "action" | "bound">) {
  const shared = useContext(Ctx);
  if (!shared) throw new Error("CertificationForm is used inside CertificationActions");
  const [state, formAction, pending] = shared.bound[which];
  // Only the answer to the form last sent, so an older refusal does not linger next to a newer success.
  const mine = state && state === shared.last && !state.ok && state.values?.productId === productId ? state : undefined;
  return (
    <ActionForm {...form} action={shared.actions[which]} bound={[mine, formAction, pending]}>
      <input type="hidden" name="productId" value={productId} />
      <RowRefusal.Provider value={mine}>{form.children}</RowRefusal.Provider>
    </ActionForm>
  );
}

/** A multi-line reason with its label and error, kept after a refusal (the manager will read it). */
export function ReasonField({ label, name = "reason", maxLength = 500 }: { label: string; name?: string; maxLength?: number }) {
  const refusal = useContext(RowRefusal);
  const id = useId();
  const error = refusal?.fieldErrors?.[name];
  const value = refusal?.values?.[name];
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        key={value ?? ""}
        defaultValue={value ?? ""}
        rows={3}
        maxLength={maxLength}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        className="mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base aria-[invalid=true]:border-wine-700"
      />
      {error && (
        <p id={`${id}-msg`} className="mt-1 text-sm text-wine-700">
          {error}
        </p>
      )}
    </div>
  );
}
