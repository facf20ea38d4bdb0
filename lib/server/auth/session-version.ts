import "server-only";
// Revoking JWT sessions: every token carries the user's `sessionVersion` from the moment it was issued, and a
// token whose version is no longer the user's is refused — by the Auth.js jwt callback (so /api/auth/session
// clears the cookie and answers no user) and by getSessionUser (the authorization boundary). Sign-out, a
// password reset or change and "sign out of all devices" raise the version, which ends every session of that
// user at once; a disabled account is refused the same way.
import { cache } from "react";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BuyerType, OrganisationRole, Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";

/** The claim in the (encrypted) session token that holds the version it was issued under. */
export const VERSION_CLAIM = "sv";

type TokenLike = { sub?: string; [VERSION_CLAIM]?: unknown };
type VersionRow = { sessionVersion: number; disabledAt: Date | null } | null;

/** Whether a token issued under `tokenVersion` still stands for this user row. A token without a version predates revocation: refused. */
export function versionIsCurrent(row: VersionRow, tokenVersion: unknown): boolean {
  return Boolean(row && !row.disabledAt && typeof tokenVersion === "number" && tokenVersion === row.sessionVersion);
}

export interface SessionRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  buyerType: BuyerType;
  disabledAt: Date | null;
  sessionVersion: number;
  cooperatives: { cooperativeId: string }[];
  organisationMember: { organisationId: string; roles: OrganisationRole[] } | null;
}

/**
 * The user row behind a session, read once per request: the jwt callback and getSessionUser both call this,
 * and React's cache hands the second caller the first one's result while a page renders. Every signed-in
 * request reads it, so it is one statement (the user, the cooperatives they manage and their organisation
 * membership), not Prisma's three for the same select (1.8 ms of CPU against 0.4 ms; docs/benchmarks.md,
 * "signed-in pages"). tests/integration/session-token.test.ts compares it with the Prisma query it replaces.
 * A manager's cooperatives come sorted by id (the first is their area's default, lib/server/coop-area.ts), where
 * Prisma's select named no order.
 */
export const readSessionRow = cache((userId: string) => sessionRowOf(db, userId));

/** readSessionRow's statement, on any database. */
export async function sessionRowOf(database: Db, userId: string): Promise<SessionRow | null> {
  const rows = await database.$queryRaw<RawSessionRow[]>`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."buyerType"::text AS "buyerType", u."disabledAt",
           u."sessionVersion",
           ARRAY(SELECT cm."cooperativeId" FROM "CooperativeManager" cm WHERE cm."userId" = u."id" ORDER BY cm."cooperativeId") AS "cooperativeIds",
           om."organisationId", om."roles"::text[] AS "organisationRoles"
      FROM "User" u LEFT JOIN "OrganisationMember" om ON om."userId" = u."id"
     WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row) return null;
  const { cooperativeIds, organisationId, organisationRoles, ...user } = row;
  return {
    ...user,
    cooperatives: cooperativeIds.map((cooperativeId) => ({ cooperativeId })),
    organisationMember: organisationId ? { organisationId, roles: organisationRoles ?? [] } : null,
  };
}

type RawSessionRow = Omit<SessionRow, "cooperatives" | "organisationMember"> & {
  cooperativeIds: string[];
  organisationId: string | null;
  organisationRoles: OrganisationRole[] | null;
};

/** At sign-in: stamp the token with the user's current version. */
export async function stampToken<T extends TokenLike>(database: Db, token: T, userId: string): Promise<T & { sub: string; sv: number }> {
  const row = await database.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return { ...token, sub: userId, [VERSION_CLAIM]: row?.sessionVersion ?? -1 };
}

/** On every later use of the token: the token if it still stands, else null (Auth.js then clears the cookie). */
export async function checkToken<T extends TokenLike>(token: T, read: (userId: string) => Promise<VersionRow> = readSessionRow): Promise<T | null> {
  if (!token.sub) return null;
  return versionIsCurrent(await read(token.sub), token[VERSION_CLAIM]) ? token : null;
}

/** Ends every session of this user (inside the caller's transaction when given one). */
export async function bumpSessionVersion(database: Db | Prisma.TransactionClient, userId: string): Promise<number> {
  const row = await database.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return row.sessionVersion;
}

/**
 * Auth.js's own sign-out (`POST /api/auth/signout`, and signOut() underneath the sign-out action): ends the
 * user's sessions if this token is still current. Conditional, so a stale copied cookie cannot sign the user out
 * again and again, and the action's own bump before it is not repeated.
 */
export async function revokeToken(database: Db, token: TokenLike | null | undefined): Promise<boolean> {
  const version = token?.[VERSION_CLAIM];
  if (!token?.sub || typeof version !== "number") return false;
  const { count } = await database.user.updateMany({ where: { id: token.sub, sessionVersion: version }, data: { sessionVersion: { increment: 1 } } });
  return count === 1;
}
