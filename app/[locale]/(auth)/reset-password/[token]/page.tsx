import type { Metadata } from "next";
import { ActionForm, Field } from "@/components/ui/action-form";
import { PageHeader } from "@/components/ui/section";
import { resetPasswordAction } from "@/lib/server/actions/auth/reset-password";
import { getT } from "@/lib/server/i18n";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is in the URL: keep it out of referrers and search engines.
  return { title: t("auth.resetTitle"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: Props) {
  const [{ token }, t] = await Promise.all([params, getT()]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("auth.resetTitle")} />
      <ActionForm action={resetPasswordAction} submitLabel={t("auth.resetButton")} testId="reset-form">
        <input type="hidden" name="token" value={token} />
        <Field name="password" label={t("auth.newPassword")} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} required />
      </ActionForm>
    </div>
  );
}
