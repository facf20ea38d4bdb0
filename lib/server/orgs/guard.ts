import "server-only";
// The /org area's guard: a signed-in member of an organisation holding one of the page's roles (any member when
// none are listed). Signed out: to sign in and back; not a member, or without the role: the forbidden page. The
// organisation is always the caller's own membership, so an /org page cannot be pointed at another one.
import { forbidden, notFound, redirect } from "next/navigation";
import { decide, decideOrganisationRead, type OrgRole } from "@/lib/domain/permissions";
import { AuthzError, getSessionUser, guardPage, type SessionUser } from "@/lib/server/authz";

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

/**
 * An organisation's papers (statement, invoices) read by its members with one of `roles`, or by a county admin
 * naming it (`?organisation=<id>`; admins read every organisation's). A member naming another organisation gets
 * "not found". For route handlers: throws AuthzError (authzResponse turns it into its status).
 */
export async function authorizeOrganisationRead(param: string | string[] | null | undefined, roles: readonly OrgRole[]): Promise<{ user: SessionUser; organisationId: string }> {
  const named = Array.isArray(param) ? param[0] : param;
  const user = await getSessionUser();
  const organisationId = named || user?.organisation?.id;
  const decision = organisationId ? decideOrganisationRead(user, organisationId, roles) : decide(user, { kind: "organisation", roles });
  if (decision !== "allow" || !user || !organisationId) throw new AuthzError(decision === "allow" ? "notFound" : decision);
  return { user, organisationId };
}

/** The same for pages: signed out → sign in and back; otherwise the not-found or forbidden page. */
export async function guardOrganisationRead(param: string | string[] | undefined, roles: readonly OrgRole[], returnTo: string): Promise<{ user: SessionUser; organisationId: string }> {
  try {
    return await authorizeOrganisationRead(param, roles);
  } catch (error) {
    if (!(error instanceof AuthzError)) throw error;
    if (error.decision === "unauthenticated") redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
    if (error.decision === "notFound") notFound();
    forbidden();
  }
}
