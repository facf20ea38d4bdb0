// The batch rules (lib/domain/batch.ts): lot numbers, production dates in Beijing, quantities.
import { describe, expect, test } from "vitest";
import { isBatchQuantity, normalizeLotNumber, parseProductionDate } from "@/lib/domain/batch";

describe("normalizeLotNumber", () => {
  test.each([
    ["NHC-2026-09", "NHC-2026-09"],
    ["  nhc-2026-09 ", "NHC-2026-09"],
    ["2026/09A", "2026/09A"],
    ["L_07.1", "L_07.1"],
    ["Ｎ１-２", "N1-2"], // full-width letters and digits from a phone keyboard
    ["A", "A"],
    ["A".repeat(40), "A".repeat(40)],
  ])("%j → %j", (input, value) => {
    expect(normalizeLotNumber(input)).toEqual({ ok: true, value });
  });

  test.each([
    ["", "required"],
    ["  ", "required"],
    ["A".repeat(41), "invalid"],
    ["-A1", "invalid"],
    ["A1-", "invalid"],
    ["批次1", "invalid"],
    ["A 1", "invalid"],
    ["A<1>", "invalid"],
  ])("%j → %s", (input, reason) => {
    expect(normalizeLotNumber(input)).toEqual({ ok: false, reason });
  });
});

describe("parseProductionDate", () => {
  // 23:30 on 30 November in Beijing is 15:30 UTC: "today" is the Beijing day.
  const now = new Date("2026-11-30T15:30:00Z"); // 2026-11-30 23:30 Beijing
  const earlyMorning = new Date("2026-11-30T17:00:00Z"); // 2026-12-01 01:00 Beijing

  test.each([
    ["2026-11-30", now],
    ["2026-12-01", earlyMorning],
    ["2026-09-15", now],
    ["1996-11-30", now],
    ["2024-02-29", now],
  ])("%j is a production day at %s", (input, at) => {
    const r = parseProductionDate(input, at);
    expect(r.ok && r.day).toBe(input);
    expect(r.ok && r.date.toISOString()).toBe(`${input}T00:00:00.000Z`);
  });

  test.each([
    ["", now, "required"],
    ["2026-12-01", now, "future"],
    ["2027-01-01", now, "future"],
    ["1996-11-29", now, "tooOld"],
    ["0001-01-01", now, "tooOld"],
    ["2026-02-30", now, "invalid"],
    ["2025-02-29", now, "invalid"],
    ["2026-13-01", now, "invalid"],
    ["2026/09/15", now, "invalid"],
    ["15.09.2026", now, "invalid"],
    ["2026-9-15", now, "invalid"],
  ] as const)("%j at %s → %s", (input, at, reason) => {
    expect(parseProductionDate(input, at)).toEqual({ ok: false, reason });
  });
});

test.each([
  [1, true],
  [1_000_000, true],
  [0, false],
  [-1, false],
  [1.5, false],
  [1_000_001, false],
])("batch quantity %d → %s", (n, ok) => {
  expect(isBatchQuantity(n)).toBe(ok);
});
