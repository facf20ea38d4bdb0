import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/section";
import { requestPasswordResetAction } from "@/lib/server/actions/auth/request-password-reset";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.forgotTitle"), robots: { index: false } };
}

export default async function ForgotPasswordPage() {
  const t = await getT();
  return (
    <div className="space-y-5">
      <PageHeader title={t("auth.forgotTitle")} lead={t("auth.forgotLead")} />
      <ActionForm action={requestPasswordResetAction} submitLabel={t("auth.forgotButton")} testId="forgot-form">
        <Field name="email" label={t("auth.email")} type="email" autoComplete="email" inputMode="email" required />
      </ActionForm>
    </div>
  );
}
