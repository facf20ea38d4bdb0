import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/ui/action-form";
import { saveInstitutionAction } from "@/lib/server/actions/account/save-institution";
import { updateProfileAction } from "@/lib/server/actions/account/update-profile";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";
import { getAccountProfile } from "@/lib/server/queries/account";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("account.title"), robots: { index: false } };
}

export default async function AccountPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account");
  const [t, profile] = await Promise.all([getT(), getAccountProfile(user.id)]);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <section aria-labelledby="profile-title" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm">
        <h1 id="profile-title" className="text-2xl font-bold">
          {t("account.title")}
        </h1>
        <dl className="text-sm">
          <dt className="text-earth-600">{t("account.email")}</dt>
          <dd data-testid="account-email">{profile.email}</dd>
          <dt className="mt-2 text-earth-600">{t("account.role")}</dt>
          <dd>{t(`account.roles.${profile.role}`)}</dd>
        </dl>
        <ActionForm action={updateProfileAction} submitLabel={t("account.save")} testId="profile-form">
          <Field name="name" label={t("account.name")} autoComplete="name" defaultValue={profile.name ?? ""} />
          <Field name="phone" label={t("account.phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={profile.phone ?? ""} />
        </ActionForm>
      </section>
      {profile.role === "BUYER" && (
        <section aria-labelledby="institution-title" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm">
          <h2 id="institution-title" className="text-xl font-semibold">
            {t("account.institution")}
          </h2>
          <p className="text-sm text-earth-600">{t("account.institutionLead")}</p>
          <ActionForm action={saveInstitutionAction} submitLabel={t("account.save")} testId="institution-form">
            <Field name="unitName" label={t("account.unitName")} autoComplete="organization" defaultValue={profile.institution?.unitName ?? ""} />
            <Field name="invoiceTitle" label={t("account.invoiceTitle")} defaultValue={profile.institution?.invoiceTitle ?? ""} />
            <Field name="taxId" label={t("account.taxId")} hint={t("account.taxIdHint")} autoCapitalize="characters" defaultValue={profile.institution?.taxId ?? ""} />
          </ActionForm>
        </section>
      )}
    </div>
  );
}
