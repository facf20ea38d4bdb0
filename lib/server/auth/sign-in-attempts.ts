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
// Later than any turn the gate will hand out (a PostgreSQL BIGINT's largest value).
const LAST_TURN = 9_223_372_036_854_775_807n;

export interface RecordedAttempt {
  id: string;
  at: Date;
  /** Its place in commit order: every attempt with a smaller turn had committed before this one was inserted. */
  turn: bigint;
}

/**
 * Writes the attempt as a failure (the password is not yet known to be right) and commits it, in one statement
 * that first takes the next turn from the single SignInGate row. Taking the turn locks that row until this
 * statement commits, so the next attempt's turn is handed out only after this attempt is visible: counting
 * "failures with a smaller turn" (failuresBefore) never misses one still in flight. The lock is held for
 * one short insert; sign-in is bound by bcrypt, not by this. The time is the database's clock at the insert.
 */
export async function recordAttempt(db: Db, email: string, ip: string): Promise<RecordedAttempt> {
  const id = randomUUID();
  const rows = await db.$queryRaw<{ createdAt: Date; turn: bigint }[]>`
    WITH gate AS (
      INSERT INTO "SignInGate" ("id", "turn") VALUES (1, 1)
      ON CONFLICT ("id") DO UPDATE SET "turn" = "SignInGate"."turn" + 1
      RETURNING "turn"
    )
    INSERT INTO "LoginAttempt" ("id", "email", "ip", "success", "createdAt", "turn")
    SELECT ${id}, ${email}, ${ip}, false, clock_timestamp() AT TIME ZONE 'UTC', gate."turn" FROM gate
    RETURNING "createdAt", "turn"`;
  const row = rows[0];
  if (!row) throw new Error("LoginAttempt insert returned no row");
  return { id, at: row.createdAt, turn: BigInt(row.turn) };
}

/**
 * Failure times before `attempt` (in turn order) since the last success, per key. Read after the attempt is
 * committed, so of any number of concurrent attempts the n-th one sees the n-1 before it: only the first
 * `maxFailures` go on to a password check. (One INSERT … RETURNING with a count cannot do this: its snapshot is
 * taken before concurrent attempts commit, so all thirty would count themselves first.)
 */
async function failuresBefore(db: Db, where: { email: string } | { ip: string }, attempt: RecordedAttempt): Promise<number[]> {
  const rows = await db.loginAttempt.findMany({
    where: { ...where, createdAt: { gte: new Date(attempt.at.getTime() - LOOKBACK_MS) }, turn: { lt: attempt.turn } },
    orderBy: [{ turn: "desc" }, { createdAt: "desc" }],
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
  // 1 ms later and after every turn: every attempt up to and including `now` counts.
  const decision = await decideAttempt(db, email, ip, { id: "", at: new Date(now.getTime() + 1), turn: LAST_TURN });
  return decision.allowed ? decision : { allowed: false, retryAfterMs: decision.retryAfterMs + 1 };
}
