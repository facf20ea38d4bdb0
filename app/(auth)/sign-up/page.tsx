import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "@/components/ui/action-form";
import { homeFor } from "@/lib/domain/permissions";
import { signUpAction } from "@/lib/server/actions/auth/sign-up";
import { getSessionUser } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signUpTitle"), robots: { index: false } };
}

export default async function SignUpPage() {
  const [t, user] = await Promise.all([getT(), getSessionUser()]);
  if (user) redirect(homeFor(user.role));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("auth.signUpTitle")}</h1>
      <p className="text-earth-600">{t("auth.signUpLead")}</p>
      <ActionForm action={signUpAction} submitLabel={t("auth.signUpButton")} testId="sign-up-form">
        <Field name="name" label={t("auth.name")} autoComplete="name" required />
        <Field name="email" label={t("auth.email")} type="email" autoComplete="email" inputMode="email" required />
        <Field name="password" label={t("auth.password")} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} required />
      </ActionForm>
      <p className="text-sm">
        {t("auth.haveAccount")}{" "}
        <Link href="/sign-in" className="text-wine-700 underline">
          {t("auth.signInTitle")}
        </Link>
      </p>
    </div>
  );
}
