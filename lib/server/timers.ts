import "server-only";
// The server's timer (instrumentation.ts): every process ticks once per RESERVATION_SWEEP_MS, and each job runs in
// one process per interval, however many are running: the first process to tick in an interval claims the job's
// slot (lib/domain/timers.ts), the others find it taken and skip it.
//
// Why a lease row and not an advisory lock: pg_try_advisory_xact_lock only keeps two ticks from overlapping, not
// the second process from running the job again a moment after the first finished in the same interval; and it
// would have to be held by a transaction spanning the whole job, which with Prisma's pool pins a connection for
// the job's length (the job's own statements use other connections and their own transactions), and on the
// embedded PGlite (one connection) would wait on itself. A session-level pg_advisory_lock is worse still: the
// pool (or PgBouncer in transaction mode) may unlock on another connection than the one that locked. The lease is
// one autocommitted INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING: PostgreSQL locks the row while it decides,
// so of any number of processes exactly one sees its claim returned, on any connection, through PgBouncer and on
// PGlite alike. The rows live in Setting ("timer.<job>" → {"slot": n}) beside "monitoring.lastRun".
import type { Db } from "@/lib/db/client";
import { jobOfLeaseKey, TIMER_JOBS, timerLeaseKey, timerSlot, type TimerJob } from "@/lib/domain/timers";
import { Prisma } from "@/lib/generated/prisma/client";
import { expireCertificates } from "@/lib/server/listings/expiry";
import { log } from "@/lib/server/log";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { sendDailyDigests } from "@/lib/server/mail/digest";
import { sweepDueDeliveries } from "@/lib/server/orders/delivery";
import { sweepExpiredReservations } from "@/lib/server/orders/sweep";
import { runCalendarJobs } from "@/lib/server/schedule";

const JOBS: Record<TimerJob, { run: (db: Db) => Promise<unknown>; failed: string }> = {
  // Once a day the 防返贫 rules, once a month last month's settlement statements (lib/server/schedule.ts).
  calendar: { run: (db) => runCalendarJobs(db), failed: "calendar jobs failed" },
  // Unpaid orders give their stock back even when nobody visits (pages never sweep: no writes while rendering).
  reservations: { run: (db) => sweepExpiredReservations(db), failed: "reservation sweep failed" },
  // Records certificates that ran out (what sells already checks the date itself).
  certificates: { run: (db) => expireCertificates(db), failed: "certificate expiry sweep failed" },
  // Parcels shipped more than 15 days ago and not confirmed by their buyer count as delivered.
  deliveries: { run: (db) => sweepDueDeliveries(db), failed: "auto-delivery sweep failed" },
  // Cooperative managers' digest of paid parcels to pack: once per Beijing day from 08:00 (cheap once sent).
  digests: { run: (db) => sendDailyDigests(db), failed: "coop digest failed" },
  // Mail in the outbox goes out over SMTP (retries with backoff); with no SMTP_URL it stays at /dev/outbox.
  mail: { run: (db) => deliverOutbox(db), failed: "mail delivery failed" },
};

/** Claims `slot` for each of `jobs` that nobody claimed it (or a later one) for; returns the jobs this call won. */
export async function claimTimerSlot(db: Db, jobs: readonly TimerJob[], slot: number): Promise<TimerJob[]> {
  if (jobs.length === 0) return [];
  const value = JSON.stringify({ slot });
  // The WHERE is mayClaim (lib/domain/timers.ts): only a later slot replaces the one stored.
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "Setting" ("key", "value", "updatedAt")
    VALUES ${Prisma.join(jobs.map((job) => Prisma.sql`(${timerLeaseKey(job)}, ${value}::jsonb, clock_timestamp() AT TIME ZONE 'UTC')`))}
    ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"
    WHERE COALESCE(("Setting"."value" ->> 'slot')::bigint, -1) < (EXCLUDED."value" ->> 'slot')::bigint
    RETURNING "key"`;
  return rows.flatMap((r) => jobOfLeaseKey(r.key) ?? []);
}

/**
 * One tick of this process's timer: claims the current slot, then runs the jobs it won, side by side. A job that
 * fails is logged and tried again in a later slot (each is idempotent). Returns the jobs it ran.
 */
export async function runTimerTick(db: Db, intervalMs: number, now = Date.now()): Promise<TimerJob[]> {
  const slot = timerSlot(now, intervalMs);
  let won: TimerJob[];
  try {
    won = await claimTimerSlot(db, TIMER_JOBS, slot);
  } catch (error) {
    log.error({ err: error, slot }, "timer lease failed");
    return [];
  }
  log.debug({ slot, jobs: won }, "timer tick");
  await Promise.all(won.map((job) => JOBS[job].run(db).catch((error: unknown) => log.error({ err: error, job }, JOBS[job].failed))));
  return won;
}
