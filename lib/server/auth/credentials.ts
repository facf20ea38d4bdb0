import "server-only";
// Checking an email and password: throttled per account and per address (attempts counted in PostgreSQL
// before any password is checked, lib/server/auth/sign-in-attempts.ts), the same answer and about the same
// time whether the email is unknown or the password wrong, and every outcome recorded in the audit log.
import bcrypt from "bcryptjs";
import type { Db } from "@/lib/db/client";
import type { ThrottleDecision } from "@/lib/domain/throttle";
import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { decideAttempt, forgetAttempt, markAttemptSucceeded, peekThrottle, recordAttempt } from "./sign-in-attempts";

export const BCRYPT_COST = 10;

// Compared against when the email is unknown, so that case costs the same bcrypt work as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-0", BCRYPT_COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Whether this email from this address may try now (the longer wait wins); records nothing. */
export function signInThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleDecision> {
  return peekThrottle(db, email, ip, now);
}

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export type VerifyResult = { ok: true; user: VerifiedUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMs: number };

/** The check behind the Credentials provider (and so the sign-in form), on the given database. */
export async function verifyCredentialsIn(database: Db, email: string, password: string, ip: string): Promise<VerifyResult> {
  // Count first: the attempt is committed before it is judged, so concurrent attempts see each other.
  const attempt = await recordAttempt(database, email, ip);
  const throttle = await decideAttempt(database, email, ip, attempt);
  if (!throttle.allowed) {
    await Promise.all([forgetAttempt(database, attempt), audit(database, { action: "auth.sign-in-throttled", entityType: "User", ip, metadata: { email } })]);
    return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
  }
  const user = await database.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.passwordHash && matches && !user.disabledAt);
  // The attempt already stands as a failure; a success is marked on it, and on the user (last sign-in, for the
  // admins' list of users). Single statements, no transaction.
  await Promise.all([
    ok ? markAttemptSucceeded(database, attempt) : Promise.resolve(),
    ok ? database.user.update({ where: { id: user!.id }, data: { lastSignInAt: new Date() }, select: { id: true } }) : Promise.resolve(),
    audit(database, { action: ok ? "auth.sign-in" : "auth.sign-in-failed", actorId: ok ? user!.id : null, entityType: "User", entityId: user?.id ?? null, ip, metadata: { email } }),
  ]);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

export function verifyCredentials(email: string, password: string, ip: string): Promise<VerifyResult> {
  return verifyCredentialsIn(db, email, password, ip);
}
