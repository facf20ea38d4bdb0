import "server-only";
// The authorization boundary for pages, route handlers and server actions. The session cookie only says
// who; what they may touch is read from the database on every request.
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { decide, decisionStatus, type Access, type Actor, type Decision } from "@/lib/domain/permissions";
import { sessionClaims } from "@/lib/server/auth/session-token";
import { readSessionRow, versionIsCurrent, VERSION_CLAIM } from "@/lib/server/auth/session-version";

export interface SessionUser extends Actor {
  email: string;
  name: string | null;
  buyerType: "INDIVIDUAL" | "INSTITUTION";
}

export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // The session cookie's claims (lib/server/auth/session-token.ts; reading the cookie makes the page per request).
  const claims = await sessionClaims();
  if (!claims) return null;
  // The row the jwt callback reads too: a disabled account or a token from before the last sign-out, password
  // reset or "sign out of all devices" gets nothing.
  const user = await readSessionRow(claims.sub);
  if (!user || !versionIsCurrent(user, claims[VERSION_CLAIM])) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    buyerType: user.buyerType,
    cooperativeIds: user.cooperatives.map((c) => c.cooperativeId),
    organisation: user.organisationMember ? { id: user.organisationMember.organisationId, roles: user.organisationMember.roles } : null,
  };
});

export class AuthzError extends Error {
  constructor(readonly decision: Exclude<Decision, "allow">) {
    super(decision);
    this.name = "AuthzError";
  }
  get status(): number {
    return decisionStatus[this.decision];
  }
}

/** For route handlers and actions: the actor if allowed, else an AuthzError with the right status. */
export async function authorize(access: Access): Promise<SessionUser | null> {
  const user = await getSessionUser();
  const decision = decide(user, access);
  if (decision !== "allow") throw new AuthzError(decision);
  return user;
}

/**
 * For layouts and pages: a signed-out visitor is sent to sign in (and back afterwards); a signed-in user
 * without the right is shown 404 for someone else's record and the forbidden page (403) otherwise.
 */
export async function guardPage(access: Access, returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  const decision = decide(user, access);
  if (decision === "unauthenticated" || !user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (decision === "notFound") notFound();
  if (decision === "forbidden") forbidden();
  return user;
}

/** Route handler helper: turns an AuthzError into its status with a small JSON body. */
export function authzResponse(error: unknown): Response | null {
  return error instanceof AuthzError ? Response.json({ error: error.decision }, { status: error.status }) : null;
}
