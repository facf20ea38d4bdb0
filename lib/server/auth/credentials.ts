import "server-only";
// Checking an email and password: throttled per account and per address (attempts kept in PostgreSQL),
// the same answer and about the same time whether the email is unknown or the password wrong, and every
// outcome recorded in the audit log.
import bcrypt from "bcryptjs";
import { ACCOUNT_POLICY, IP_POLICY, throttleDecision, type ThrottleDecision } from "@/lib/domain/throttle";
import type { Role } from "@/lib/generated/prisma/enums";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";

export const BCRYPT_COST = 10;

// Compared against when the email is unknown, so that case costs the same bcrypt work as a wrong password.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-0", BCRYPT_COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

async function failuresSinceLastSuccess(where: { email: string } | { ip: string }, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - Math.max(ACCOUNT_POLICY.windowMs, IP_POLICY.windowMs));
  const rows = await db.loginAttempt.findMany({
    where: { ...where, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { success: true, createdAt: true },
  });
  const failures: number[] = [];
  for (const r of rows) {
    if (r.success) break;
    failures.push(r.createdAt.getTime());
  }
  return failures;
}

/** Whether this email from this address may try now; the longer wait wins. */
export async function signInThrottle(email: string, ip: string, now = new Date()): Promise<ThrottleDecision> {
  const [byAccount, byIp] = await Promise.all([failuresSinceLastSuccess({ email }, now), failuresSinceLastSuccess({ ip }, now)]);
  const a = throttleDecision(byAccount, now.getTime(), ACCOUNT_POLICY);
  const b = ip === "unknown" ? ({ allowed: true } as const) : throttleDecision(byIp, now.getTime(), IP_POLICY);
  if (a.allowed && b.allowed) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(a.allowed ? 0 : a.retryAfterMs, b.allowed ? 0 : b.retryAfterMs) };
}

export interface VerifiedUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export type VerifyResult = { ok: true; user: VerifiedUser } | { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function verifyCredentials(email: string, password: string, ip: string): Promise<VerifyResult> {
  const throttle = await signInThrottle(email, ip);
  if (!throttle.allowed) {
    await audit(db, { action: "auth.sign-in-throttled", entityType: "User", ip, metadata: { email } });
    return { ok: false, reason: "throttled", retryAfterMs: throttle.retryAfterMs };
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true } });
  const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.passwordHash && matches && !user.disabledAt);
  await db.$transaction([
    db.loginAttempt.create({ data: { email, ip, success: ok } }),
    db.auditLog.create({
      data: { action: ok ? "auth.sign-in" : "auth.sign-in-failed", actorId: ok ? user!.id : null, entityType: "User", entityId: user?.id ?? null, ip, metadata: { email } },
    }),
  ]);
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
