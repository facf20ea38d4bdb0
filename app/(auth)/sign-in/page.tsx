import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionForm, Field } from "@/components/ui/action-form";
import { homeFor } from "@/lib/domain/permissions";
import { signInAction } from "@/lib/server/actions/auth/sign-in";
import { getSessionUser } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

type Props = { searchParams: Promise<{ next?: string; reset?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("auth.signInTitle"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: Props) {
  const [{ next, reset }, t, user] = await Promise.all([searchParams, getT(), getSessionUser()]);
  if (user) redirect(homeFor(user.role));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("auth.signInTitle")}</h1>
      <p className="text-earth-600">{t("auth.signInLead")}</p>
      {reset && (
        <p role="status" className="rounded-lg bg-leaf-50 px-3 py-2 text-sm text-leaf-700">
          {t("auth.resetDone")}
        </p>
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
        <Link href="/sign-up" className="text-wine-700 underline">
          {t("auth.signUpTitle")}
        </Link>
      </p>
    </div>
  );
}
