// `npm run bench`: how fast the storefront's reads and the benefit split are, on a freshly migrated and
// seeded database (BENCH_DATABASE_URL → a throwaway PostgreSQL database on that server; else in-memory PGlite).
// Prints a table; docs/benchmarks.md records the numbers measured on the reference machine.
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { splitLine } from "../../lib/domain/benefit";
import { openDatabase, type DatabaseTarget, type Db } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { seedDatabase } from "../../lib/seed";
import { getHome, getProduct, listProducts } from "../../lib/server/queries/catalog";
import { parseCatalogQuery } from "../../lib/validation/catalog";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

async function time(label: string, fn: () => Promise<unknown> | unknown, iterations = ITERATIONS) {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!;
  return { label, iterations, p50: pct(0.5), p95: pct(0.95), max: samples[samples.length - 1]! };
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
  console.log(`\nDatabase: ${where}; seed written in ${seedMs.toFixed(0)} ms; ${ITERATIONS} iterations per read\n`);
  console.log("| operation | n | p50 ms | p95 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${r.label} | ${r.iterations} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.max.toFixed(3)} |`);
} finally {
  await done();
}
