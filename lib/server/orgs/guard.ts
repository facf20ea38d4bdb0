import "server-only";
// The /org area's guard: a signed-in member of an organisation holding one of the page's roles (any member when
// none are listed). Signed out: to sign in and back; not a member, or without the role: the forbidden page. The
// organisation is always the caller's own membership, so an /org page cannot be pointed at another one.
import type { OrgRole } from "@/lib/domain/permissions";
import { guardPage, type SessionUser } from "@/lib/server/authz";

export interface OrgMember {
  user: SessionUser;
  organisationId: string;
  roles: readonly OrgRole[];
}

export async function guardOrgPage(roles: readonly OrgRole[], returnTo: string): Promise<OrgMember> {
  const user = await guardPage({ kind: "organisation", roles }, returnTo);
  // guardPage allowed it, so the membership is there.
  const own = user.organisation!;
  return { user, organisationId: own.id, roles: own.roles };
}
