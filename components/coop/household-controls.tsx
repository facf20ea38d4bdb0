"use client";
// A roster row's controls: "show name" (an audited read; the name and ID number appear only here, in this
// manager's or admin's browser, after they asked), and for managers the change and end forms.
import { useActionState } from "react";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/action-state";
import { adminShowHouseholdNameAction } from "@/lib/server/actions/admin/roster-show-name";
import { changeHouseholdAction } from "@/lib/server/actions/coop/household-change";
import { endHouseholdAction } from "@/lib/server/actions/coop/household-end";
import { showHouseholdNameAction } from "@/lib/server/actions/coop/household-show-name";

export interface HouseholdControlLabels {
  showName: string;
  shownName: string; // with {name}
  shownId: string; // with {id}
  noId: string;
  auditNote: string;
  change: string;
  changeSubmit: string;
  keep: string;
  status: string;
  benefitType: string;
  weight: string;
  landMu: string;
  landMuHint: string;
  endSubmit: string;
  endHint: string;
  statuses: { value: string; label: string }[];
  benefitTypes: { value: string; label: string }[];
}

export function ShowName({ cooperativeId, participationId, admin, labels }: { cooperativeId: string; participationId: string; admin: boolean; labels: HouseholdControlLabels }) {
  const [state, action, pending] = useActionState<ActionState | undefined, FormData>(admin ? adminShowHouseholdNameAction : showHouseholdNameAction, undefined);
  const name = state?.ok ? state.values?.headName : undefined;
  const id = state?.ok ? state.values?.idCardNumber : undefined;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="participationId" value={participationId} />
      {name === undefined ? (
        <button type="submit" disabled={pending} aria-busy={pending} className="rounded-md border border-earth-600/40 bg-white px-3 py-1.5 text-sm hover:bg-earth-100 disabled:opacity-60">
          {labels.showName}
        </button>
      ) : (
        <p role="status" className="rounded-md bg-earth-100 px-3 py-1.5 text-sm">
          <span className="block font-medium">{labels.shownName.replace("{name}", name)}</span>
          <span className="block">{id ? labels.shownId.replace("{id}", id) : labels.noId}</span>
          <span className="block text-xs text-earth-600">{labels.auditNote}</span>
        </p>
      )}
      {state && !state.ok && state.message && (
        <p role="alert" className="text-sm text-wine-700">
          {state.message}
        </p>
      )}
    </form>
  );
}

export function ChangeHousehold({ cooperativeId, participationId, labels, current }: { cooperativeId: string; participationId: string; labels: HouseholdControlLabels; current: { weight: number; landMu: string | null } }) {
  return (
    <details className="rounded-md border border-earth-600/20 p-2">
      <summary className="cursor-pointer text-sm font-medium">{labels.change}</summary>
      <ActionForm action={changeHouseholdAction} submitLabel={labels.changeSubmit} variant="secondary" className="mt-2 space-y-3">
        <input type="hidden" name="cooperativeId" value={cooperativeId} />
        <input type="hidden" name="participationId" value={participationId} />
        <SelectField name="status" label={labels.status} options={labels.statuses} placeholder={labels.keep} />
        <SelectField name="benefitType" label={labels.benefitType} options={labels.benefitTypes} placeholder={labels.keep} />
        <Field name="weight" label={labels.weight} inputMode="numeric" defaultValue={String(current.weight)} />
        <Field name="landMu" label={labels.landMu} hint={labels.landMuHint} inputMode="decimal" defaultValue={current.landMu ?? ""} />
      </ActionForm>
    </details>
  );
}

export function EndHousehold({ cooperativeId, participationId, labels }: { cooperativeId: string; participationId: string; labels: HouseholdControlLabels }) {
  return (
    <ActionForm action={endHouseholdAction} submitLabel={labels.endSubmit} variant="danger" className="space-y-2">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="participationId" value={participationId} />
      <p className="text-xs text-earth-600">{labels.endHint}</p>
    </ActionForm>
  );
}
