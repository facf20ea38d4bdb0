import "server-only";
// Which cooperative a page or download in the cooperative area is about: the `cooperative` query parameter, or
// the manager's first. The check that the actor manages it is the authorization boundary's (decide()), so
// another cooperative's id answers 404 for a manager and 403 for anyone else. Both helpers hand back the
// caller's scope, which every read below takes (lib/server/queries/coop-scope.ts): a read answers nothing for
// a cooperative outside it, even where a guard was forgotten.
import type { Db } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { authorize, guardPage, type SessionUser } from "@/lib/server/authz";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

const pick = (param: string | string[] | null | undefined, user: SessionUser | null) =>
  (Array.isArray(param) ? param[0] : param) || user?.cooperativeIds[0] || "none";

/** For pages: the signed-in manager and the cooperative the page is about, after guardPage's checks. */
export async function guardCooperativePage(param: string | string[] | undefined, returnTo: string): Promise<{ user: SessionUser; scope: OneCoopScope }> {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, returnTo);
  const cooperativeId = pick(param, user);
  await guardPage({ kind: "cooperative", cooperativeId }, returnTo);
  return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
}

/** For route handlers: the manager and the cooperative, or an AuthzError (see authzResponse). */
export async function authorizeCooperative(param: string | null): Promise<{ user: SessionUser; scope: OneCoopScope }> {
  const user = (await authorize({ kind: "role", roles: ["MANAGER"] })) as SessionUser;
  const cooperativeId = pick(param, user);
  await authorize({ kind: "cooperative", cooperativeId });
  return { user, scope: { cooperativeIds: user.cooperativeIds, cooperativeId } };
}

/** Household personal data (names) was shown to this actor: one audit row per view or download. */
export function auditHouseholdRead(db: Db, { actorId, cooperativeId, what }: { actorId: string; cooperativeId: string; what: string }): Promise<void> {
  return audit(db, { action: "household.personal-data-read", actorId, entityType: "Cooperative", entityId: cooperativeId, metadata: { what } });
}
