// `npm run bench`: how fast the storefront's reads and the benefit split are, on a freshly migrated and
// seeded database (BENCH_DATABASE_URL → a throwaway PostgreSQL database on that server; else in-memory PGlite).
// Prints a table; docs/benchmarks.md records the numbers measured on the reference machine. With
// BENCH_DATABASE_URL it then builds and starts the app and shows the catalog cache at work (./catalog-cache.ts;
// BENCH_SKIP_SERVER=1 leaves that out, BENCH_SKIP_BUILD=1 reuses .next-bench, BENCH_APP_DIR benches another copy).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { splitLine } from "../../lib/domain/benefit";
import { openDatabase, type DatabaseTarget, type Db } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { seedDatabase } from "../../lib/seed";
import { getHome, getProduct, listProducts } from "../../lib/server/queries/catalog";
import { parseCatalogQuery } from "../../lib/validation/catalog";
import { cartFingerprint } from "../../lib/domain/checkout";
import { checkLedger } from "../../lib/server/ledger/check";
import { markOrderPaid } from "../../lib/server/orders/lifecycle";
import { placeOrder } from "../../lib/server/orders/place-order";
import { salesReport } from "../../lib/server/queries/reports";
import { benchCatalogCache } from "./catalog-cache";
import { percentile, sample } from "./support";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

async function time(label: string, fn: () => unknown, iterations = ITERATIONS) {
  const samples = await sample(fn, iterations, Math.min(20, iterations));
  return { label, iterations, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples) };
}

async function openBenchDatabase(): Promise<{ db: Db; where: string; done: () => Promise<void> }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const name = `shop_bench_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    const target: DatabaseTarget = { kind: "postgres", url: url.toString() };
    await migrateDeploy(target);
    const opened = openDatabase(target);
    return {
      db: opened.db,
      where: "PostgreSQL",
      async done() {
        await opened.close();
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`DROP DATABASE "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const pglite = new PGlite();
  const target: DatabaseTarget = { kind: "embedded", dataDir: null };
  await migrateDeploy(target, { pglite });
  const opened = openDatabase(target, pglite);
  return { db: opened.db, where: "embedded PGlite (in memory)", done: () => opened.close() };
}

