// Session revocation on a real database: a token carries the user's session version from sign-in, and one
// issued before a sign-out, a password reset or "sign out of all devices" (or for a disabled account) is refused
// by the check both the Auth.js jwt callback and getSessionUser apply.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/server/auth/credentials";
import { hashToken, resetPassword } from "@/lib/server/auth/password-reset";
import { bumpSessionVersion, checkToken, revokeToken, stampToken, VERSION_CLAIM, versionIsCurrent } from "@/lib/server/auth/session-version";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_sessions");
  db = t.db;
});

afterAll(async () => {
  await t?.drop();
});

let n = 0;
async function newUser(): Promise<string> {
  const user = await db.user.create({ data: { email: `sessions-${++n}-${Date.now()}@example.cn`, name: "Session", passwordHash: await hashPassword("old password 1") } });
  return user.id;
}

/** What the jwt callback does on every request after sign-in, against the test database. */
const check = (token: { sub?: string; sv?: unknown }) =>
  checkToken(token, (id) => db.user.findUnique({ where: { id }, select: { sessionVersion: true, disabledAt: true } }));

/** A token as the jwt callback stamps it at sign-in. */
const signIn = (userId: string) => stampToken(db, { sub: userId }, userId);

describe("session version", () => {
  test.each([
    ["current version", { sessionVersion: 2, disabledAt: null }, 2, true],
    ["older version", { sessionVersion: 2, disabledAt: null }, 1, false],
    ["newer version (forged or from another database)", { sessionVersion: 2, disabledAt: null }, 3, false],
    ["no version: a token from before revocation existed", { sessionVersion: 0, disabledAt: null }, undefined, false],
    ["version as a string", { sessionVersion: 0, disabledAt: null }, "0", false],
    ["disabled account", { sessionVersion: 0, disabledAt: new Date() }, 0, false],
    ["deleted user", null, 0, false],
  ] as const)("%s", (_name, row, tokenVersion, ok) => {
    expect(versionIsCurrent(row, tokenVersion)).toBe(ok);
  });

  test("a token is stamped at sign-in and accepted until the version rises", async () => {
    const id = await newUser();
    const token = await signIn(id);
    expect(token[VERSION_CLAIM]).toBe(0);
    expect(await check(token)).toEqual(token);
    await bumpSessionVersion(db, id);
    expect(await check(token)).toBeNull();
    // A sign-in after the bump gets a token that works.
    const fresh = await signIn(id);
    expect(fresh[VERSION_CLAIM]).toBe(1);
    expect(await check(fresh)).toEqual(fresh);
  });

  test("a token without a user id or for an unknown user is refused", async () => {
    expect(await check({ sv: 0 })).toBeNull();
    expect(await check({ sub: "no-such-user", sv: 0 })).toBeNull();
  });

  test("sign-out and sign-out of all devices end every session of the user, and only that user's", async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const [laptop, phone, bobs] = [await signIn(alice), await signIn(alice), await signIn(bob)];
    // What signOutAction and signOutEverywhereAction do in their transaction.
    await db.$transaction((tx) => bumpSessionVersion(tx, alice));
    expect(await check(laptop)).toBeNull();
    expect(await check(phone)).toBeNull();
    expect(await check(bobs)).toEqual(bobs);
  });

  test("Auth.js's own sign-out endpoint ends the sessions once, and a stale copy cannot do it again", async () => {
    const id = await newUser();
    const [mine, copy] = [await signIn(id), await signIn(id)];
    expect(await revokeToken(db, mine)).toBe(true);
    expect(await check(copy)).toBeNull();
    const later = await signIn(id);
    // The stale token signing out (or the action's bump followed by Auth.js's event) changes nothing.
    expect(await revokeToken(db, mine)).toBe(false);
    expect(await check(later)).toEqual(later);
    expect(await revokeToken(db, null)).toBe(false);
  });

  test("a password reset ends every session, a failed one (used token) ends none", async () => {
    const id = await newUser();
    const before = await signIn(id);
    // What issueResetToken stores (it mails the raw token and keeps only its hash).
    const token = "reset-token-" + id;
    await db.passwordResetToken.create({ data: { userId: id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 30 * 60_000) } });
    const passwordHash = await hashPassword("new password 2");
    expect(await resetPassword(db, { tokenHash: hashToken(token), passwordHash, ip: "127.0.0.1" })).toBe("ok");
    expect(await check(before)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion).toBe(1);

    const after = await signIn(id);
    expect(await resetPassword(db, { tokenHash: hashToken(token), passwordHash, ip: "127.0.0.1" })).toBe("used");
    expect(await check(after)).toEqual(after);
  });

  test("disabling the account ends its sessions", async () => {
    const id = await newUser();
    const token = await signIn(id);
    await db.user.update({ where: { id }, data: { disabledAt: new Date() } });
    expect(await check(token)).toBeNull();
  });
});
