// Sign-in throttles under a burst, on a real database: thirty attempts sent at the same instant through the
// check the Credentials provider (and so the sign-in form) uses get exactly as many password checks as the
// limit allows, the rest are told the translated wait, and none fails for want of a connection.
import bcrypt from "bcryptjs";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_POLICY, IP_POLICY, minutesToWait } from "@/lib/domain/throttle";
import { translator } from "@/lib/i18n/translate";
import { hashPassword, verifyCredentialsIn, type VerifyResult } from "@/lib/server/auth/credentials";
import { peekThrottle } from "@/lib/server/auth/sign-in-attempts";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: Db;
const PASSWORD = "correct horse battery";
let passwordHash: string;

beforeAll(async () => {
  t = await createTestDatabase("shop_throttle_burst");
  db = t.db;
  passwordHash = await hashPassword(PASSWORD);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await t?.drop();
});

let n = 0;
async function newUser(): Promise<string> {
  const email = `burst-${++n}-${Date.now()}@example.cn`;
  await db.user.create({ data: { email, name: "Burst", passwordHash } });
  return email;
}

/** Counts password checks (bcrypt comparisons) made while `run` runs. */
async function countingChecks<T>(run: () => Promise<T>): Promise<{ result: T; checks: number }> {
  const compare = vi.spyOn(bcrypt, "compare");
  const before = compare.mock.calls.length;
  const result = await run();
  return { result, checks: compare.mock.calls.length - before };
}

function tally(results: PromiseSettledResult<VerifyResult>[]) {
  const rejected = results.filter((r) => r.status === "rejected").map((r) => String(r.reason));
  const values = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const throttled = values.flatMap((v) => (!v.ok && v.reason === "throttled" ? [v] : []));
  return { rejected, values, throttled, invalid: values.filter((v) => !v.ok && v.reason === "invalid").length };
}

const en = translator("en");

describe("a burst on one account", () => {
  test.each([1, 2, 3])("30 wrong passwords at once: exactly 5 password checks, 25 told to wait (run %i)", async () => {
    const email = await newUser();
    const { result, checks } = await countingChecks(() =>
      Promise.allSettled(Array.from({ length: 30 }, (_, i) => verifyCredentialsIn(db, email, `wrong-${i}`, `198.51.100.${i + 1}`))),
    );
    const { rejected, throttled, invalid } = tally(result);
    expect(rejected).toEqual([]);
    expect(checks).toBe(ACCOUNT_POLICY.maxFailures);
    expect(invalid).toBe(ACCOUNT_POLICY.maxFailures);
    expect(throttled).toHaveLength(30 - ACCOUNT_POLICY.maxFailures);
    for (const r of throttled) {
      if (r.ok || r.reason !== "throttled") throw new Error("expected throttled");
      expect(en("auth.errors.throttled", { minutes: minutesToWait(r.retryAfterMs) })).toBe("Too many attempts. Please try again in 15 minutes.");
    }
    // Throttled attempts are not failures (hammering does not stretch the lock); the 5 checked ones are.
    expect(await db.loginAttempt.count({ where: { email } })).toBe(ACCOUNT_POLICY.maxFailures);
    expect(await db.auditLog.count({ where: { action: "auth.sign-in-throttled", metadata: { path: ["email"], equals: email } } })).toBe(25);
    // The right password is refused too while locked, without a check.
    const { result: locked, checks: lockedChecks } = await countingChecks(() => verifyCredentialsIn(db, email, PASSWORD, "198.51.100.200"));
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(lockedChecks).toBe(0);
    expect((await peekThrottle(db, email, "198.51.100.200")).allowed).toBe(false);
  });

  test("30 right passwords at once: no more than 5 checks, at least one signs in, and the success clears the failures", async () => {
    const email = await newUser();
    const { result, checks } = await countingChecks(() =>
      Promise.allSettled(Array.from({ length: 30 }, () => verifyCredentialsIn(db, email, PASSWORD, "198.51.100.77"))),
    );
    const { rejected, values } = tally(result);
    expect(rejected).toEqual([]);
    expect(checks).toBeGreaterThanOrEqual(1);
    expect(checks).toBeLessThanOrEqual(ACCOUNT_POLICY.maxFailures);
    expect(values.filter((v) => v.ok).length).toBe(checks);
    expect((await peekThrottle(db, email, "198.51.100.77")).allowed).toBe(true);
  });
});

describe("a success resets the count (as before)", () => {
  test("4 failures, a success, then 5 more failures are checked before the lock", async () => {
    const email = await newUser();
    const ip = "198.51.100.90";
    for (let i = 0; i < ACCOUNT_POLICY.maxFailures - 1; i++) expect(await verifyCredentialsIn(db, email, "wrong", ip)).toEqual({ ok: false, reason: "invalid" });
    expect((await verifyCredentialsIn(db, email, PASSWORD, ip)).ok).toBe(true);
    const { result, checks } = await countingChecks(() => Promise.all(Array.from({ length: 8 }, () => verifyCredentialsIn(db, email, "wrong", ip))));
    expect(checks).toBe(ACCOUNT_POLICY.maxFailures);
    expect(result.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(8 - ACCOUNT_POLICY.maxFailures);
  });
});

describe("a burst from one address", () => {
  test("30 accounts at once from one address: exactly 20 checks", async () => {
    const emails = await Promise.all(Array.from({ length: 30 }, () => newUser()));
    const { result, checks } = await countingChecks(() => Promise.allSettled(emails.map((email) => verifyCredentialsIn(db, email, "wrong", "203.0.113.50"))));
    const { rejected, throttled } = tally(result);
    expect(rejected).toEqual([]);
    expect(checks).toBe(IP_POLICY.maxFailures);
    expect(throttled).toHaveLength(30 - IP_POLICY.maxFailures);
  });

  test("an unknown address (no trusted proxy) is not one client: only the account limit applies", async () => {
    const emails = await Promise.all(Array.from({ length: 25 }, () => newUser()));
    const { result, checks } = await countingChecks(() => Promise.allSettled(emails.map((email) => verifyCredentialsIn(db, email, "wrong", "unknown"))));
    expect(tally(result).rejected).toEqual([]);
    expect(checks).toBe(25);
  });
});
