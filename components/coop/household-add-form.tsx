"use client";
// The roster's "add a household" form: the same fields as a roster file's columns, checked on the server.
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { addHouseholdAction } from "@/lib/server/actions/coop/household-add";

export interface HouseholdAddLabels {
  submit: string;
  code: string;
  codeHint: string;
  village: string;
  headName: string;
  memberCount: string;
  status: string;
  benefitType: string;
  landMu: string;
  landMuHint: string;
  weight: string;
  idCardNumber: string;
  idCardHint: string;
  choose: string;
}

type Option = { value: string; label: string };

export function HouseholdAddForm({ cooperativeId, labels, villages, statuses, benefitTypes }: { cooperativeId: string; labels: HouseholdAddLabels; villages: Option[]; statuses: Option[]; benefitTypes: Option[] }) {
  return (
    <ActionForm action={addHouseholdAction} submitLabel={labels.submit} testId="household-add" className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <Field name="code" label={labels.code} hint={labels.codeHint} autoCapitalize="characters" autoComplete="off" required />
      <SelectField name="village" label={labels.village} options={villages} placeholder={labels.choose} />
      <Field name="headName" label={labels.headName} autoComplete="off" required />
      <Field name="memberCount" label={labels.memberCount} inputMode="numeric" required />
      <SelectField name="status" label={labels.status} options={statuses} placeholder={labels.choose} />
      <SelectField name="benefitType" label={labels.benefitType} options={benefitTypes} placeholder={labels.choose} />
      <Field name="landMu" label={labels.landMu} hint={labels.landMuHint} inputMode="decimal" />
      <Field name="weight" label={labels.weight} inputMode="numeric" required />
      <Field name="idCardNumber" label={labels.idCardNumber} hint={labels.idCardHint} autoComplete="off" />
    </ActionForm>
  );
}
