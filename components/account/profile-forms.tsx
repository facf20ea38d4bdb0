import { useTranslations } from "next-intl";
import { ActionForm, Choice, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { saveMailPreferencesAction } from "@/lib/server/actions/account/mail-preferences";
import { saveInstitutionAction } from "@/lib/server/actions/account/save-institution";
import { signOutEverywhereAction } from "@/lib/server/actions/auth/sign-out-everywhere";
import { updateProfileAction } from "@/lib/server/actions/account/update-profile";

type Profile = {
  email: string;
  name: string | null;
  phone: string | null;
  role: "BUYER" | "MANAGER" | "ADMIN";
  mailOptOut: boolean;
  institution: { unitName: string; invoiceTitle: string; taxId: string } | null;
};

/** "My account": the profile, a buyer's institutional purchasing details, which mail to get, and devices. */
export function ProfileForms({ profile }: { profile: Profile }) {
  const t = useTranslations("account");
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <dl className="text-sm">
          <dt className="text-earth-600">{t("email")}</dt>
          <dd data-testid="account-email">{profile.email}</dd>
          <dt className="mt-2 text-earth-600">{t("role")}</dt>
          <dd>{t(`roles.${profile.role}`)}</dd>
        </dl>
        <ActionForm action={updateProfileAction} submitLabel={t("save")} testId="profile-form">
          <Field name="name" label={t("name")} autoComplete="name" defaultValue={profile.name ?? ""} />
          <Field name="phone" label={t("phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={profile.phone ?? ""} />
        </ActionForm>
      </Section>
      {profile.role === "BUYER" && (
        <Section title={t("institution")} className="space-y-4">
          <p className="text-sm text-earth-600">{t("institutionLead")}</p>
          <ActionForm action={saveInstitutionAction} submitLabel={t("save")} testId="institution-form">
            <Field name="unitName" label={t("unitName")} autoComplete="organization" defaultValue={profile.institution?.unitName ?? ""} />
            <Field name="invoiceTitle" label={t("invoiceTitle")} defaultValue={profile.institution?.invoiceTitle ?? ""} />
            <Field name="taxId" label={t("taxId")} hint={t("taxIdHint")} autoCapitalize="characters" defaultValue={profile.institution?.taxId ?? ""} />
          </ActionForm>
        </Section>
      )}
      <Section title={t("mailPrefs.title")} className="space-y-4">
        <p className="text-sm text-earth-600">{t("mailPrefs.lead")}</p>
        <ActionForm action={saveMailPreferencesAction} submitLabel={t("save")} testId="mail-preferences-form">
          <label className="flex items-start gap-2 text-sm">
            <Choice type="checkbox" name="nonEssential" defaultChecked={!profile.mailOptOut} className="mt-1 size-4 accent-wine-700" data-testid="mail-non-essential" />
            <span>{t("mailPrefs.nonEssential")}</span>
          </label>
        </ActionForm>
      </Section>
      <Section title={t("sessions")} className="space-y-4">
        <p className="text-sm text-earth-600">{t("sessionsLead")}</p>
        <ActionForm action={signOutEverywhereAction} submitLabel={t("signOutEverywhere")} variant="danger" testId="sign-out-everywhere-form" />
      </Section>
    </div>
  );
}
