import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { homeFor } from "@/lib/domain/permissions";
import { signUpAction } from "@/lib/server/actions/auth/sign-up";
import { getSessionUser } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";
import { onwardPath, toCheckout, withNext } from "../onward";

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signUpTitle"), robots: { index: false } };
}

export default async function SignUpPage({ searchParams }: Props) {
  const [{ next }, t, user] = await Promise.all([searchParams, getT(), getSessionUser()]);
  if (user) redirect(homeFor(user.role));
  const onward = onwardPath(next);
  return (
    <div className="space-y-5">
      <PageHeader title={t("auth.signUpTitle")} lead={t("auth.signUpLead")} />
      {toCheckout(onward) && <Notice tone="good">{t("auth.signUpCheckoutLead")}</Notice>}
      <ActionForm action={signUpAction} submitLabel={t("auth.signUpButton")} testId="sign-up-form">
        <input type="hidden" name="next" value={onward ?? ""} />
        <Field name="name" label={t("auth.name")} autoComplete="name" required />
        <Field name="email" label={t("auth.email")} type="email" autoComplete="email" inputMode="email" required />
        <Field name="password" label={t("auth.password")} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} required />
      </ActionForm>
      <p className="text-sm">
        {t("auth.haveAccount")}{" "}
        <Link href={withNext("/sign-in", onward)} className="text-wine-700 underline">
          {t("auth.signInTitle")}
        </Link>
      </p>
    </div>
  );
}
