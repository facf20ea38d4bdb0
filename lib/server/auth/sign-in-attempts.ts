import "server-only";
// Counting sign-in attempts so that a burst cannot beat the limit: every attempt is written first, then
// counted, and only then may the password be checked. Each step is one autocommitted statement (no
// transaction), so thirty attempts at once cost thirty short statements, never thirty held connections.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { UNKNOWN_ADDRESS } from "@/lib/domain/client-ip";
import { ACCOUNT_POLICY, IP_POLICY, throttleDecision, type ThrottleDecision } from "@/lib/domain/throttle";

const LOOKBACK_MS = Math.max(ACCOUNT_POLICY.windowMs, IP_POLICY.windowMs);
// More rows than either limit can use; bounds the read under a long burst.
const MAX_ROWS = 100;

export interface RecordedAttempt {
  id: string;
  at: Date;
}

/**
 * Writes the attempt as a failure (the password is not yet known to be right) and commits it. The time is
 * the database's clock at the insert, so attempts are ordered as PostgreSQL saw them, not as the app queued them.
 */
export async function recordAttempt(db: Db, email: string, ip: string): Promise<RecordedAttempt> {
  const id = randomUUID();
  const rows = await db.$queryRaw<{ createdAt: Date }[]>`
    INSERT INTO "LoginAttempt" ("id", "email", "ip", "success", "createdAt")
    VALUES (${id}, ${email}, ${ip}, false, clock_timestamp() AT TIME ZONE 'UTC')
    RETURNING "createdAt"`;
  const at = rows[0]?.createdAt;
  if (!at) throw new Error("LoginAttempt insert returned no row");
  return { id, at };
}

/**
 * Failure times before `attempt` (in the order PostgreSQL recorded them) since the last success, per key.
 * Read after the attempt is committed, so of any number of concurrent attempts the n-th one sees the n-1
 * before it: only the first `maxFailures` go on to a password check. (One statement cannot do this: an
 * INSERT … RETURNING with a count reads a snapshot taken before concurrent attempts commit, so all thirty
 * would count themselves first. The one gap left: an insert that took its clock time but has not committed
 * when a later one counts, microseconds inside PostgreSQL; 25 × 30-attempt bursts gave exactly 5 each.)
 */
async function failuresBefore(db: Db, where: { email: string } | { ip: string }, attempt: RecordedAttempt): Promise<number[]> {
  const rows = await db.loginAttempt.findMany({
    where: {
      ...where,
      createdAt: { gte: new Date(attempt.at.getTime() - LOOKBACK_MS) },
      OR: [{ createdAt: { lt: attempt.at } }, { createdAt: attempt.at, id: { lt: attempt.id } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_ROWS,
    select: { success: true, createdAt: true },
  });
  const failures: number[] = [];
  for (const r of rows) {
    if (r.success) break;
    failures.push(r.createdAt.getTime());
  }
  return failures;
}

/** The longer of two waits; allowed only when both allow. */
export function strictest(a: ThrottleDecision, b: ThrottleDecision): ThrottleDecision {
  if (a.allowed && b.allowed) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(a.allowed ? 0 : a.retryAfterMs, b.allowed ? 0 : b.retryAfterMs) };
}

/** Whether the recorded attempt is within the account and address limits, counted at its own time. */
export async function decideAttempt(db: Db, email: string, ip: string, attempt: RecordedAttempt): Promise<ThrottleDecision> {
  const now = attempt.at.getTime();
  // An unknown address (no trusted proxy told us) is not one client: only the account limit applies.
  const [byAccount, byIp] = await Promise.all([
    failuresBefore(db, { email }, attempt),
    ip === UNKNOWN_ADDRESS ? Promise.resolve([]) : failuresBefore(db, { ip }, attempt),
  ]);
  return strictest(throttleDecision(byAccount, now, ACCOUNT_POLICY), ip === UNKNOWN_ADDRESS ? { allowed: true } : throttleDecision(byIp, now, IP_POLICY));
}

/** A throttled attempt is not a failure (as before): it is forgotten, so hammering does not extend the lock. */
export async function forgetAttempt(db: Db, attempt: RecordedAttempt): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { id: attempt.id } });
}

/** The password was right: this attempt becomes the success that ends both failure runs. */
export async function markAttemptSucceeded(db: Db, attempt: RecordedAttempt): Promise<void> {
  await db.loginAttempt.update({ where: { id: attempt.id }, data: { success: true } });
}

/** Read-only look at the limits now (for telling the form how long to wait); records nothing. */
export async function peekThrottle(db: Db, email: string, ip: string, now = new Date()): Promise<ThrottleDecision> {
  // 1 ms later and an id before every real one: every attempt up to and including `now` counts.
  const decision = await decideAttempt(db, email, ip, { id: "", at: new Date(now.getTime() + 1) });
  return decision.allowed ? decision : { allowed: false, retryAfterMs: decision.retryAfterMs + 1 };
}
