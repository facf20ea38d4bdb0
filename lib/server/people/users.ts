import "server-only";
// Accounts as admins see and manage them: the list (role, cooperatives, created, last sign-in; sorted and paged
// in the database, searched by email) and disabling / re-enabling an account. Disabling raises the session
// version in the same transaction, so every session of the account stops at once (session-version.ts also refuses
// any token of a disabled account); the sign-in check refuses a disabled account.
import type { Db } from "@/lib/db/client";
import { firstParam, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { bumpSessionVersion } from "@/lib/server/auth/session-version";

export const USER_LIST = { sorts: ["created", "lastSignIn", "email"], dirs: { email: "asc" }, pageSize: 25 } as const satisfies ListSpec<string>;
export type UserSort = (typeof USER_LIST.sorts)[number];

export interface UserListQuery extends ListQuery<UserSort> {
  q: string;
}

/** The list's query from the URL; anything odd falls back to the default rather than failing. */
export function parseUserListQuery(params: SearchParams): UserListQuery {
  // Control characters become spaces: PostgreSQL refuses a NUL byte.
  // eslint-disable-next-line no-control-regex -- see above
  const q = (firstParam(params.q) ?? "").replace(/[\u0000-\u001F\u007F]/g, " ").trim().slice(0, 100);
  return { q, ...parseListQuery(params, USER_LIST) };
}

export async function listUsers(db: Db, query: UserListQuery) {
  const where: Prisma.UserWhereInput = query.q ? { email: { contains: query.q, mode: "insensitive" } } : {};
  const orderBy: Prisma.UserOrderByWithRelationInput[] =
    query.sort === "email"
      ? [{ email: query.dir }, { id: "asc" }]
      : query.sort === "lastSignIn"
        ? [{ lastSignInAt: { sort: query.dir, nulls: "last" } }, { id: "asc" }]
        : [{ createdAt: query.dir }, { id: "asc" }];
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy,
      ...pageWindow(query.page, USER_LIST.pageSize),
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        createdAt: true,
        lastSignInAt: true,
        disabledAt: true,
        cooperatives: { select: { cooperative: { select: { id: true, nameZh: true, nameEn: true } } } },
      },
    }),
  ]);
  return { total, pages: pageCount(total, USER_LIST.pageSize), rows: rows.map(({ cooperatives, ...u }) => ({ ...u, cooperatives: cooperatives.map((c) => c.cooperative) })) };
}

export type DisableOutcome = { kind: "done"; email: string; sessionVersion: number | null } | { kind: "notFound" } | { kind: "wrongState" } | { kind: "self" };

/**
 * Disables (or re-enables) an account, conditionally: disabling an account that is already disabled is a 409. An
 * admin cannot disable their own account (the county would lock itself out by a slip of the finger).
 */
export async function setUserDisabled(db: Db, actorId: string, userId: string, disable: boolean, now = new Date()): Promise<DisableOutcome> {
  if (disable && actorId === userId) return { kind: "self" };
  return db.$transaction(async (tx) => {
    const changed = await tx.user.updateMany({ where: { id: userId, disabledAt: disable ? null : { not: null } }, data: { disabledAt: disable ? now : null } });
    const row = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!row) return { kind: "notFound" } as const;
    if (changed.count !== 1) return { kind: "wrongState" } as const;
    const sessionVersion = disable ? await bumpSessionVersion(tx, userId) : null;
    await audit(tx, { action: disable ? "user.disabled" : "user.enabled", actorId, entityType: "User", entityId: userId, metadata: { email: row.email } });
    return { kind: "done", email: row.email, sessionVersion } as const;
  });
}
