import { describe, expect, test } from "vitest";
import { median, percentile, sample, summarize } from "../bench/support";

describe("the benches' statistics", () => {
  test.each([
    [[5], 0.5, 5],
    [[5], 0.95, 5],
    [[3, 1, 2], 0.5, 2],
    [[4, 1, 3, 2], 0.5, 2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95, 10],
    [Array.from({ length: 20 }, (_, i) => i + 1), 0.95, 19],
    [Array.from({ length: 100 }, (_, i) => 100 - i), 0.95, 95],
  ])("nearest-rank percentile of %j at %d is %d", (xs, p, want) => {
    expect(percentile(xs, p)).toBe(want);
  });

  test.each([
    [[7], 7],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ])("median of %j is %d", (xs, want) => {
    expect(median(xs)).toBe(want);
  });

  test("a summary, and the samples it reads are not reordered", () => {
    const xs = [9, 1, 5];
    expect(summarize(xs)).toEqual({ n: 3, median: 5, p95: 9, min: 1, max: 9 });
    expect(xs).toEqual([9, 1, 5]);
  });

  test("sample times n calls after the warm-up ones", async () => {
    let calls = 0;
    const ms = await sample(() => calls++, 4, 2);
    expect(calls).toBe(6);
    expect(ms).toHaveLength(4);
    expect(ms.every((x) => x >= 0)).toBe(true);
  });
});
