// The timer's lease (lib/server/timers.ts) on a real database: each job's slot is won by exactly one claim, however
// many processes tick in the same interval at once; an earlier slot (a clock behind) is refused; the next slot is
// open again. On PostgreSQL two Prisma clients with their own pools stand for two server processes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db, type OpenedDatabase } from "@/lib/db/client";
import { TIMER_JOBS, timerLeaseKey, timerSlot, type TimerJob } from "@/lib/domain/timers";
import { claimTimerSlot, runTimerTick } from "@/lib/server/timers";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: Db;
let second: OpenedDatabase | null = null;
/** The other "process": its own client and pool on PostgreSQL; the same client on the embedded database. */
let other: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_timers");
  db = t.db;
  second = t.target.kind === "postgres" ? openDatabase(t.target) : null;
  other = second?.db ?? db;
});

afterAll(async () => {
  await second?.close();
  await t?.drop();
});

const sorted = (jobs: TimerJob[]) => [...jobs].sort();

describe("claimTimerSlot", () => {
  test("a slot is won once per job; an earlier one is refused; the next one is open", async () => {
    expect(sorted(await claimTimerSlot(db, TIMER_JOBS, 1_000))).toEqual(sorted([...TIMER_JOBS]));
    expect(await claimTimerSlot(other, TIMER_JOBS, 1_000)).toEqual([]);
    expect(await claimTimerSlot(other, TIMER_JOBS, 999)).toEqual([]);
    expect(sorted(await claimTimerSlot(other, TIMER_JOBS, 1_001))).toEqual(sorted([...TIMER_JOBS]));
    const row = await db.setting.findUniqueOrThrow({ where: { key: timerLeaseKey("reservations") } });
    expect(row.value).toEqual({ slot: 1_001 });
  });

  test("jobs are claimed each on its own: a job nobody claimed yet is open in a slot others took", async () => {
    expect(await claimTimerSlot(db, ["mail"], 2_000)).toEqual(["mail"]);
    expect(sorted(await claimTimerSlot(other, TIMER_JOBS, 2_000))).toEqual(sorted(TIMER_JOBS.filter((j) => j !== "mail")));
  });

  test("twenty claims of one slot at the same instant from two processes: each job won exactly once", async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => claimTimerSlot(i % 2 ? other : db, TIMER_JOBS, 3_000)));
    const won = claims.flat();
    expect(sorted(won)).toEqual(sorted([...TIMER_JOBS]));
  });

  test("other settings are left alone", async () => {
    await db.setting.create({ data: { key: "monitoring.lastRun", value: { at: "2026-11-30" } } });
    await claimTimerSlot(db, TIMER_JOBS, 4_000);
    expect((await db.setting.findUniqueOrThrow({ where: { key: "monitoring.lastRun" } })).value).toEqual({ at: "2026-11-30" });
  });
});

describe("runTimerTick", () => {
  test("two processes ticking in one interval run each job once between them; the next interval runs them again", async () => {
    const interval = 60_000;
    const start = (timerSlot(Date.now(), interval) + 10) * interval; // a slot no test above claimed
    const [a, b] = await Promise.all([runTimerTick(db, interval, start + 5), runTimerTick(other, interval, start + 40_000)]);
    expect(sorted([...a, ...b])).toEqual(sorted([...TIMER_JOBS]));
    expect(a.filter((job) => b.includes(job))).toEqual([]);
    expect(sorted(await runTimerTick(other, interval, start + interval))).toEqual(sorted([...TIMER_JOBS]));
  });
});
