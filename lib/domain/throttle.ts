// Sign-in throttling: after too many failures in a window, an account (or an address) must wait.
// Pure: the caller counts recent failures; this decides.

export interface ThrottlePolicy {
  /** Failures allowed within the window before the lock applies. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
// One address may try more accounts (an office behind one NAT), but not without limit.
export const IP_POLICY: ThrottlePolicy = { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * `failures` are the times (ms) of failed attempts since the last success, in any order.
 * Locked while at least `maxFailures` of them are within the window and the newest is younger than lockMs; the
 * wait told is exact: until the earlier of the limit-reaching failure leaving the window and the lock passing.
 */
export function throttleDecision(failures: readonly number[], now: number, policy: ThrottlePolicy): ThrottleDecision {
  const recent = failures.filter((t) => now - t < policy.windowMs).sort((a, b) => a - b);
  if (recent.length < policy.maxFailures) return { allowed: true };
  const newest = recent[recent.length - 1]!;
  const leavesWindow = recent[recent.length - policy.maxFailures]! + policy.windowMs;
  const retryAfterMs = Math.min(leavesWindow, newest + policy.lockMs) - now;
  return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true };
}

/** Whole minutes to tell a person, never "0 minutes". */
export function minutesToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
