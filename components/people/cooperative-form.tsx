// The admin's "new cooperative" form: village, optional enterprise partner, names, contact, the bank account the
// settlements are paid to, and the shipping terms in yuan.
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { createCooperativeAction } from "@/lib/server/actions/admin/cooperative-create";
import type { cooperativeFormChoices } from "@/lib/server/people/queries";

export async function CooperativeForm({ choices }: { choices: Awaited<ReturnType<typeof cooperativeFormChoices>> }) {
  const [t, locale] = await Promise.all([getTranslations("people.form"), getLocale()]);
  const named = (r: { nameZh: string; nameEn: string }) => (locale === "en" ? r.nameEn : r.nameZh);
  return (
    <ActionForm action={createCooperativeAction} submitLabel={t("submit")} testId="cooperative-form">
      <SelectField
        name="villageId"
        label={t("village")}
        placeholder={t("chooseVillage")}
        options={choices.villages.map((v) => ({ value: v.id, label: `${named(v.township)} · ${named(v)}` }))}
      />
      <SelectField name="enterpriseId" label={t("enterprise")} placeholder={t("noEnterprise")} options={choices.enterprises.map((e) => ({ value: e.id, label: named(e) }))} />
      <Field name="nameZh" label={t("nameZh")} required maxLength={60} lang="zh-CN" />
      <Field name="nameEn" label={t("nameEn")} hint={t("nameEnHint")} required maxLength={100} lang="en" />
      <Field name="contactPhone" label={t("contactPhone")} type="tel" inputMode="tel" autoComplete="off" />
      <Field name="bankAccountName" label={t("bankAccountName")} autoComplete="off" />
      <Field name="bankName" label={t("bankName")} autoComplete="off" />
      <Field name="bankAccountNumber" label={t("bankAccountNumber")} inputMode="numeric" autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <Field name="shippingFee" label={t("shippingFee")} inputMode="decimal" defaultValue="10" required />
        <Field name="freeShippingMin" label={t("freeShippingMin")} inputMode="decimal" defaultValue="99" required />
      </div>
    </ActionForm>
  );
}
