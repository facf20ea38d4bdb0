// What every bench script shares: percentiles of a run's samples, the machine's load average (printed beside every
// figure: the machines are shared), and a throwaway database on BENCH_DATABASE_URL's server.
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";

/** The 1-, 5- and 15-minute load averages, as `uptime` prints them. */
export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

/** Linux's clock ticks per second (USER_HZ), the unit of /proc/<pid>/stat's times. */
const CLK_TCK = 100;

/**
 * utime + stime (ms) summed over the processes `select` picks, from /proc (Linux): `{ root }` a process and all its
 * descendants (a server and its workers), `{ command }` every process of that name and its ended children
 * (PostgreSQL's backends, when the server runs on this machine; 0 when none is visible). Read before and after a run: the difference is the
 * CPU the run cost them.
 */
export function processCpuMs(select: { root: number } | { command: string }): number {
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
      if ("command" in select) {
        // With cutime + cstime, the time of its children that have ended: a backend whose connection closed
        // during the run is counted in its parent's (PostgreSQL's postmaster's) once reaped.
        const children = ((Number(fields[13]) + Number(fields[14])) * 1000) / CLK_TCK;
        if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === select.command) total += ms + children;
        continue;
      }
      parents.set(Number(entry), Number(fields[1]));
      times.set(Number(entry), ms);
    } catch {
      // The process ended meanwhile.
    }
  }
  if ("command" in select) return total;
  for (const [pid, ms] of times) {
    for (let p: number | undefined = pid; p && p > 1; p = parents.get(p)) {
      if (p === select.root) {
        total += ms;
        break;
      }
    }
  }
  return total;
}

/** Nearest-rank percentile (0 < p ≤ 1) of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

/** The middle sample, or the mean of the two middle ones. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, median: median(samples), p95: percentile(samples, 0.95), min: Math.min(...samples), max: Math.max(...samples) };
}

/** Milliseconds of `n` calls after `warmup` unmeasured ones. */
export async function sample(fn: () => unknown, n: number, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

/** A new database named `<prefix>_<time>` on the server of `serverUrl`; `drop` removes it (connections forced off). */
export async function throwawayDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
