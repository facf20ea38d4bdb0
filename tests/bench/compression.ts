// `npm run bench:compression`: what gzip costs the server when the catalog's pages are asked for as a browser asks
// (Accept-Encoding: gzip), with the app compressing every response (Next's default `compress`) against nginx in front
// compressing them (COMPRESSION=proxy on the app; README, Deploy, item 8). BENCH_DATABASE_URL names a PostgreSQL
// server; a throwaway database on it is migrated and seeded. The shop is built into .next-bench (BENCH_SKIP_BUILD=1
// reuses it) and started twice: as is, and with COMPRESSION=proxy behind two nginx servers (Debian's `nginx` on the
// PATH), one at nginx's default gzip level 1 and one at 5. The server's CPU per request is the app's plus nginx's
// (master and worker), from /proc. Rounds interleave every target in a rotated order, medians of BENCH_ROUNDS
// (default 3) rounds of BENCH_SECONDS (default 5) with BENCH_CONNECTIONS (default 8) keep-alive connections.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "../../lib/db/prepare";
import { openDatabase } from "../../lib/db/client";
import { freePort, startServer } from "../helpers/server";
import { build, DIST } from "./catalog-cache";
import { load, type Measure, type Target, SECONDS, CONNECTIONS, ROUNDS, fmt, ACCEPT_GZIP, whenAnswering } from "./http-load";
import { median, processCpuMs, throwawayDatabase } from "./support";

/** nginx in the foreground on `port`, gzipping at `level` what it proxies from the app on `appPort`. */
async function startNginx(port: number, appPort: number, level: number): Promise<{ child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "bench-nginx-"));
  const conf = `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream app { server 127.0.0.1:${appPort}; keepalive 16; }
  server {
    listen 127.0.0.1:${port};
    gzip on;
    gzip_comp_level ${level};
    gzip_proxied any;
    gzip_vary on;
    gzip_types text/x-component application/json text/css application/javascript image/svg+xml application/xml text/plain application/manifest+json;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header Accept-Encoding "";
      proxy_buffer_size 16k;
      proxy_buffers 16 16k;
    }
  }
}
`;
  writeFileSync(path.join(dir, "nginx.conf"), conf);
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: "ignore" });
  // Through nginx to the app's health check.
  return { child: await whenAnswering(child, `http://127.0.0.1:${port}/api/health`, `nginx on ${port}`, 10), dir };
}

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) throw new Error("BENCH_DATABASE_URL (a PostgreSQL server) is required");
  if (spawnSync("nginx", ["-v"]).status !== 0) throw new Error("nginx is not on the PATH: apt-get install nginx-light (it need not run as a service)");
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("building the shop …");
    build(process.cwd());
  }
  const scratch = await throwawayDatabase(server, "shop_bench_compression");
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  const opened = openDatabase({ kind: "postgres", url: scratch.url });
  const product = await opened.db.product.findFirstOrThrow({ where: { certificationStatus: "CERTIFIED", featured: true }, select: { slug: true }, orderBy: { slug: "asc" } });
  await opened.close();

  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  try {
    const [appPort, plainPort, level1Port, level5Port] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const app = await startServer(appPort, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
    children.push(app);
    const plain = await startServer(plainPort, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST, COMPRESSION: "proxy" });
    children.push(plain);
    const nginx1 = await startNginx(level1Port, plainPort, 1);
    const nginx5 = await startNginx(level5Port, plainPort, 5);
    children.push(nginx1.child, nginx5.child);
    dirs.push(nginx1.dir, nginx5.dir);

    const ways = [
      { name: "the app gzips (default)", base: `http://127.0.0.1:${appPort}`, pids: [app.pid!], proxy: null },
      { name: "nginx gzips, level 1", base: `http://127.0.0.1:${level1Port}`, pids: [plain.pid!, nginx1.child.pid!], proxy: nginx1.child.pid! },
      { name: "nginx gzips, level 5", base: `http://127.0.0.1:${level5Port}`, pids: [plain.pid!, nginx5.child.pid!], proxy: nginx5.child.pid! },
    ];
    const pages = ["/products", `/products/${product.slug}`, "/"];
    const targets = pages.flatMap((page) => ways.map((way) => ({ way, page, target: { name: `${page} · ${way.name}`, base: way.base, path: page, headers: ACCEPT_GZIP } satisfies Target })));
    for (const t of targets) await load(t.target, 1, t.way.pids, CONNECTIONS);

    const results = new Map<string, { m: Measure; proxyMs: number }[]>(targets.map((t) => [t.target.name, []]));
    const loads: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      loads.push(loadavg()[0]!.toFixed(2));
      for (const t of targets.map((_, i) => targets[(i + round) % targets.length]!)) {
        await load(t.target, 1, t.way.pids, CONNECTIONS);
        const proxyBefore = t.way.proxy ? processCpuMs({ root: t.way.proxy }) : 0;
        const m = await load(t.target, SECONDS, t.way.pids, CONNECTIONS);
        const proxyMs = t.way.proxy ? (processCpuMs({ root: t.way.proxy }) - proxyBefore) / m.requests : 0;
        results.get(t.target.name)!.push({ m, proxyMs });
      }
      console.log(`round ${round + 1} done (load ${loads[round]})`);
    }
    loads.push(loadavg()[0]!.toFixed(2));

    console.log(`\nAccept-Encoding: gzip; ${CONNECTIONS} connections, ${SECONDS} s per target per round, ${ROUNDS} rounds; load average ${loads.join(" → ")}\n`);
    console.log("| page | who compresses | req/s (median) | server CPU ms / request (app + nginx) | of which nginx | bytes received | errors |");
    console.log("| --- | --- | --- | --- | --- | --- | --- |");
    for (const t of targets) {
      const rs = results.get(t.target.name)!;
      console.log(
        `| ${t.page} | ${t.way.name} | ${fmt(median(rs.map((r) => r.m.rps)), 0)} | ${fmt(median(rs.map((r) => r.m.cpuMsPerRequest)), 2)} | ${t.way.proxy ? fmt(median(rs.map((r) => r.proxyMs)), 2) : "–"} | ${rs[0]!.m.bytes.toLocaleString("en-US")} | ${rs.reduce((a, r) => a + r.m.errors, 0)} |`,
      );
    }
  } finally {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await scratch.drop().catch(() => {});
  }
}

await main();
