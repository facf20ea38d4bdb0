// `npm run bench:shell`: what a per-reader page costs the server, rendered three ways (issue 14, item 2's signed-in
// goal). BENCH_DATABASE_URL names a PostgreSQL server; a throwaway database on it is migrated and seeded, and
// tests/bench/shell-app (the repository's Next, React and pg; a made-up frame of ~20 KB of HTML; the reader's part a
// cookie and 12 rows) is built twice and started twice:
// - "rendered per request": /orders with Next's classic dynamic rendering (the page reads a cookie);
// - "Cache Components": the same /orders with `cacheComponents: true`, a prerendered static shell and the reader's
//   part rendered per request and streamed in (partial prerendering);
// - "static shell + JSON": /shell (the shell alone, prerendered) and /api/orders (the reader's part as JSON, as a
//   client component would fetch it), one of each per page view;
// - the bare page (tests/bench/baseline-app, 12 rows rendered per request), for the ratio the storefront bench uses.
// Each round loads every target for BENCH_SECONDS (default 5) with BENCH_CONNECTIONS (default 8) keep-alive
// connections after a one-second warm-up, in a rotated order; BENCH_ROUNDS (default 3); BENCH_SKIP_BUILD=1 reuses
// the builds. Server CPU per request from /proc.
import { type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";
import { freePort } from "../helpers/server";
import { buildNextApp, load, type Measure, startNextApp, type Target, SECONDS, CONNECTIONS, ROUNDS, fmt } from "./http-load";
import { median, throwawayDatabase } from "./support";

const APP = path.resolve("tests/bench/shell-app");
const BASELINE = path.resolve("tests/bench/baseline-app");

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) throw new Error("BENCH_DATABASE_URL (a PostgreSQL server) is required");
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("building the shell app (twice) and the bare page …");
    buildNextApp(APP);
    buildNextApp(APP, { SHELL_CACHE_COMPONENTS: "1" });
    buildNextApp(BASELINE);
  }
  const scratch = await throwawayDatabase(server, "shop_bench_shell");
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  const children: ChildProcess[] = [];
  try {
    const [classicPort, ccPort, barePort] = [await freePort(), await freePort(), await freePort()];
    const env = { DATABASE_URL: scratch.url };
    const classic = await startNextApp(APP, classicPort, env, "/shell");
    children.push(classic);
    const cc = await startNextApp(APP, ccPort, { ...env, SHELL_CACHE_COMPONENTS: "1" }, "/shell");
    children.push(cc);
    const bare = await startNextApp(BASELINE, barePort, env);
    children.push(bare);
    const cookie = "who=reader-1";
    const on = (port: number) => `http://127.0.0.1:${port}`;
    const targets: (Target & { pid: number })[] = [
      { name: "bare page (12 rows per request)", base: on(barePort), path: "/", pid: bare.pid! },
      { name: "/orders rendered per request", base: on(classicPort), path: "/orders", cookie, pid: classic.pid! },
      { name: "/orders with Cache Components", base: on(ccPort), path: "/orders", cookie, pid: cc.pid! },
      { name: "/shell (static)", base: on(classicPort), path: "/shell", cookie, pid: classic.pid! },
      { name: "/api/orders (JSON)", base: on(classicPort), path: "/api/orders", cookie, pid: classic.pid! },
    ];
    // The Cache Components page must stream the reader's part: check once.
    const html = await (await fetch(`${on(ccPort)}/orders`, { headers: { cookie } })).text();
    if (!html.includes("reader-1")) throw new Error("the Cache Components page did not render the reader's part");
    for (const t of targets) await load(t, 1, t.pid, CONNECTIONS);

    const results = new Map<string, Measure[]>(targets.map((t) => [t.name, []]));
    const loads: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(loadavg()[0]!.toFixed(2));
      for (const t of targets.map((_, i) => targets[(i + round) % targets.length]!)) {
        await load(t, 1, t.pid, CONNECTIONS);
        results.get(t.name)!.push(await load(t, SECONDS, t.pid, CONNECTIONS));
      }
      console.log(`round ${round + 1}: ${targets.map((t) => `${fmt(results.get(t.name)!.at(-1)!.cpuMsPerRequest, 2)} ms`).join(" · ")} (load ${loads[round]})`);
    }
    loads.push(loadavg()[0]!.toFixed(2));

    const cpu = (name: string) => median(results.get(name)!.map((m) => m.cpuMsPerRequest));
    const rps = (name: string) => median(results.get(name)!.map((m) => m.rps));
    const bareCpu = cpu(targets[0]!.name);
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per target per round, ${ROUNDS} rounds; load average ${loads.join(" → ")}\n`);
    console.log("| served | req/s (median) | server CPU ms / request (median) | the bare page's CPU ÷ this | HTML bytes | errors |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    for (const t of targets) {
      const ms = results.get(t.name)!;
      console.log(`| ${t.name} | ${fmt(rps(t.name), 0)} | ${fmt(cpu(t.name), 2)} | ${fmt(bareCpu / cpu(t.name), 2)}× | ${ms[0]!.bytes.toLocaleString("en-US")} | ${ms.reduce((a, m) => a + m.errors, 0)} |`);
    }
    const pair = cpu("/shell (static)") + cpu("/api/orders (JSON)");
    console.log(`| a page view as static shell + JSON (the two above) | | ${fmt(pair, 2)} | ${fmt(bareCpu / pair, 2)}× | | |`);
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await scratch.drop().catch(() => {});
  }
}

await main();
