import "server-only";
// Which cooperative a page or download in the cooperative area is about: the `cooperative` query parameter, or
// the manager's first. The check that the actor manages it is the authorization boundary's (decide()), so
// another cooperative's id answers 404 for a manager and 403 for anyone else.
import { audit } from "@/lib/server/audit";
import { authorize, guardPage, type SessionUser } from "@/lib/server/authz";
import { db } from "@/lib/server/db";

const pick = (param: string | string[] | null | undefined, user: SessionUser | null) =>
  (Array.isArray(param) ? param[0] : param) || user?.cooperativeIds[0] || "none";

/** For pages: the cooperative, after guardPage's checks. */
export async function guardCooperativePage(param: string | string[] | undefined, returnTo: string, user: SessionUser): Promise<string> {
  const cooperativeId = pick(param, user);
  await guardPage({ kind: "cooperative", cooperativeId }, returnTo);
  return cooperativeId;
}

/** For route handlers: the cooperative, or an AuthzError (see authzResponse). */
export async function authorizeCooperative(param: string | null): Promise<{ cooperativeId: string; user: SessionUser }> {
  const user = await authorize({ kind: "role", roles: ["MANAGER"] });
  const cooperativeId = pick(param, user);
  await authorize({ kind: "cooperative", cooperativeId });
  return { cooperativeId, user: user as SessionUser };
}

/** Household personal data (names) was shown to this actor: one audit row per view or download. */
export function auditHouseholdRead(actorId: string, cooperativeId: string, what: string): Promise<void> {
  return audit(db, { action: "household.personal-data-read", actorId, entityType: "Cooperative", entityId: cooperativeId, metadata: { what } });
}
