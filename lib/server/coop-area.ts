import "server-only";
// Which cooperative a page or download in the cooperative area is about: the `cooperative` query parameter, or
// the manager's first. The check that the actor manages it is the authorization boundary's (decide()), so
// another cooperative's id answers 404 for a manager and 403 for anyone else. Both helpers hand back the
// caller's scope, which every read below takes (lib/server/queries/coop-scope.ts): a read answers nothing for
// a cooperative outside it, even where a guard was forgotten.
// A few read pages (statements, household income) also let an admin in, for any cooperative that exists
// (`{ admins: true }`, decideCooperativeRead): the platform pays the cooperatives. Their household reads are
// audited like a manager's, by the page.
import { forbidden, notFound, redirect } from "next/navigation";
import type { Db } from "@/lib/db/client";
import { decideCooperativeRead } from "@/lib/domain/permissions";
import { audit } from "@/lib/server/audit";
import { AuthzError, authorize, getSessionUser, guardPage, type SessionUser } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

const pick = (param: string | string[] | null | undefined, user: SessionUser | null) =>
  (Array.isArray(param) ? param[0] : param) || user?.cooperativeIds[0] || "none";

export interface CoopAreaOptions {
  /** Let an admin read any existing cooperative's page (read pages only). */
  admins?: boolean;
}

/** An admin's scope is the one cooperative named, once it is known to exist. */
async function adminScope(cooperativeId: string): Promise<OneCoopScope | null> {
  const found = await db.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true } });
  return found ? { cooperativeIds: [found.id], cooperativeId: found.id } : null;
}

/** For pages: the signed-in manager and the cooperative the page is about, after guardPage's checks. */
export async function guardCooperativePage(param: string | string[] | undefined, returnTo: string, options: CoopAreaOptions = {}): Promise<{ user: SessionUser; scope: OneCoopScope }> {
  if (options.admins) {
    const user = await getSessionUser();
    const cooperativeId = pick(param, user);
    const decision = decideCooperativeRead(user, cooperativeId);
    if (decision === "unauthenticated" || !user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
    if (decision === "notFound") notFound();
    if (decision === "forbidden") forbidden();
    if (user.role !== "ADMIN") return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
    const scope = await adminScope(cooperativeId);
    if (!scope) notFound();
    return { user, scope };
  }
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, returnTo);
  const cooperativeId = pick(param, user);
  await guardPage({ kind: "cooperative", cooperativeId }, returnTo);
  return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
}

/** For route handlers: the manager and the cooperative, or an AuthzError (see authzResponse). */
export async function authorizeCooperative(param: string | null, options: CoopAreaOptions = {}): Promise<{ user: SessionUser; scope: OneCoopScope }> {
  if (options.admins) {
    const user = await getSessionUser();
    const cooperativeId = pick(param, user);
    const decision = decideCooperativeRead(user, cooperativeId);
    if (decision !== "allow" || !user) throw new AuthzError(decision === "allow" ? "unauthenticated" : decision);
    if (user.role !== "ADMIN") return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
    const scope = await adminScope(cooperativeId);
    if (!scope) throw new AuthzError("notFound");
    return { user, scope };
  }
  const user = (await authorize({ kind: "role", roles: ["MANAGER"] })) as SessionUser;
  const cooperativeId = pick(param, user);
  await authorize({ kind: "cooperative", cooperativeId });
  return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
}

/** Household personal data (names) was shown to this actor: one audit row per view or download. */
export function auditHouseholdRead(db: Db, { actorId, cooperativeId, what }: { actorId: string; cooperativeId: string; what: string }): Promise<void> {
  return audit(db, { action: "household.personal-data-read", actorId, entityType: "Cooperative", entityId: cooperativeId, metadata: { what } });
}
