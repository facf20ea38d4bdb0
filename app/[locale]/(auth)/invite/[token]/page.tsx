import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { acceptInviteAction } from "@/lib/server/actions/auth/accept-invite";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { readInvite, type InviteView } from "@/lib/server/people/invites";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is in the URL: keep it out of referrers and search engines.
  return { title: t("people.invite.title"), robots: { index: false }, referrer: "no-referrer" };
}

const why = { invalid: "people.invite.invalid", expired: "people.invite.expired", used: "people.invite.used" } as const;

/** A person invited to manage a cooperative sets their name and password here (a single-use link, 72 hours). */
export default async function InvitePage({ params }: Props) {
  const [{ token }, t, locale] = await Promise.all([params, getT(), getLocale()]);
  const invite: InviteView = token.length >= 20 && token.length <= 200 ? await readInvite(db, token) : { state: "invalid" };
  if (invite.state !== "ok") {
    return (
      <div className="space-y-5" data-testid="invite-refused" data-state={invite.state}>
        <PageHeader title={t("people.invite.invalidTitle")} />
        <Notice tone="bad" role="alert">
          {t(why[invite.state])}
        </Notice>
        <Link href="/sign-in" className="inline-block text-wine-700 underline">
          {t("people.invite.signIn")}
        </Link>
      </div>
    );
  }
  const cooperative = locale === "en" ? invite.cooperative.nameEn : invite.cooperative.nameZh;
  return (
    <div className="space-y-5">
      <PageHeader title={t("people.invite.title")} lead={t("people.invite.lead", { cooperative })} />
      <ActionForm action={acceptInviteAction} submitLabel={t("people.invite.submit")} testId="invite-form">
        <input type="hidden" name="token" value={token} />
        <Field name="inviteEmail" label={t("people.invite.email")} type="email" defaultValue={invite.email} readOnly autoComplete="username" />
        <Field name="name" label={t("people.invite.name")} autoComplete="name" maxLength={40} required />
        <Field name="password" label={t("people.invite.password")} type="password" autoComplete="new-password" hint={t("auth.passwordHint")} required />
      </ActionForm>
    </div>
  );
}
