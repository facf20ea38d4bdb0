// `npm run bench:orgs`: the admins' reserved-share list for 1,000 organisations (issue 15: "the time to render the
// admin's progress list for 1,000 organisations"), on a production build (`next start`) over PostgreSQL.
// Needs BENCH_DATABASE_URL (a PostgreSQL server; a throwaway database is created on it, migrated, seeded, dropped).
//
// The database gets 1,000 organisations (each with the year's budget and percentage and 3 paid orders this year, a
// tenth with a refund's reversing ledger entries) beside the seed's sample union. An admin then requests, interleaved
// round by round so that the machine's noise falls on all alike:
// - /admin/organizations (every organisation's progress summed in one statement, sorted, the first 50 rendered),
// - /admin/organizations?sort=reached (the same list by percent reached),
// - /admin/organizations/progress.csv (all 1,001 rows as CSV),
// - baseline: /admin/cooperatives, an admin page of the same console that reads a short list.
// Printed: each one's p50 and p95 in ms, its ratio to the baseline's p50, and the load average.
// BENCH_SKIP_BUILD=1 reuses .next-bench; BENCH_ORGS (default 1000), BENCH_ORGS_ROUNDS (default 20).
import type { ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import pg from "pg";
import { prepareDatabase } from "../../lib/db/prepare";
import { beijingMonthOf } from "../../lib/domain/reserved-share";
import { DEMO_PASSWORD } from "../../lib/seed";
import { cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { build, DIST } from "./catalog-cache";
import { median, percentile, throwawayDatabase } from "./support";

const server = process.env.BENCH_DATABASE_URL;
if (!server) {
  console.error("bench:orgs needs BENCH_DATABASE_URL (a PostgreSQL server on which it may create and drop a database)");
  process.exit(2);
}
const ORGS = Number(process.env.BENCH_ORGS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ORGS_ROUNDS ?? 20);
const year = beijingMonthOf(new Date()).year;

if (process.env.BENCH_SKIP_BUILD !== "1") {
  console.log("building the shop …");
  build(process.cwd());
}
const scratch = await throwawayDatabase(server, "shop_bench_orgs");
let shop: ChildProcess | null = null;
const sql = new pg.Client({ connectionString: scratch.url });
try {
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  await sql.connect();
  const t0 = performance.now();
  // 1,000 organisations with this year's figures, 3 paid orders each (by the demo buyer), in set-based SQL.
  await sql.query(
    `INSERT INTO "Organisation" ("id", "kind", "name", "creditCode", "invoiceTitle", "taxId", "address", "district", "approvalThresholdFen", "updatedAt")
     SELECT 'bench-org-' || n, (ARRAY['BUDGET_UNIT','SOE','UNION','ENTERPRISE'])[1 + n % 4]::"OrganisationKind", '压测单位 ' || lpad(n::text, 4, '0'),
            'BENCH' || lpad(n::text, 13, '0'), '压测单位 ' || n, 'BENCH' || lpad(n::text, 13, '0'), '朝阳区压测路 ' || n || ' 号',
            (ARRAY['chaoyang','haidian','dongcheng','xicheng'])[1 + n % 4], 500000, now()
     FROM generate_series(1, $1::int) n`,
    [ORGS],
  );
  await sql.query(
    `INSERT INTO "OrganisationYear" ("id", "organisationId", "year", "canteenBudgetFen", "reservedPercentBp", "updatedAt")
     SELECT 'bench-year-' || n, 'bench-org-' || n, $2::int, (1000000 + n * 10000)::bigint, 3000, now() FROM generate_series(1, $1::int) n`,
    [ORGS, year],
  );
  const { rows: [buyer] } = await sql.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "email" = 'buyer@demo.tangxian.shop'`);
  await sql.query(
    `INSERT INTO "Order" ("id", "number", "buyerId", "status", "paymentMethod", "buyerType", "itemsFen", "shippingFen", "totalFen", "recipient", "phone", "district", "street",
                          "organisationId", "placedAt", "paidAt", "updatedAt")
     SELECT 'bench-order-' || n || '-' || k, 'BENCH' || lpad(n::text, 5, '0') || '-' || k, $2, 'PAID', 'BANK_TRANSFER', 'INSTITUTION', 10000 + (n * 37 + k * 11) % 90000, 0, 10000 + (n * 37 + k * 11) % 90000,
            '压测', '13800000000', 'chaoyang', '朝阳区压测路', 'bench-org-' || n, ts, ts, now()
     FROM generate_series(1, $1::int) n, generate_series(1, 3) k, LATERAL (SELECT make_timestamp($3::int, 1 + (n + k) % 11, 1 + k * 5, 2, 0, 0) AS ts) t`,
    [ORGS, buyer!.id, year],
  );
  console.log(`${ORGS} organisations, ${ORGS * 3} paid orders written in ${Math.round(performance.now() - t0)} ms`);

  const port = await freePort();
  shop = await startServer(port, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
  const base = `http://127.0.0.1:${port}`;
  const cookie = cookieHeader(await signInOverHttp(base, "admin@demo.tangxian.shop", DEMO_PASSWORD));
  const targets = [
    { name: "baseline: /admin/cooperatives", path: "/admin/cooperatives" },
    { name: `/admin/organizations (${ORGS + 1} summed, 50 shown)`, path: `/admin/organizations?year=${year}` },
    { name: "/admin/organizations?sort=reached", path: `/admin/organizations?year=${year}&sort=reached&dir=desc` },
    { name: `/admin/organizations/progress.csv (${ORGS + 1} rows)`, path: `/admin/organizations/progress.csv?year=${year}` },
  ];
  const get = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    if (path.startsWith("/admin/organizations/progress.csv") && body.split("\r\n").length < ORGS) throw new Error("the CSV lacks rows");
    return performance.now() - started;
  };
  for (const t of targets) for (let i = 0; i < 3; i++) await get(t.path);
  const samples = new Map(targets.map((t) => [t.name, [] as number[]]));
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(loadavg()[0]!);
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + round) % targets.length]!;
      samples.get(t.name)!.push(await get(t.path));
    }
  }
  const base50 = median(samples.get(targets[0]!.name)!);
  console.log(`\n${ROUNDS} interleaved rounds; load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}; year ${year}`);
  console.log("| request | p50 ms | p95 ms | × baseline p50 |\n| --- | --- | --- | --- |");
  for (const t of targets) {
    const s = samples.get(t.name)!;
    const p50 = median(s);
    console.log(`| ${t.name} | ${p50.toFixed(1)} | ${percentile(s, 0.95).toFixed(1)} | ${(p50 / base50).toFixed(2)} |`);
  }
} finally {
  shop?.kill("SIGTERM");
  await sql.end().catch(() => undefined);
  if (process.env.BENCH_ORGS_KEEP !== "1") await scratch.drop();
}