const { db, where, done } = await openBenchDatabase();
try {
  const seedStart = performance.now();
  await seedDatabase(db);
  const seedMs = performance.now() - seedStart;
  const slug = (await db.product.findFirstOrThrow({ where: { certificationStatus: "CERTIFIED" }, select: { slug: true } })).slug;
  const households = Array.from({ length: 80 }, (_, i) => ({ householdId: `h${String(i).padStart(3, "0")}`, weight: (i % 7) + 1 }));

  const results = [
    await time("home (featured, facets, villages)", () => getHome(db, "zh-CN")),
    await time("catalog, no filter, page 1", () => listProducts(db, parseCatalogQuery({}), "zh-CN")),
    await time("catalog, category + price + sort", () => listProducts(db, parseCatalogQuery({ category: "wine", min: "50", max: "300", sort: "price-asc" }), "zh-CN")),
    await time("catalog, Chinese search 葡萄", () => listProducts(db, parseCatalogQuery({ q: "葡萄" }), "zh-CN")),
    await time("product page read", () => getProduct(db, slug, "zh-CN")),
    await time("splitLine, 80 households", () => splitLine({ type: "PERCENT_OF_REVENUE", basisPoints: 1733 }, 12_800, 37, households), 20_000),
  ];

  // Paying an order: markOrderPaid with the ledger entries and both rollups, on orders placed beforehand
  // (three lines from two cooperatives each).
  const products = await db.product.findMany({ where: { certificationStatus: "CERTIFIED", beneficiaries: { some: {} } }, select: { id: true }, take: 3 });
  await db.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { stock: 1_000_000 } });
  const buyer = await db.user.create({ data: { email: `bench-${Date.now()}@example.test` }, select: { id: true } });
  const cart = await db.cart.create({ data: { userId: buyer.id }, select: { id: true } });
  const placed: { orderId: string; totalFen: number }[] = [];
  for (let i = 0; i < ITERATIONS + 20; i++) {
    await db.cartItem.createMany({ data: products.map((p, k) => ({ cartId: cart.id, productId: p.id, quantity: k + 1 })) });
    const result = await placeOrder(db, {
      userId: buyer.id,
      method: "BANK_TRANSFER",
      address: { recipient: "测试", phone: "13800138000", district: "chaoyang", street: "1 号" },
      note: "",
      institution: null,
      fingerprint: cartFingerprint(products.map((p, k) => ({ productId: p.id, quantity: k + 1 }))),
    });
    if (!result.ok) throw new Error(`bench order refused: ${result.code}`);
    placed.push({ orderId: result.orderId, totalFen: result.totalFen });
  }
  results.push(
    await time("pay an order: status, stock, ledger, rollups", async () => {
      const next = placed.shift()!;
      await db.$transaction((tx) => markOrderPaid(tx, { orderId: next.orderId, method: "BANK_TRANSFER", amountFen: next.totalFen }));
    }),
  );

  // A year of rollups for a county-sized shop (40 villages, 12 cooperatives, 8 categories, every seeded household every day), then
  // the admin's report over the whole year: it reads rollup rows, never the ledger.
  await db.$executeRawUnsafe(`
    INSERT INTO "SalesDailyRollup" ("dimension", "key", "day", "orders", "units", "revenueFen", "householdBenefitFen")
    SELECT d.dim::"RollupDimension", d.dim || '-' || k, day::date, 3, 7, 45000, 6000
    FROM generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') AS day
    CROSS JOIN (VALUES ('VILLAGE', 40), ('COOPERATIVE', 12), ('CATEGORY', 8)) AS d(dim, n)
    CROSS JOIN LATERAL generate_series(1, d.n) AS k
    UNION ALL
    SELECT 'TOTAL', '', day::date, 120, 280, 1800000, 240000 FROM generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') AS day`);
  const hh = await db.household.findMany({ select: { id: true }, take: 400 });
  const coop = await db.cooperative.findFirstOrThrow({ select: { id: true } });
  await db.$executeRawUnsafe(
    `INSERT INTO "HouseholdDailyIncome" ("householdId", "cooperativeId", "villageId", "categoryId", "day", "amountFen")
     SELECT h, $1, 'VILLAGE-' || (1 + abs(hashtext(h)) % 40), 'CATEGORY-1', day::date, 150
     FROM unnest($2::text[]) AS h CROSS JOIN generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') AS day`,
    coop.id,
    hh.map((h) => h.id),
  );
  const rollupRows = await db.salesDailyRollup.count();
  const incomeRows = await db.householdDailyIncome.count();
  results.push(await time(`sales report by village, 1 year (${rollupRows} rollup rows)`, () => salesReport(db, { by: "village", from: "2025-01-01", to: "2025-12-31" }), 50));
  results.push(await time(`sales report by month, 1 year (${incomeRows} household-day rows)`, () => salesReport(db, { by: "month", from: "2025-01-01", to: "2025-12-31" }), 50));
  const checkStart = performance.now();
  const check = await checkLedger(db);
  const checkMs = performance.now() - checkStart;
  console.log(`\nledger:check over ${check.ordersChecked} paid orders, ${check.entriesChecked} entries: ${checkMs.toFixed(0)} ms (synthetic rollup rows are reported as differences: ${check.differences.length})`);
  console.log(`\nDatabase: ${where}; seed written in ${seedMs.toFixed(0)} ms; ${ITERATIONS} iterations per read\n`);
  console.log("| operation | n | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${r.label} | ${r.iterations} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.max.toFixed(3)} |`);
} finally {
  await done();
}

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl && !process.env.BENCH_SKIP_SERVER) {
  const cache = await benchCatalogCache(serverUrl, { appDir: process.env.BENCH_APP_DIR, skipBuild: Boolean(process.env.BENCH_SKIP_BUILD) });
  console.log(`\nCatalog cache in the built app (next start, fresh PostgreSQL database; load average ${cache.load}):\n`);
  console.log("| request | n | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |");
  for (const r of cache.rows) console.log(`| ${r.label} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
  console.log("\n| check | expected | got | |\n| --- | --- | --- | --- |");
  for (const c of cache.checks) console.log(`| ${c.label} | ${c.expected} | ${c.got} | ${c.ok ? "ok" : "FAILED"} |`);
  if (cache.checks.some((c) => !c.ok)) process.exitCode = 1;
}
