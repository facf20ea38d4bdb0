// An organisation's members and open invitations, and — for those who may administer it (its ORG_ADMINs, a
// county admin) — the invite form and each member's roles and removal. One component for /org/members and the
// admins' organisation page.
import { useFormatter, useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Section } from "@/components/ui/section";
import { inviteMemberAction } from "@/lib/server/actions/org/member-invite";
import { removeMemberAction } from "@/lib/server/actions/org/member-remove";
import { changeMemberRolesAction } from "@/lib/server/actions/org/member-roles";
import type { listMembers } from "@/lib/server/orgs/members";
import { ORGANISATION_ROLES, type OrganisationRole } from "@/lib/validation/org";

type Members = Awaited<ReturnType<typeof listMembers>>;

function RoleBoxes({ checked = [] }: { checked?: readonly OrganisationRole[] }) {
  const t = useTranslations("org");
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
      <legend className="mb-1 text-sm font-medium">{t("members.roles")}</legend>
      {ORGANISATION_ROLES.map((r) => (
        <label key={r} className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={`role_${r}`} defaultChecked={checked.includes(r)} className="h-4 w-4" />
          {t(`roles.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function OrgMembers({ organisationId, members, manage, selfId }: { organisationId: string; members: Members; manage: boolean; selfId: string }) {
  const t = useTranslations("org");
  const format = useFormatter();
  return (
    <div className="space-y-4">
      <Section title={t("members.title", { count: members.members.length })} testId="org-members">
        <ul className="divide-y divide-earth-100">
          {members.members.map((m) => (
            <li key={m.id} className="space-y-2 py-3" data-testid="org-member" data-email={m.user.email}>
              <p className="flex flex-wrap justify-between gap-2 text-sm">
                <span className="font-medium">
                  {m.user.name ?? m.user.email} <span className="font-normal text-earth-600">{m.user.email}</span>
                </span>
                <span>{m.roles.map((r) => t(`roles.${r}`)).join(" · ")}</span>
              </p>
              {manage && (
                <details className="rounded-lg bg-earth-50 p-3">
                  <summary className="cursor-pointer text-sm font-medium">{t("members.change")}</summary>
                  <div className="mt-3 space-y-3">
                    <ActionForm action={changeMemberRolesAction} submitLabel={t("members.saveRoles")} variant="secondary">
                      <input type="hidden" name="organisationId" value={organisationId} />
                      <input type="hidden" name="memberId" value={m.id} />
                      <RoleBoxes checked={m.roles} />
                    </ActionForm>
                    <ActionForm action={removeMemberAction} submitLabel={m.user.id === selfId ? t("members.leave") : t("members.remove")} variant="danger">
                      <input type="hidden" name="organisationId" value={organisationId} />
                      <input type="hidden" name="memberId" value={m.id} />
                    </ActionForm>
                  </div>
                </details>
              )}
            </li>
          ))}
        </ul>
      </Section>
      {members.invites.length > 0 && (
        <Section title={t("members.openInvites")}>
          <ul className="divide-y divide-earth-100 text-sm">
            {members.invites.map((i) => (
              <li key={i.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{i.email}</span>
                <span className="text-earth-600">
                  {i.roles.map((r) => t(`roles.${r}`)).join(" · ")} · {t("members.until", { at: format.dateTime(i.expiresAt, "dateTime") })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {manage && (
        <Section title={t("members.invite")}>
          <ActionForm action={inviteMemberAction} submitLabel={t("members.send")} testId="org-invite-form">
            <input type="hidden" name="organisationId" value={organisationId} />
            <Field name="email" label={t("members.email")} type="email" autoComplete="off" required />
            <RoleBoxes checked={["PURCHASER"]} />
            <p className="text-sm text-earth-600">{t("members.inviteHint")}</p>
          </ActionForm>
        </Section>
      )}
    </div>
  );
}
