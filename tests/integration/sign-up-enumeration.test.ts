// Issue 10, point 7: sign-up never says whether an email already has an account. A new and a taken email get
// the same answer (status, message, no session), after the same work; the owner of the taken email is mailed a
// notice through the outbox instead. The server action runs for real against PostgreSQL; only the framework
// boundary (request headers, the locale, the client address, the session) is mocked.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const shared = vi.hoisted((): { db: unknown } => ({ db: null }));
vi.mock("@/lib/server/db", () => ({
  db: new Proxy({}, { get: (_t, prop) => Reflect.get(shared.db as object, prop) as unknown }),
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
// Next's bundler gives server code this build of next/navigation; vitest would load the client one.
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => "zh-CN" }));
vi.mock("@/lib/server/request", () => ({ clientIp: async () => "203.0.113.9" }));
vi.mock("@/lib/server/authz", () => ({ AuthzError: class extends Error {}, authorize: async () => null }));
// The real bcrypt hash, watched: which passwords it hashed, and whether each hash had finished when the action answered.
const hashes = vi.hoisted(() => ({ started: [] as string[], finished: 0 }));
vi.mock("@/lib/server/auth/credentials", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/auth/credentials")>();
  return {
    ...real,
    hashPassword: async (password: string) => {
      hashes.started.push(password);
      const hash = await real.hashPassword(password);
      hashes.finished++;
      return hash;
    },
  };
});

let t: TestDatabase;
let db: Db;
beforeAll(async () => {
  t = await createTestDatabase("shop_sign_up_enumeration");
  db = t.db;
  shared.db = db;
  await db.user.create({ data: { email: "taken@example.test", name: "老用户", passwordHash: "x", role: "BUYER" } });
});
afterAll(async () => {
  await t?.drop();
});

const { signUpAction } = await import("@/lib/server/actions/auth/sign-up");
const form = (email: string) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ name: "王小北", email, password: "a-Valid-password-9", next: "/checkout" })) fd.set(k, v);
  return fd;
};
/** The answer with the email (which the message repeats back) blanked out. */
const shape = (state: unknown, email: string) => JSON.parse(JSON.stringify(state).replaceAll(email, "<email>")) as unknown;

describe("sign-up answers the same for a new and a taken email", () => {
  test("same status and message, no field error; the new account is created, the taken one untouched and its owner mailed", async () => {
    const fresh = await signUpAction(undefined, form("fresh@example.test"));
    const taken = await signUpAction(undefined, form("taken@example.test"));
    expect(fresh).toMatchObject({ ok: true, status: 200 });
    expect(shape(taken, "taken@example.test")).toEqual(shape(fresh, "fresh@example.test"));
    expect(JSON.stringify(taken)).not.toMatch(/已注册|already registered|fieldErrors/);

    expect(await db.user.findUnique({ where: { email: "fresh@example.test" }, select: { role: true, name: true } })).toEqual({ role: "BUYER", name: "王小北" });
    expect(await db.user.findUniqueOrThrow({ where: { email: "taken@example.test" }, select: { name: true, passwordHash: true } })).toEqual({ name: "老用户", passwordHash: "x" });

    // One mail each, written to the outbox: a welcome for the new account, a notice for the existing owner.
    const mails = await db.mailMessage.findMany({ orderBy: { createdAt: "asc" }, select: { to: true, subject: true, text: true } });
    expect(mails.map((m) => m.to)).toEqual(["fresh@example.test", "taken@example.test"]);
    expect(mails[0]!.subject).toContain("欢迎");
    expect(mails[1]!.subject).toContain("尝试用您的邮箱注册");
    expect(mails[1]!.text).toContain("/forgot-password");
    expect(mails[1]!.text).toContain(`/sign-in?next=${encodeURIComponent("/checkout")}`);
    // Both attempts leave one audit row; the taken one names no actor.
    const rows = await db.auditLog.findMany({ where: { action: "auth.sign-up" }, orderBy: { createdAt: "asc" }, select: { actorId: true, metadata: true } });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actorId: null, metadata: { emailTaken: true } });
  });

  // The same work, shown by what is done rather than by a stopwatch (a timed test flakes on a shared machine): a taken
  // email hashes the password too, and answers only once the hash is done, so the bcrypt time (~0.1–0.3 s, most of
  // the request) is in both answers.
  test("the same work: both hash the password, and answer after the hash", async () => {
    for (const email of ["timing-fresh@example.test", "taken@example.test"]) {
      hashes.started.length = 0;
      hashes.finished = 0;
      await signUpAction(undefined, form(email));
      expect(hashes.started, email).toEqual(["a-Valid-password-9"]);
      expect(hashes.finished, email).toBe(1);
    }
  });
});
