// Loading a page over HTTP for the benchmarks that compare Next.js servers (./storefront.ts, ./shell.ts): a closed
// loop of keep-alive connections, with the server's CPU per request from /proc and the load generator's own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { percentile, processCpuMs } from "./support";

export const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

/** The HTTP benches' rounds: BENCH_SECONDS per target per round (default 5), BENCH_CONNECTIONS (8), BENCH_ROUNDS (3). */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** What a browser sends: with it, `next start` gzips the response (Next's `compress`). */
export const ACCEPT_GZIP = { "accept-encoding": "gzip, deflate, br, zstd" };

/** A figure for the benches' tables: 1,234.5. */
export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export interface Target {
  name: string;
  base: string;
  path: string;
  cookie?: string;
  /** Request headers besides the cookie, e.g. a browser's Accept-Encoding. */
  headers?: Record<string, string>;
}

export interface Measure {
  requests: number;
  rps: number;
  p50: number;
  cpuMsPerRequest: number;
  /** This process's CPU per request: the load generator's share of the two cores, which the server does not get. */
  clientCpuMsPerRequest: number;
  bytes: number;
  errors: number;
}

function request(agent: http.Agent, target: Target): Promise<{ ms: number; bytes: number; ok: boolean }> {
  const start = performance.now();
  return new Promise((resolve) => {
    const req = http.get(`${target.base}${target.path}`, { agent, headers: { ...target.headers, ...(target.cookie ? { cookie: target.cookie } : {}) } }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ ms: performance.now() - start, bytes, ok: res.statusCode === 200 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - start, bytes: 0, ok: false }));
  });
}

/**
 * Closed loop: `connections` workers, each sending the next request when the last one is answered. The server's CPU
 * is that of `pid`'s process tree, or the sum of several (an app and the proxy in front of it).
 */
export async function load(target: Target, seconds: number, pid: number | number[], connections: number): Promise<Measure> {
  const pids = Array.isArray(pid) ? pid : [pid];
  const serverCpuMs = () => pids.reduce((sum, root) => sum + processCpuMs({ root }), 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let bytes = 0;
  let errors = 0;
  const cpuBefore = serverCpuMs();
  const clientBefore = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const r = await request(agent, target);
        latencies.push(r.ms);
        bytes = r.bytes;
        if (!r.ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const cpu = serverCpuMs() - cpuBefore;
  const client = process.cpuUsage(clientBefore);
  agent.destroy();
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    cpuMsPerRequest: cpu / latencies.length,
    clientCpuMsPerRequest: (client.user + client.system) / 1000 / latencies.length,
    bytes,
    errors,
  };
}

/**
 * `next build` of the app in `dir`, with `env` added (e.g. NEXT_DIST_DIR), leaving its tsconfig.json, if it has one,
 * exactly as it was: Next adds a custom build folder's types to it, and rewrites the file's layout while it does.
 */
export function buildNextApp(dir: string, env: Record<string, string> = {}): void {
  const tsconfig = path.join(dir, "tsconfig.json");
  const before = existsSync(tsconfig) ? readFileSync(tsconfig, "utf8") : null;
  const out = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (before !== null && readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  if (out.status !== 0) throw new Error(`next build of ${dir} failed:\n${out.stdout}\n${out.stderr}`);
}

/** `next start` of the app in `dir` (a build already made there), once `probe` answers 200. */
export async function startNextApp(dir: string, port: number, env: Record<string, string>, probe = "/"): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "localhost"], {
    cwd: dir,
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
  });
  return whenAnswering(child, `http://127.0.0.1:${port}${probe}`, path.basename(dir));
}

/** `child` once `url` answers 200; if it has not within `seconds`, the child is stopped and this throws, naming `what`. */
export async function whenAnswering<T extends ChildProcess>(child: T, url: string, what: string, seconds = 60): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`${what} did not answer within ${seconds} s`);
}
