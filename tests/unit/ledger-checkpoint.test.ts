// What a ledger check after a checkpoint reads again (lib/domain/ledger-checkpoint.ts).
import { describe, expect, test } from "vitest";
import {
  CHECKPOINT_VERSION,
  MAX_CHECKPOINT_XIDS,
  checkpointUsable,
  daysOfMonths,
  monthsOf,
  oldEntriesIntact,
  ordersToRecheck,
  periodsToRecheck,
  xid32,
  type CheckpointFacts,
  type Digest,
} from "@/lib/domain/ledger-checkpoint";

const TABLES = ["SalesDailyRollup", "BuyerMonthlyOrders"];
const checkpoint = (over: Partial<CheckpointFacts> = {}): CheckpointFacts => ({
  version: CHECKPOINT_VERSION,
  databaseOid: 16_384n,
  snapshotXmin: 5_000n,
  digests: { SalesDailyRollup: {}, BuyerMonthlyOrders: {} },
  ...over,
});
const now = { databaseOid: 16_384n, xmin: 5_100n, xmax: 5_200n };

describe("checkpointUsable", () => {
  test.each([
    ["a checkpoint of this database, a few transactions back", checkpoint(), now, { ok: true }],
    ["the checkpoint's xmin is the snapshot's own", checkpoint({ snapshotXmin: 5_200n }), now, { ok: true }],
    ["none yet", null, now, { ok: false, reason: "no checkpoint yet" }],
    ["another version of the check", checkpoint({ version: CHECKPOINT_VERSION + 1 }), now, { ok: false, reason: `the checkpoint is of check version ${CHECKPOINT_VERSION + 1}, this is ${CHECKPOINT_VERSION}` }],
    ["another database (a restored copy)", checkpoint({ databaseOid: 1n }), now, { ok: false, reason: "the checkpoint was taken in another database (restored copy?)" }],
    ["ahead of the database's transactions", checkpoint({ snapshotXmin: 5_201n }), now, { ok: false, reason: "the checkpoint is ahead of this database's transactions (restored copy?)" }],
    ["just within the 2^30 transactions a 32-bit xmin can be compared over", checkpoint({ snapshotXmin: 1n }), { ...now, xmax: MAX_CHECKPOINT_XIDS }, { ok: true }],
    ["2^30 transactions back", checkpoint({ snapshotXmin: 0n }), { ...now, xmax: MAX_CHECKPOINT_XIDS }, { ok: false, reason: `the checkpoint is ${MAX_CHECKPOINT_XIDS} transactions old (at most ${MAX_CHECKPOINT_XIDS})` }],
    ["a rollup table it has no digest of", checkpoint({ digests: { SalesDailyRollup: {} } }), now, { ok: false, reason: "the checkpoint has no digest of BuyerMonthlyOrders" }],
  ] as const)("%s", (_name, cp, snapshot, expected) => {
    expect(checkpointUsable(cp, snapshot, TABLES)).toEqual(expected);
  });
});

describe("oldEntriesIntact", () => {
  test.each([
    [1_300_000n, 1_300_000n, true],
    [1_300_000n, 1_299_999n, false],
    [1_300_000n, 1_300_001n, false],
  ])("counted %s, now %s: intact %s", (counted, current, ok) => {
    const result = oldEntriesIntact(counted, current);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toBe(`the ledger had ${counted} entries older than the checkpoint and now has ${current} (an entry was changed or removed behind the append-only trigger)`);
  });
});

describe("xid32", () => {
  test.each([
    [0n, "0"],
    [5_000n, "5000"],
    [2n ** 32n - 1n, "4294967295"],
    [2n ** 32n + 7n, "7"],
    [3n * 2n ** 32n + 1_234n, "1234"],
  ])("%s → %s", (xid, expected) => {
    expect(xid32(xid)).toBe(expected);
  });
});

describe("periodsToRecheck", () => {
  const d = (rows: number, hash: string): Digest => [rows, hash];
  const checkpointed = { "2026-11-01": d(3, "10"), "2026-11-02": d(2, "-7"), "2026-11-03": d(1, "99") };
  test.each([
    ["nothing changed, nothing new", checkpointed, [], []],
    ["a new entry's day", checkpointed, ["2026-11-02"], ["2026-11-02"]],
    ["a row changed (same count, other hash)", { ...checkpointed, "2026-11-01": d(3, "11") }, [], ["2026-11-01"]],
    ["a row removed", { ...checkpointed, "2026-11-03": d(0, "99") }, [], ["2026-11-03"]],
    ["a row added (same hash sum, one more row)", { ...checkpointed, "2026-11-02": d(3, "-7") }, [], ["2026-11-02"]],
    ["a period's rows all gone", { "2026-11-01": d(3, "10"), "2026-11-02": d(2, "-7") }, [], ["2026-11-03"]],
    ["rows of a period the checkpoint had none of", { ...checkpointed, "2024-01-05": d(1, "5") }, [], ["2024-01-05"]],
    ["new entries and a changed row, sorted, once each", { ...checkpointed, "2026-11-03": d(1, "98") }, ["2026-11-30", "2026-11-03", "2026-11-30"], ["2026-11-03", "2026-11-30"]],
  ] as const)("%s", (_name, stored, touched, expected) => {
    expect(periodsToRecheck(stored, checkpointed, touched)).toEqual(expected);
  });
});

describe("months and days", () => {
  test.each([
    [[], []],
    [["2026-11-30", "2026-11-01", "2025-02-28"], ["2025-02-01", "2026-11-01"]],
    [["2024-12-31", "2025-01-01"], ["2024-12-01", "2025-01-01"]],
  ])("monthsOf(%j) = %j", (days, months) => {
    expect(monthsOf(days)).toEqual(months);
  });

  test.each([
    ["2026-11-01", 30, "2026-11-30"],
    ["2026-02-01", 28, "2026-02-28"],
    ["2024-02-01", 29, "2024-02-29"],
    ["2025-12-01", 31, "2025-12-31"],
  ])("daysOfMonths([%s]): %i days, the last %s", (month, count, last) => {
    const days = daysOfMonths([month]);
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(month);
    expect(days.at(-1)).toBe(last);
  });

  test("several months, in order, each once", () => {
    expect(daysOfMonths(["2026-02-01", "2026-01-01", "2026-02-01"])).toHaveLength(31 + 28);
    expect(daysOfMonths(["2026-02-01", "2026-01-01"]).slice(30, 32)).toEqual(["2026-01-31", "2026-02-01"]);
  });
});

describe("ordersToRecheck", () => {
  test.each([
    [[[], []], []],
    [[["o2", "o1"], ["o1", "o3"]], ["o1", "o2", "o3"]],
    [[["b"], [], ["a", "b"], ["c"]], ["a", "b", "c"]],
  ] as const)("%j → %j", (sources, expected) => {
    expect(ordersToRecheck(...sources)).toEqual(expected);
  });
});
