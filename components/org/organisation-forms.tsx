// The organisation's profile form (an admin registering it; its ORG_ADMINs or an admin editing it) and its year's
// reserved-share figures. The credit code is checked to its check digit on the server (lib/domain/credit-code.ts).
import { useLocale, useTranslations } from "next-intl";
import { ActionForm, Choice, Field, SelectField } from "@/components/ui/action-form";
import { createOrganisationAction } from "@/lib/server/actions/org/organisation-create";
import { updateOrganisationAction } from "@/lib/server/actions/org/organisation-update";
import { saveOrganisationYearAction } from "@/lib/server/actions/org/year-save";
import type { getOrganisation } from "@/lib/server/orgs/organisations";
import { BEIJING_DISTRICTS } from "@/lib/validation/account";
import { ORGANISATION_KINDS } from "@/lib/validation/org";

type Profile = NonNullable<Awaited<ReturnType<typeof getOrganisation>>>;

const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? "" : (fen / 100).toFixed(2));

export function OrganisationForm({ organisation }: { organisation?: Profile }) {
  const t = useTranslations("org.form");
  const tk = useTranslations("org.kinds");
  const locale = useLocale();
  return (
    <ActionForm action={organisation ? updateOrganisationAction : createOrganisationAction} submitLabel={organisation ? t("save") : t("create")} testId="organisation-form">
      {organisation && <input type="hidden" name="organisationId" value={organisation.id} />}
      <SelectField name="kind" label={t("kind")} placeholder={t("chooseKind")} defaultValue={organisation?.kind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
      <Field name="name" label={t("name")} defaultValue={organisation?.name} required maxLength={100} autoComplete="organization" />
      <Field name="creditCode" label={t("creditCode")} hint={t("creditCodeHint")} defaultValue={organisation?.creditCode} required maxLength={30} autoCapitalize="characters" autoComplete="off" />
      <Field name="invoiceTitle" label={t("invoiceTitle")} defaultValue={organisation?.invoiceTitle} required maxLength={100} />
      <Field name="taxId" label={t("taxId")} hint={t("taxIdHint")} defaultValue={organisation && organisation.taxId !== organisation.creditCode ? organisation.taxId : ""} maxLength={30} autoCapitalize="characters" autoComplete="off" />
      <SelectField
        name="district"
        label={t("district")}
        placeholder={t("chooseDistrict")}
        defaultValue={organisation?.district}
        options={BEIJING_DISTRICTS.map((d) => ({ value: d.code, label: locale === "en" ? d.en : d.zh }))}
      />
      <Field name="address" label={t("address")} defaultValue={organisation?.address} required maxLength={200} autoComplete="street-address" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="approvalThreshold" label={t("threshold")} hint={t("thresholdHint")} defaultValue={yuan(organisation?.approvalThresholdFen)} inputMode="decimal" />
        <Field name="approvalWindowHours" label={t("window")} hint={t("windowHint")} defaultValue={String(organisation?.approvalWindowHours ?? 48)} inputMode="numeric" />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <Choice type="checkbox" name="beijingOnlyDelivery" defaultChecked={organisation?.beijingOnlyDelivery ?? true} className="mt-0.5 h-4 w-4" />
        {t("beijingOnly")}
      </label>
    </ActionForm>
  );
}

export function OrganisationYearForm({ organisationId, year, budgetFen, percentBp }: { organisationId: string; year: number; budgetFen: number | null; percentBp: number | null }) {
  const t = useTranslations("org.form");
  return (
    <ActionForm action={saveOrganisationYearAction} submitLabel={t("saveYear", { year })} testId="organisation-year-form">
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="year" value={year} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="budget" label={t("budget", { year })} hint={t("budgetHint")} defaultValue={yuan(budgetFen)} inputMode="decimal" required />
        <Field name="percent" label={t("percent")} hint={t("percentHint")} defaultValue={percentBp === null ? "30" : String(percentBp / 100)} inputMode="decimal" required />
      </div>
    </ActionForm>
  );
}
