import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { homeFor } from "@/lib/domain/permissions";
import { signInAction } from "@/lib/server/actions/auth/sign-in";
import { getSessionUser } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";
import { onwardPath, toCheckout, withNext } from "../onward";

type Props = { searchParams: Promise<{ next?: string | string[]; reset?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signInTitle"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: Props) {
  const [{ next, reset }, t, user] = await Promise.all([searchParams, getT(), getSessionUser()]);
  if (user) redirect(homeFor(user.role));
  const onward = onwardPath(next);
  return (
    <div className="space-y-5">
      <PageHeader title={t("auth.signInTitle")} lead={toCheckout(onward) ? undefined : t("auth.signInLead")} />
      {toCheckout(onward) && <Notice tone="good">{t("auth.checkoutLead")}</Notice>}
      {reset && (
        <Notice tone="good" role="status">
          {t("auth.resetDone")}
        </Notice>
      )}
      <ActionForm action={signInAction} submitLabel={t("auth.signInButton")} testId="sign-in-form">
        <input type="hidden" name="next" value={typeof next === "string" ? next : ""} />
        <Field name="email" label={t("auth.email")} type="email" autoComplete="email" inputMode="email" required />
        <Field name="password" label={t("auth.password")} type="password" autoComplete="current-password" required />
      </ActionForm>
      <p className="text-sm">
        <Link href="/forgot-password" className="text-wine-700 underline">
          {t("auth.forgot")}
        </Link>
      </p>
      <p className="text-sm">
        {t("auth.noAccount")}{" "}
        <Link href={withNext("/sign-up", onward)} className="text-wine-700 underline">
          {t("auth.signUpTitle")}
        </Link>
      </p>
    </div>
  );
}
