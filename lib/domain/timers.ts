// The server's timers (instrumentation.ts) run in every process, but each job runs once per interval across all
// of them: time is cut into slots of one interval, and a job runs in the process that first claims its next slot
// (lib/server/timers.ts makes the claim one conditional statement in PostgreSQL). Pure: the slot arithmetic and
// the claiming rule, which the SQL applies atomically.

/** Everything the timer does, in the order it starts them. */
export const TIMER_JOBS = ["calendar", "reservations", "certificates", "deliveries", "digests", "mail"] as const;
export type TimerJob = (typeof TIMER_JOBS)[number];

/** The slot a moment falls in: slot n covers [n × interval, (n + 1) × interval) of Unix time in ms. */
export function timerSlot(nowMs: number, intervalMs: number): number {
  if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0) throw new RangeError(`interval must be a positive whole number of ms, got ${intervalMs}`);
  return Math.floor(nowMs / intervalMs);
}

/**
 * Whether a job last claimed for `lastClaimed` (null: never) may be claimed for `slot`: only for a later slot. A
 * process whose clock runs behind another's asks for an earlier slot than the one already claimed and is refused,
 * so a skewed clock can make a job skip a slot but never run twice in one.
 */
export function mayClaim(lastClaimed: number | null, slot: number): boolean {
  return lastClaimed === null || lastClaimed < slot;
}

const LEASE_PREFIX = "timer.";

/** The Setting row remembering a job's last claimed slot. */
export function timerLeaseKey(job: TimerJob): string {
  return `${LEASE_PREFIX}${job}`;
}

/** The job a lease row belongs to, or null for any other Setting key. */
export function jobOfLeaseKey(key: string): TimerJob | null {
  const job = key.startsWith(LEASE_PREFIX) ? key.slice(LEASE_PREFIX.length) : "";
  return (TIMER_JOBS as readonly string[]).includes(job) ? (job as TimerJob) : null;
}
