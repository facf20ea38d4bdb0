import { describe, expect, test } from "vitest";
import { ACCOUNT_POLICY, IP_POLICY, minutesToWait, throttleDecision, type ThrottlePolicy } from "@/lib/domain/throttle";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const NOW = Date.UTC(2025, 9, 1, 9, 0, 0);

/** Failure times this many ms before NOW, given oldest first. */
const ago = (...ms: number[]) => ms.map((d) => NOW - d);
/** `count` failures one second apart, the newest `newestAgo` ms before NOW. */
const burst = (count: number, newestAgo: number) => Array.from({ length: count }, (_, i) => NOW - newestAgo - (count - 1 - i) * SECOND);
/** `count` failures at the same instant, `atAgo` ms before NOW (e.g. a script's parallel attempts). */
const together = (count: number, atAgo: number) => Array.from({ length: count }, () => NOW - atAgo);

describe("policies", () => {
  test.each([
    ["ACCOUNT_POLICY", ACCOUNT_POLICY, { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }],
    ["IP_POLICY", IP_POLICY, { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE }],
  ] as const)("%s is %o", (_name, policy, expected) => {
    expect(policy).toEqual(expected);
  });
});

describe("throttleDecision", () => {
  test.each([
    { why: "no failures", policy: ACCOUNT_POLICY, failures: [] as number[], retryAfterMs: null as number | null },
    { why: "4 recent failures: below the limit", policy: ACCOUNT_POLICY, failures: burst(4, 0), retryAfterMs: null },
    { why: "5 failures a second apart, the newest just now: locked until the oldest of them leaves the window", policy: ACCOUNT_POLICY, failures: burst(5, 0), retryAfterMs: 15 * MINUTE - 4 * SECOND },
    {
      why: "5 failures, the newest 2 minutes ago",
      policy: ACCOUNT_POLICY,
      failures: ago(10 * MINUTE, 8 * MINUTE, 6 * MINUTE, 4 * MINUTE, 2 * MINUTE),
      retryAfterMs: 5 * MINUTE,
    },
    { why: "6 failures: counted from the 5th newest", policy: ACCOUNT_POLICY, failures: burst(6, 30 * SECOND), retryAfterMs: 15 * MINUTE - 34 * SECOND },
    {
      why: "5 failures but the oldest exactly one window ago: it no longer counts",
      policy: ACCOUNT_POLICY,
      failures: ago(15 * MINUTE, 4 * MINUTE, 3 * MINUTE, 2 * MINUTE, 1 * MINUTE),
      retryAfterMs: null,
    },
    {
      why: "5 failures, the oldest 1 ms inside the window: it counts",
      policy: ACCOUNT_POLICY,
      failures: ago(15 * MINUTE - 1, 4 * MINUTE, 3 * MINUTE, 2 * MINUTE, 1 * MINUTE),
      retryAfterMs: 1,
    },
    {
      why: "many old failures and 4 recent ones: the old ones are ignored",
      policy: ACCOUNT_POLICY,
      failures: [...ago(60 * MINUTE, 50 * MINUTE, 40 * MINUTE, 30 * MINUTE, 20 * MINUTE, 16 * MINUTE), ...burst(4, 0)],
      retryAfterMs: null,
    },
    { why: "5 failures all older than the window", policy: ACCOUNT_POLICY, failures: burst(5, 15 * MINUTE), retryAfterMs: null },
    { why: "5 failures, the newest 1 ms younger than the lock", policy: ACCOUNT_POLICY, failures: together(5, 15 * MINUTE - 1), retryAfterMs: 1 },
    { why: "IP: 5 failures, enough to lock an account, not an address", policy: IP_POLICY, failures: burst(5, 0), retryAfterMs: null },
    { why: "IP: 19 failures: below the limit", policy: IP_POLICY, failures: burst(19, 0), retryAfterMs: null },
    { why: "IP: 20 failures: locked", policy: IP_POLICY, failures: burst(20, 5 * MINUTE), retryAfterMs: 10 * MINUTE - 19 * SECOND },
    { why: "IP: 25 failures: locked until the 20th newest leaves the window", policy: IP_POLICY, failures: burst(25, 1 * MINUTE), retryAfterMs: 14 * MINUTE - 19 * SECOND },
    {
      why: "IP: 20 failures, one just outside the window",
      policy: IP_POLICY,
      failures: [NOW - 15 * MINUTE, ...burst(19, 0)],
      retryAfterMs: null,
    },
  ])("$why", ({ policy, failures, retryAfterMs }) => {
    expect(throttleDecision(failures, NOW, policy)).toEqual(retryAfterMs === null ? { allowed: true } : { allowed: false, retryAfterMs });
  });

  test.each([
    ["ACCOUNT_POLICY", ACCOUNT_POLICY],
    ["IP_POLICY", IP_POLICY],
  ] as const)("%s: locked exactly from the limit-th failure", (_name, policy) => {
    for (let n = 0; n <= policy.maxFailures + 2; n++) {
      expect(throttleDecision(burst(n, 0), NOW, policy).allowed, `${n} failures`).toBe(n < policy.maxFailures);
    }
  });

  test("the order of the timestamps does not matter, and the input is not changed", () => {
    const ordered = ago(12 * MINUTE, 9 * MINUTE, 7 * MINUTE, 3 * MINUTE, 1 * MINUTE);
    const shuffled = Object.freeze([ordered[3]!, ordered[0]!, ordered[4]!, ordered[2]!, ordered[1]!]);
    const reversed = Object.freeze([...ordered].reverse());
    const expected = { allowed: false, retryAfterMs: 3 * MINUTE };
    expect(throttleDecision(ordered, NOW, ACCOUNT_POLICY)).toEqual(expected);
    expect(throttleDecision(shuffled, NOW, ACCOUNT_POLICY)).toEqual(expected);
    expect(throttleDecision(reversed, NOW, ACCOUNT_POLICY)).toEqual(expected);
    expect(shuffled).toEqual([ordered[3], ordered[0], ordered[4], ordered[2], ordered[1]]);
  });

  test("unordered input with old failures mixed in: the wait ends when the 5th newest recent one leaves the window", () => {
    const failures = [NOW - 2 * MINUTE, NOW - 40 * MINUTE, NOW - 5 * MINUTE, NOW - 20 * MINUTE, NOW - 30 * SECOND, NOW - 8 * MINUTE, NOW - 6 * MINUTE];
    expect(throttleDecision(failures, NOW, ACCOUNT_POLICY)).toEqual({ allowed: false, retryAfterMs: 15 * MINUTE - 8 * MINUTE });
  });

  test.each([
    ["ACCOUNT_POLICY", ACCOUNT_POLICY, 5],
    ["IP_POLICY", IP_POLICY, 20],
  ] as const)("%s: failures at one instant unlock exactly after retryAfterMs, not 1 ms before", (_name, policy, count) => {
    const failures = together(count, 3 * MINUTE);
    const d = throttleDecision(failures, NOW, policy);
    if (d.allowed) throw new Error("expected a lock");
    expect(d.retryAfterMs).toBe(12 * MINUTE);
    expect(throttleDecision(failures, NOW + d.retryAfterMs - 1, policy)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(throttleDecision(failures, NOW + d.retryAfterMs, policy)).toEqual({ allowed: true });
  });

  test("the lock counts down as time passes (failures at one instant)", () => {
    const failures = together(5, 0);
    for (const later of [0, 1, MINUTE, 7 * MINUTE + 30 * SECOND, 15 * MINUTE - 1]) {
      expect(throttleDecision(failures, NOW + later, ACCOUNT_POLICY)).toEqual({ allowed: false, retryAfterMs: 15 * MINUTE - later });
    }
    expect(throttleDecision(failures, NOW + 15 * MINUTE, ACCOUNT_POLICY)).toEqual({ allowed: true });
    expect(throttleDecision(failures, NOW + 60 * MINUTE, ACCOUNT_POLICY)).toEqual({ allowed: true });
  });

  test("a lock longer than the window: allowed once the failures leave the window", () => {
    const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 10 * MINUTE, lockMs: 60 * MINUTE };
    const failures = burst(3, 0);
    // Told the truth: the failures leave the window in 10 minutes, before the 60-minute lock would end.
    expect(throttleDecision(failures, NOW, policy)).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE - 2 * SECOND });
    expect(throttleDecision(failures, NOW + 10 * MINUTE - 2 * SECOND, policy)).toEqual({ allowed: true });
  });

  test("a lock shorter than the window: allowed once the lock has passed", () => {
    const policy: ThrottlePolicy = { maxFailures: 3, windowMs: 60 * MINUTE, lockMs: 5 * MINUTE };
    const failures = burst(3, 0);
    expect(throttleDecision(failures, NOW + 5 * MINUTE - 1, policy)).toEqual({ allowed: false, retryAfterMs: 1 });
    expect(throttleDecision(failures, NOW + 5 * MINUTE, policy)).toEqual({ allowed: true });
  });

  // Found by these tests and fixed: the wait told was counted from the newest failure, while the lock really
  // ends when the maxFailures-th newest failure leaves the window, so people were told to wait too long.
  test.each([
    { why: "failures one minute apart: off by 4 minutes", spacing: MINUTE },
    { why: "failures one second apart: off by 4 seconds", spacing: SECOND },
  ])("still locked 1 ms before now + retryAfterMs, free at it ($why)", ({ spacing }) => {
    const failures = Array.from({ length: 5 }, (_, i) => NOW - 10 * MINUTE + i * spacing);
    const d = throttleDecision(failures, NOW, ACCOUNT_POLICY);
    if (d.allowed) throw new Error("expected a lock");
    expect(throttleDecision(failures, NOW + d.retryAfterMs - 1, ACCOUNT_POLICY).allowed).toBe(false);
    expect(throttleDecision(failures, NOW + d.retryAfterMs, ACCOUNT_POLICY).allowed).toBe(true);
  });
});

describe("minutesToWait", () => {
  test.each([
    [1, 1],
    [0, 1],
    [-5_000, 1],
    [30 * SECOND, 1],
    [MINUTE - 1, 1],
    [MINUTE, 1],
    [MINUTE + 1, 2],
    [2 * MINUTE - 1, 2],
    [2 * MINUTE, 2],
    [14 * MINUTE + 1, 15],
    [15 * MINUTE, 15],
    [ACCOUNT_POLICY.lockMs, 15],
  ])("%i ms → %i minute(s)", (ms, minutes) => {
    expect(minutesToWait(ms)).toBe(minutes);
  });

  test("a fresh account lock reads as 15 minutes, its last millisecond as 1", () => {
    const failures = together(5, 0);
    const first = throttleDecision(failures, NOW, ACCOUNT_POLICY);
    const last = throttleDecision(failures, NOW + 15 * MINUTE - 1, ACCOUNT_POLICY);
    expect(first.allowed || minutesToWait(first.retryAfterMs)).toBe(15);
    expect(last.allowed || minutesToWait(last.retryAfterMs)).toBe(1);
  });
});
