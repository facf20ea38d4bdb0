"use client";
// The product editor's form (details of a product; a new one when there is no productId). Labels come from the
// server component around it (./product-editor.tsx), so no message namespace is shipped to the browser. After
// a refused save every field shows what was sent and its translated error; without JavaScript it still posts.
import { createContext, useActionState, useContext, useId } from "react";
import type { ActionState } from "@/lib/action-state";
import { saveProductAction } from "@/lib/server/actions/coop/save-product";

export interface EditorField {
  label: string;
  hint?: string;
}

export interface ProductEditorFormProps {
  cooperativeId: string;
  productId?: string;
  /** Details cannot change now (in review, archived): the fields are shown disabled, with no button. */
  locked: boolean;
  lockedNotice: string;
  submitLabel: string;
  placeholder: string;
  fields: Record<"nameZh" | "nameEn" | "descriptionZh" | "descriptionEn" | "unitZh" | "unitEn" | "specZh" | "specEn" | "categoryId" | "originVillageId" | "price", EditorField>;
  defaults: Record<string, string>;
  categories: { value: string; label: string }[];
  villages: { value: string; label: string }[];
}

const State = createContext<{ state: ActionState | undefined; defaults: Record<string, string> }>({ state: undefined, defaults: {} });

const inputClass = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base disabled:bg-earth-100 aria-[invalid=true]:border-wine-700";

function useField(name: string) {
  const { state, defaults } = useContext(State);
  const id = useId();
  const value = state?.values?.[name] ?? defaults[name] ?? "";
  return { id, error: state?.fieldErrors?.[name], value };
}

function Shell({ id, field, error, children }: { id: string; field: EditorField; error?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {field.label}
      </label>
      {children}
      {(error || field.hint) && (
        <p id={`${id}-msg`} className={`mt-1 text-sm ${error ? "text-wine-700" : "text-earth-600"}`}>
          {error ?? field.hint}
        </p>
      )}
    </div>
  );
}

function TextInput({ name, field, ...input }: { name: string; field: EditorField } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { id, error, value } = useField(name);
  return (
    <Shell id={id} field={field} error={error}>
      <input id={id} name={name} key={value} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error || field.hint ? `${id}-msg` : undefined} className={inputClass} {...input} />
    </Shell>
  );
}

function TextArea({ name, field, maxLength }: { name: string; field: EditorField; maxLength: number }) {
  const { id, error, value } = useField(name);
  return (
    <Shell id={id} field={field} error={error}>
      <textarea id={id} name={name} key={value} defaultValue={value} rows={5} maxLength={maxLength} aria-invalid={error ? true : undefined} aria-describedby={error || field.hint ? `${id}-msg` : undefined} className={inputClass} />
    </Shell>
  );
}

function Select({ name, field, options, placeholder }: { name: string; field: EditorField; options: { value: string; label: string }[]; placeholder: string }) {
  const { id, error, value } = useField(name);
  return (
    <Shell id={id} field={field} error={error}>
      <select id={id} name={name} key={value} defaultValue={value} required aria-invalid={error ? true : undefined} aria-describedby={error || field.hint ? `${id}-msg` : undefined} className={inputClass}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function ProductEditorForm(props: ProductEditorFormProps) {
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(saveProductAction, undefined);
  const { fields: f } = props;
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="product-editor">
      <input type="hidden" name="cooperativeId" value={props.cooperativeId} />
      {props.productId && <input type="hidden" name="productId" value={props.productId} />}
      {props.locked && (
        <p role="status" className="rounded-lg bg-earth-100 px-3 py-2 text-sm">
          {props.lockedNotice}
        </p>
      )}
      <State.Provider value={{ state, defaults: props.defaults }}>
        <fieldset disabled={props.locked} className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput name="nameZh" field={f.nameZh} maxLength={60} required autoComplete="off" />
            <TextInput name="nameEn" field={f.nameEn} maxLength={120} required autoComplete="off" lang="en" />
          </div>
          <TextInput name="price" field={f.price} inputMode="decimal" required autoComplete="off" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select name="categoryId" field={f.categoryId} options={props.categories} placeholder={props.placeholder} />
            <Select name="originVillageId" field={f.originVillageId} options={props.villages} placeholder={props.placeholder} />
          </div>
          <div className="grid grid-cols-2 gap-4">
            <TextInput name="unitZh" field={f.unitZh} maxLength={10} required />
            <TextInput name="unitEn" field={f.unitEn} maxLength={20} required lang="en" />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput name="specZh" field={f.specZh} maxLength={60} />
            <TextInput name="specEn" field={f.specEn} maxLength={120} lang="en" />
          </div>
          <TextArea name="descriptionZh" field={f.descriptionZh} maxLength={2000} />
          <TextArea name="descriptionEn" field={f.descriptionEn} maxLength={2000} />
        </fieldset>
      </State.Provider>
      {state?.message && (
        <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-leaf-50 text-leaf-700" : "bg-wine-50 text-wine-700"}`}>
          {state.message}
        </p>
      )}
      {!props.locked && (
        <button type="submit" disabled={pending} aria-busy={pending} className="w-full rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 disabled:opacity-60 sm:w-auto">
          {props.submitLabel}
        </button>
      )}
    </form>
  );
}
