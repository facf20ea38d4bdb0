// `npm run bench:storefront`: requests per second of the storefront's pages against a bare Next.js page, in one
// interleaved run (issue 14, item 2). BENCH_DATABASE_URL names a PostgreSQL server; a throwaway database on it is
// migrated and seeded, and both apps read it:
// - the shop, built into .next-bench (`next build`; BENCH_SKIP_BUILD=1 reuses it) and run with `next start`;
// - the baseline, tests/bench/baseline-app: the same Next, React and pg, one page that reads the same 12 products
//   from the database and renders them on every request (built into its own .next).
// Each round loads every target for BENCH_SECONDS (default 5) with BENCH_CONNECTIONS (default 8) keep-alive
// connections, after a one-second warm-up, in a rotated order; a target's ratio is taken against the baseline of the
// same round, and the table gives the median over BENCH_ROUNDS (default 3) rounds. Server CPU per request comes
// from /proc (the server process and its children), which the machine's other load disturbs less than a rate; client
// CPU per request is this process's, the load generator's share of the same cores. The last rows ask as a browser
// does, accepting gzip, which both servers then compress on every response; their ratios are to the baseline asked
// the same way.
import { type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";
import { openDatabase } from "../../lib/db/client";
import { DEMO_PASSWORD } from "../../lib/seed";
import { cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { build, DIST } from "./catalog-cache";
import { buildNextApp, load, type Measure, startNextApp, type Target, SECONDS, CONNECTIONS, ROUNDS, fmt, ACCEPT_GZIP } from "./http-load";
import { median, throwawayDatabase } from "./support";

const BASELINE_DIR = path.resolve("tests/bench/baseline-app");

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) throw new Error("BENCH_DATABASE_URL (a PostgreSQL server) is required");
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("building the shop and the baseline …");
    build(process.cwd());
    buildNextApp(BASELINE_DIR);
  }
  const scratch = await throwawayDatabase(server, "shop_bench_storefront");
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  const opened = openDatabase({ kind: "postgres", url: scratch.url });
  const product = await opened.db.product.findFirstOrThrow({ where: { certificationStatus: "CERTIFIED", featured: true }, select: { slug: true }, orderBy: { slug: "asc" } });
  await opened.close();

  const [shopPort, basePort] = [await freePort(), await freePort()];
  let shop: ChildProcess | null = null;
  let baseline: ChildProcess | null = null;
  try {
    shop = await startServer(shopPort, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
    baseline = await startNextApp(BASELINE_DIR, basePort, { DATABASE_URL: scratch.url });
    const shopURL = `http://127.0.0.1:${shopPort}`;
    const baseURL = `http://127.0.0.1:${basePort}`;
    const cookie = cookieHeader(await signInOverHttp(shopURL, "buyer@demo.tangxian.shop", DEMO_PASSWORD));
    const targets: Target[] = [
      { name: "baseline: bare page, 12 products read per request", base: baseURL, path: "/" },
      { name: "/products (anonymous)", base: shopURL, path: "/products" },
      { name: `/products/${product.slug} (anonymous)`, base: shopURL, path: `/products/${product.slug}` },
      { name: "/ home (anonymous)", base: shopURL, path: "/" },
      { name: `/products/${product.slug} (signed in)`, base: shopURL, path: `/products/${product.slug}`, cookie },
      { name: "/products (signed in)", base: shopURL, path: "/products", cookie },
      { name: "/ home (signed in)", base: shopURL, path: "/", cookie },
      { name: "/products?q=葡萄 (search, per request)", base: shopURL, path: `/products?q=${encodeURIComponent("葡萄")}` },
      { name: "/account/orders (signed in, per request)", base: shopURL, path: "/account/orders", cookie },
      // What a browser gets: it accepts gzip, and `next start` compresses every response (Next's `compress`), the
      // cached ones included. Each ratio is against the baseline compressed likewise.
      { name: "baseline, gzip", base: baseURL, path: "/", headers: ACCEPT_GZIP },
      { name: "/products (anonymous), gzip", base: shopURL, path: "/products", headers: ACCEPT_GZIP },
      { name: `/products/${product.slug} (anonymous), gzip`, base: shopURL, path: `/products/${product.slug}`, headers: ACCEPT_GZIP },
      { name: "/ home (anonymous), gzip", base: shopURL, path: "/", headers: ACCEPT_GZIP },
    ];
    const baselineOf = (t: Target) => (t.headers === ACCEPT_GZIP ? "baseline, gzip" : targets[0]!.name);
    const pidOf = (t: Target) => (t.base === baseURL ? baseline!.pid! : shop!.pid!);
    // Every page once before timing: the cached ones are filled, every route compiled and warm.
    for (const t of targets) await load(t, 1, pidOf(t), CONNECTIONS);

    const results = new Map<string, Measure[]>(targets.map((t) => [t.name, []]));
    const ratios = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const loads: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(loadavg()[0]!.toFixed(2));
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      const roundResults = new Map<string, Measure>();
      for (const t of order) {
        await load(t, 1, pidOf(t), CONNECTIONS);
        const m = await load(t, SECONDS, pidOf(t), CONNECTIONS);
        roundResults.set(t.name, m);
        results.get(t.name)!.push(m);
      }
      for (const t of targets) ratios.get(t.name)!.push(roundResults.get(t.name)!.rps / roundResults.get(baselineOf(t))!.rps);
      console.log(`round ${round + 1}: ${targets.map((t) => `${t.name.split(" ")[0]} ${fmt(roundResults.get(t.name)!.rps, 0)}/s`).join(" · ")} (load ${loads[round]})`);
    }
    loads.push(loadavg()[0]!.toFixed(2));

    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per target per round, ${ROUNDS} rounds; load average ${loads.join(" → ")}\n`);
    console.log("| page | req/s (median) | ratio to the baseline (median of rounds) | p50 ms | server CPU ms / request | client CPU ms / request | bytes received | errors |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const t of targets) {
      const ms = results.get(t.name)!;
      console.log(
        `| ${t.name} | ${fmt(median(ms.map((m) => m.rps)), 0)} | ${fmt(median(ratios.get(t.name)!), 2)}× | ${fmt(median(ms.map((m) => m.p50)))} | ${fmt(median(ms.map((m) => m.cpuMsPerRequest)), 2)} | ${fmt(median(ms.map((m) => m.clientCpuMsPerRequest)), 2)} | ${ms[0]!.bytes.toLocaleString("en-US")} | ${ms.reduce((a, m) => a + m.errors, 0)} |`,
      );
    }
  } finally {
    shop?.kill("SIGTERM");
    baseline?.kill("SIGTERM");
    await scratch.drop().catch(() => {});
  }
}

await main();
