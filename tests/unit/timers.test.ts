// The timers' slots and claiming rule (lib/domain/timers.ts): each job once per interval across processes.
import { describe, expect, test } from "vitest";
import { jobOfLeaseKey, mayClaim, TIMER_JOBS, timerLeaseKey, timerSlot } from "@/lib/domain/timers";

const MINUTE = 60_000;
const T = Date.UTC(2026, 10, 30, 9, 0, 0); // a whole minute

describe("timerSlot", () => {
  test.each([
    { why: "the first ms of a slot", now: T, interval: MINUTE, slot: T / MINUTE },
    { why: "the last ms of the same slot", now: T + MINUTE - 1, interval: MINUTE, slot: T / MINUTE },
    { why: "one ms later: the next slot", now: T + MINUTE, interval: MINUTE, slot: T / MINUTE + 1 },
    { why: "a one-second interval", now: T + 2_500, interval: 1_000, slot: T / 1_000 + 2 },
    { why: "an interval that does not divide a minute", now: 7_000, interval: 3_000, slot: 2 },
    { why: "the epoch", now: 0, interval: MINUTE, slot: 0 },
  ])("$why", ({ now, interval, slot }) => {
    expect(timerSlot(now, interval)).toBe(slot);
  });

  test("two processes ticking at different moments of one interval ask for the same slot", () => {
    expect(timerSlot(T + 10, MINUTE)).toBe(timerSlot(T + 59_990, MINUTE));
  });

  test.each([0, -1_000, 1.5, Number.NaN])("an interval of %s is refused", (interval) => {
    expect(() => timerSlot(T, interval)).toThrow(RangeError);
  });
});

describe("mayClaim", () => {
  test.each([
    { why: "never claimed", last: null, slot: 5, may: true },
    { why: "a later slot", last: 4, slot: 5, may: true },
    { why: "a slot several intervals later (nobody ticked meanwhile)", last: 1, slot: 5, may: true },
    { why: "the slot another process already claimed", last: 5, slot: 5, may: false },
    { why: "an earlier slot (this clock runs behind)", last: 6, slot: 5, may: false },
  ])("$why → $may", ({ last, slot, may }) => {
    expect(mayClaim(last, slot)).toBe(may);
  });
});

describe("lease keys", () => {
  test.each(TIMER_JOBS.map((job) => [job]))("%s round-trips", (job) => {
    expect(timerLeaseKey(job)).toBe(`timer.${job}`);
    expect(jobOfLeaseKey(timerLeaseKey(job))).toBe(job);
  });

  test.each(["monitoring.lastRun", "timer.", "timer.unknown", "reservations"])("%s is no job's lease", (key) => {
    expect(jobOfLeaseKey(key)).toBeNull();
  });
});
