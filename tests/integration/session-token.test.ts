// Reading a session without auth(): the session cookie decrypted by lib/server/auth/session-token.ts must give
// exactly what Auth.js signed, and nothing for what it would refuse; the session row read in one statement
// (lib/server/auth/session-version.ts) must be the row Prisma's select gave, for every kind of user.
import { encode, getToken } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { decodeSessionToken, SESSION_COOKIE, sessionCookieName, sessionTokenFrom } from "@/lib/server/auth/session-token";
import { sessionRowOf } from "@/lib/server/auth/session-version";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const salt = SESSION_COOKIE;
/** A token as Auth.js writes it at sign-in (its own encode, same secret and salt). */
const signed = (token: Record<string, unknown>, opts: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token, secret: opts.secret ?? SECRET, salt: opts.salt ?? salt, maxAge: opts.maxAge });

describe("the session cookie's name", () => {
  test.each([true, false])("is the one Auth.js reads with secure cookies %s", async (secure) => {
    const name = sessionCookieName(secure);
    expect(await getToken({ req: { headers: { cookie: `${name}=x` } }, secureCookie: secure, raw: true })).toBe("x");
    expect(await getToken({ req: { headers: { cookie: `${sessionCookieName(!secure)}=x` } }, secureCookie: secure, raw: true })).toBeFalsy();
  });

  test("here, over http (the test environment's SITE_URL), is the plain one", () => {
    expect(SESSION_COOKIE).toBe("authjs.session-token");
  });
});

describe("sessionTokenFrom: the token in a Cookie header, as Auth.js finds it", () => {
  const name = "authjs.session-token";
  test.each([
    ["no header", null, null],
    ["no cookies", "", null],
    ["the whole cookie", `locale=en; ${name}=abc`, "abc"],
    ["an empty cookie", `${name}=`, null],
    ["other cookies only", `locale=en; cart=1`, null],
    ["chunks, joined in their order whatever the header's", `${name}.1=def; ${name}.0=abc; ${name}.10=!; ${name}.2=ghi`, "abcdefghi!"],
    ["the same name twice: the first, as Auth.js's parser keeps", `${name}=first; ${name}=second`, "first"],
  ] as const)("%s", async (_name, header, expected) => {
    expect(await sessionTokenFrom(header, name)).toBe(expected);
  });
});

describe("decodeSessionToken", () => {
  test("gives the subject and the session version Auth.js signed", async () => {
    const token = await signed({ sub: "user-1", sv: 3, email: "a@example.cn", name: "A" });
    expect(await decodeSessionToken(token, SECRET, salt)).toEqual({ sub: "user-1", sv: 3 });
    // A second read gives the same (from the table of decoded tokens; the tests below hold that table to the
    // secret, the salt and the expiry).
    expect(await decodeSessionToken(token, SECRET, salt)).toEqual({ sub: "user-1", sv: 3 });
  });

  test.each([
    ["no token", async () => null],
    ["not a token", async () => "not-a-jwt"],
    ["another server's secret", () => signed({ sub: "user-1", sv: 0 }, { secret: "another-secret-of-at-least-thirty-two-characters" })],
    ["another cookie's salt", () => signed({ sub: "user-1", sv: 0 }, { salt: "__Secure-authjs.session-token" })],
    ["no subject", () => signed({ sv: 0 })],
    ["an empty subject", () => signed({ sub: "", sv: 0 })],
    ["expired", () => signed({ sub: "user-1", sv: 0 }, { maxAge: -60 })],
    ["one character of the ciphertext changed", async () => {
      const token = await signed({ sub: "user-1", sv: 0 });
      const parts = token.split(".");
      const ct = parts[3]!;
      parts[3] = `${ct.slice(0, 5)}${ct[5] === "A" ? "B" : "A"}${ct.slice(6)}`;
      return parts.join(".");
    }],
  ])("refuses %s", async (_name, make) => {
    expect(await decodeSessionToken(await make(), SECRET, salt)).toBeNull();
  });

  test("a token read once is not accepted under another secret or salt", async () => {
    const token = await signed({ sub: "user-2", sv: 1 });
    expect(await decodeSessionToken(token, SECRET, salt)).toEqual({ sub: "user-2", sv: 1 });
    expect(await decodeSessionToken(token, "another-secret-of-at-least-thirty-two-characters", salt)).toBeNull();
    expect(await decodeSessionToken(token, SECRET, "__Secure-authjs.session-token")).toBeNull();
  });

  test("a token read once stops being accepted when it expires (Auth.js's 15 s of clock skew after)", async () => {
    const token = await signed({ sub: "user-3", sv: 0 }, { maxAge: 60 });
    const now = Date.now();
    expect(await decodeSessionToken(token, SECRET, salt, now)).toEqual({ sub: "user-3", sv: 0 });
    expect(await decodeSessionToken(token, SECRET, salt, now + 70_000)).toEqual({ sub: "user-3", sv: 0 });
    expect(await decodeSessionToken(token, SECRET, salt, now + 80_000)).toBeNull();
  });
});

describe("the session row in one statement", () => {
  let t: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    t = await createTestDatabase("shop_session_row");
    db = t.db;
    await seedDatabase(db);
  });

  afterAll(async () => {
    await t?.drop();
  });

  /** The Prisma select it replaces, cooperatives in the statement's order. */
  const prismaRow = async (id: string) => {
    const row = await db.user.findUnique({
      where: { id },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        buyerType: true,
        disabledAt: true,
        sessionVersion: true,
        cooperatives: { select: { cooperativeId: true }, orderBy: { cooperativeId: "asc" } },
        organisationMember: { select: { organisationId: true, roles: true } },
      },
    });
    return row;
  };

  test("is Prisma's row for every seeded user: buyers, an organisation's members, managers, the admin", async () => {
    const users = await db.user.findMany({ select: { id: true } });
    expect(users.length).toBeGreaterThanOrEqual(6);
    for (const { id } of users) expect(await sessionRowOf(db, id)).toEqual(await prismaRow(id));
  });

  test("a manager of two cooperatives, a disabled account with a raised version, a missing user", async () => {
    const manager = await db.user.findFirstOrThrow({ where: { cooperatives: { some: {} } }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
    const other = await db.cooperative.findFirstOrThrow({ where: { id: { notIn: manager.cooperatives.map((c) => c.cooperativeId) } }, select: { id: true } });
    await db.cooperativeManager.create({ data: { userId: manager.id, cooperativeId: other.id } });
    const row = await sessionRowOf(db, manager.id);
    expect(row?.cooperatives).toHaveLength(manager.cooperatives.length + 1);
    expect(row).toEqual(await prismaRow(manager.id));

    const buyer = await db.user.findFirstOrThrow({ where: { email: "buyer@demo.tangxian.shop" }, select: { id: true } });
    await db.user.update({ where: { id: buyer.id }, data: { disabledAt: new Date("2026-11-30T08:00:00Z"), sessionVersion: { increment: 2 } } });
    const disabled = await sessionRowOf(db, buyer.id);
    expect(disabled?.disabledAt).toEqual(new Date("2026-11-30T08:00:00Z"));
    expect(disabled).toEqual(await prismaRow(buyer.id));

    expect(await sessionRowOf(db, "no-such-user")).toBeNull();
  });
});
