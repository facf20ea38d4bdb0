import type { Metadata } from "next";
import { OrgMembers } from "@/components/org/members";
import { PageHeader } from "@/components/ui/section";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { listMembers } from "@/lib/server/orgs/members";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.area.links.members"), robots: { index: false } };
}

/** Who buys, approves and reads the accounts for the organisation; its ORG_ADMINs invite and change them here. */
export default async function OrgMembersPage() {
  const member = await guardOrgPage(orgPageRoles("members"), "/org/members");
  const [t, members] = await Promise.all([getT(), listMembers(db, { organisationId: member.organisationId })]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.area.links.members")} lead={t("org.members.lead")} />
      <OrgMembers organisationId={member.organisationId} members={members} manage={member.roles.includes("ORG_ADMIN")} selfId={member.user.id} />
    </div>
  );
}
