"use client";
// A form bound to a server action built with lib/server/actions/chain.ts: shows the translated message and
// each field's error next to it, keeps what was typed after a failed submission, and disables the button while
// the action runs. Works without JavaScript too (the action is a plain form POST).
import { createContext, useActionState, useContext, useEffect, useId } from "react";
import { HEADER_STALE_EVENT } from "@/lib/header-state";
import type { ActionState, FormAction } from "@/lib/action-state";

type Action = FormAction;

const StateContext = createContext<ActionState | undefined>(undefined);

export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  variant = "primary",
  testId,
  bound,
}: {
  action: Action;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
  /**
   * One useActionState shared by several forms (a list of rows, each with its form), so a result outlives the
   * row it came from: [this form's share of the state, the shared form action, pending].
   */
  bound?: readonly [ActionState | undefined, (formData: FormData) => void, boolean];
}) {
  const own = useActionState<ActionState | undefined, FormData>(action, undefined);
  const [state, formAction, pending] = bound ?? own;
  // An action that went through may have changed what the storefront's header shows (the cart, the session).
  useEffect(() => {
    if (state?.ok) window.dispatchEvent(new Event(HEADER_STALE_EVENT));
  }, [state]);
  const button = {
    primary: "bg-wine-700 text-white hover:bg-wine-800",
    secondary: "border border-earth-600/40 bg-white hover:bg-earth-100",
    danger: "border border-wine-700 text-wine-700 hover:bg-wine-50",
  }[variant];
  return (
    <form action={formAction} noValidate className={className ?? "space-y-4"} data-testid={testId}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-leaf-50 text-leaf-700" : "bg-wine-50 text-wine-700"}`}>
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} aria-busy={pending} className={`rounded-lg px-5 py-2.5 font-medium disabled:opacity-60 ${button}`}>
        {submitLabel}
      </button>
    </form>
  );
}

const inputClass = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base aria-[invalid=true]:border-wine-700";

function useField(name: string) {
  const state = useContext(StateContext);
  const id = useId();
  return { id, error: state?.fieldErrors?.[name], value: state?.values?.[name] };
}

/** Label above, the control, then its error (or hint) below, tied together for screen readers. */
function FieldShell({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {(error || hint) && (
        <p id={`${id}-msg`} className={`mt-1 text-sm ${error ? "text-wine-700" : "text-earth-600"}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

export function Field({
  name,
  label,
  hint,
  defaultValue,
  ...input
}: { name: string; label: string; hint?: string; defaultValue?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  const { id, error, value } = useField(name);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        name={name}
        // A new key after each failed submission puts back what was typed (forms reset after an action).
        key={value ?? defaultValue}
        defaultValue={value ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        className={inputClass}
        {...input}
      />
    </FieldShell>
  );
}

/**
 * A radio button or checkbox that comes back as it was sent after a failed submission (a form resets after its
 * action), so that fields it opens stay open next to their errors.
 */
export function Choice({
  type,
  name,
  value = "on",
  defaultChecked,
  ...input
}: { type: "radio" | "checkbox"; name: string; value?: string; defaultChecked?: boolean } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "value" | "defaultChecked">) {
  const sent = useContext(StateContext)?.values;
  const checked = sent ? sent[name] === value : defaultChecked;
  return <input key={String(checked)} type={type} name={name} value={value} defaultChecked={checked} {...input} />;
}

export function SelectField({
  name,
  label,
  options,
  placeholder,
  defaultValue,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  placeholder: string;
  defaultValue?: string;
}) {
  const { id, error, value } = useField(name);
  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        name={name}
        key={value ?? defaultValue}
        defaultValue={value ?? defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-msg` : undefined}
        className={inputClass}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A multi-line field: label above, its error (or hint) below, what was typed kept after a refused submission. */
export function TextAreaField({ name, label, hint, rows = 3, maxLength, required }: { name: string; label: string; hint?: string; rows?: number; maxLength?: number; required?: boolean }) {
  const { id, error, value } = useField(name);
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        key={value}
        defaultValue={value}
        rows={rows}
        maxLength={maxLength}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-msg` : undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}
