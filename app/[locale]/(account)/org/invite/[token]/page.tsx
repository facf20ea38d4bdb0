import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { acceptOrgInviteAction } from "@/lib/server/actions/org/invite-accept";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { ORG_INVITE_TTL_HOURS, readOrgInvite } from "@/lib/server/orgs/members";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  // The token is in the URL: keep it out of referrers and search engines.
  return { title: t("org.invite.title"), robots: { index: false }, referrer: "no-referrer" };
}

const why = { invalid: "org.invite.invalid", used: "org.invite.used" } as const;

/**
 * An invitation to join an organisation: the invited person signs in (or signs up, and comes back here) with the
 * invited email, sees the organisation and roles, and accepts. A link that no longer works says why.
 */
export default async function OrgInvitePage({ params }: Props) {
  const { token } = await params;
  const user = await guardPage({ kind: "signedIn" }, `/org/invite/${token}`);
  const [t, invite] = await Promise.all([getT(), token.length >= 20 && token.length <= 200 ? readOrgInvite(db, token) : Promise.resolve({ state: "invalid" as const })]);
  if (invite.state !== "ok") {
    return (
      <div className="space-y-5" data-testid="invite-refused" data-state={invite.state}>
        <PageHeader title={t("org.invite.title")} />
        <Notice tone="bad" role="alert">
          {invite.state === "expired" ? t("org.invite.expired", { hours: ORG_INVITE_TTL_HOURS }) : t(why[invite.state])}
        </Notice>
      </div>
    );
  }
  const roles = invite.roles.map((r) => t(`org.roles.${r}`)).join(" · ");
  const wrongEmail = user.email.toLowerCase() !== invite.email.toLowerCase();
  return (
    <div className="max-w-xl space-y-5">
      <PageHeader title={t("org.invite.title")} lead={t("org.invite.lead", { organisation: invite.organisation.name, roles })} />
      {user.organisation ? (
        <Notice tone="bad" role="alert">
          {t("org.invite.memberOfAnother")}
        </Notice>
      ) : wrongEmail ? (
        <Notice tone="bad" role="alert">
          {t("org.invite.wrongEmail")} <Link href={`/sign-in?next=${encodeURIComponent(`/org/invite/${token}`)}`} className="underline">{t("org.invite.switch")}</Link>
        </Notice>
      ) : (
        <ActionForm action={acceptOrgInviteAction} submitLabel={t("org.invite.accept")} testId="org-invite-accept">
          <input type="hidden" name="token" value={token} />
          <p className="text-sm">{t("org.invite.as", { email: user.email })}</p>
        </ActionForm>
      )}
    </div>
  );
}
