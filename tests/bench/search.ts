// `npm run bench:search`: the catalog listing at 10,000 products (issue 14, point 4), on a throwaway PostgreSQL
// database on BENCH_DATABASE_URL's server (else an in-memory PGlite): migrated, seeded, then grown set-based to
// BENCH_PRODUCTS products (default 10,000) by copying the seed's sellable products (names numbered, one photo,
// the same households). Times, interleaved round by round so both sides see the same load:
//   - search 葡萄 / 黄桃罐头 / wine: the listing (search document, GIN index, one statement) against the substring
//     search it replaced (ten ILIKEs per term over joined names, count + page + relations + reservations);
//   - search 葡萄 and a category page against the same page as plain hand-written SQL (filter, rank or sort, names,
//     count in one statement; no photo, households or reservations), sent through the driver itself (`pg`, or
//     PGlite's `query`) and through the app's Prisma client ($queryRawUnsafe: the client's own cost per statement),
//     and the old category listing; and the raw search with its query as a plain constant, which lets the planner
//     skip the index (see RAW_SEARCH);
//   - search 唐县, which every product matches (the county is in every cooperative's name): the listing and both
//     raw spellings;
// all uncached (the catalog functions, not the Next data cache around them). Prints p50/p95, the ratios and the
// load average; docs/benchmarks.md records the runs. BENCH_KEEP_DATABASE=1 keeps the database (for EXPLAIN).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type DatabaseTarget, type Db } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { searchQuery } from "../../lib/domain/search";
import type { Prisma } from "../../lib/generated/prisma/client";
import { seedDatabase } from "../../lib/seed";
import { listProducts } from "../../lib/server/queries/catalog";
import { cardSelect, productOrder, sellable, toCard, withAvailability } from "../../lib/server/queries/catalog/shared";
import { PAGE_SIZE, parseCatalogQuery, type CatalogQuery } from "../../lib/validation/catalog";
import { loadAverage, percentile, throwawayDatabase } from "./support";

const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_ITERATIONS ?? 100);

/** The listing before issue 14, as it was (the baseline). */
async function oldListProducts(db: Db, query: CatalogQuery) {
  const terms = (query.q ?? "").split(" ").filter(Boolean).slice(0, 5).map((raw) => raw.replace(/[\\%_]/g, "\\$&"));
  const where: Prisma.ProductWhereInput = {
    ...sellable(),
    AND: [
      ...(query.category ? [{ category: { slug: query.category } }] : []),
      ...terms.map((term) => ({
        OR: (["nameZh", "nameEn", "descriptionZh", "descriptionEn"] as const)
          .map((f): Prisma.ProductWhereInput => ({ [f]: { contains: term, mode: "insensitive" } }))
          .concat(
            (["category", "cooperative", "originVillage"] as const).flatMap((rel) =>
              (["nameZh", "nameEn"] as const).map((f): Prisma.ProductWhereInput => ({ [rel]: { [f]: { contains: term, mode: "insensitive" } } })),
            ),
          ),
      })),
    ],
  };
  const total = await db.product.count({ where });
  const page = Math.min(query.page, Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const rows = await db.product.findMany({ where, select: cardSelect, orderBy: productOrder(query.sort), skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
  return { total, ...(await withAvailability(db, rows.map((r) => toCard(r, "zh-CN")), false)) };
}

/** The category page as the plainest SQL that answers it (the "raw SQL" a listing is compared with). */
const RAW_CATEGORY = `
  SELECT p.id, p.slug, p."nameZh", p."nameEn", p."specZh", p."specEn", p."priceFen", p.stock,
    c."nameZh" AS "categoryZh", v."nameZh" AS "villageZh", co."nameZh" AS "cooperativeZh", count(*) OVER () AS total
  FROM "Product" p
  JOIN "Category" c ON c.id = p."categoryId" JOIN "Village" v ON v.id = p."originVillageId" JOIN "Cooperative" co ON co.id = p."cooperativeId"
  WHERE c.slug = $1 AND p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED'
    AND p."certificateValidUntil" >= $2::date AND (p."certificateValidFrom" IS NULL OR p."certificateValidFrom" <= $2::date)
    AND co.status = 'CERTIFIED'
  ORDER BY p.featured DESC, p."createdAt" DESC, p.slug LIMIT ${PAGE_SIZE}`;

/**
 * Search 葡萄 as the plainest SQL on the same index: matches, ranked, counted, one page of names. The query is
 * behind a subquery as in the listing (lib/server/queries/catalog/products.ts says why), else the planner reads
 * every document instead of the index: that spelling is measured too ("tsquery as a constant").
 */
const rawSearch = (match: string) => `
  SELECT p.id, p.slug, p."nameZh", p."nameEn", p."specZh", p."specEn", p."priceFen", p.stock, count(*) OVER () AS total
  FROM "Product" p JOIN "Cooperative" co ON co.id = p."cooperativeId"
  WHERE p."searchDocument" @@ ${match} AND p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED'
    AND p."certificateValidUntil" >= $2::date AND (p."certificateValidFrom" IS NULL OR p."certificateValidFrom" <= $2::date)
    AND co.status = 'CERTIFIED'
  ORDER BY ts_rank(p."searchRankDocument", $1::tsquery) DESC, p.featured DESC, p."createdAt" DESC, p.slug LIMIT ${PAGE_SIZE}`;
const RAW_SEARCH = rawSearch("(SELECT $1::tsquery)");
const RAW_SEARCH_CONSTANT = rawSearch("$1::tsquery");

/** Copies the seed's sellable products until there are `target` products: one INSERT … SELECT per table. */
async function grow(query: (sql: string) => Promise<unknown>, target: number) {
  await query(`
    CREATE TEMP TABLE bench_template AS
      SELECT row_number() OVER (ORDER BY p.slug) - 1 AS k, p.* FROM "Product" p JOIN "Cooperative" co ON co.id = p."cooperativeId"
      WHERE p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED' AND co.status = 'CERTIFIED';
    CREATE TEMP TABLE bench_copy AS
      SELECT g, 'bench' || g AS id, t.id AS template FROM generate_series(1, ${target} - (SELECT count(*) FROM "Product")) g
      JOIN bench_template t ON t.k = g % (SELECT count(*) FROM bench_template);
    INSERT INTO "Product" (id, slug, "cooperativeId", "categoryId", "originVillageId", "nameZh", "nameEn", "descriptionZh", "descriptionEn",
      "unitZh", "unitEn", "specZh", "specEn", "priceFen", stock, featured, "certificationStatus", "certificateNumber", "certifiedAt",
      "certificateValidFrom", "certificateValidUntil", "listingStatus", "benefitRuleType", "benefitBasisPoints", "benefitFenPerUnit",
      "createdAt", "updatedAt")
    SELECT b.id, t.slug || '-' || b.g, t."cooperativeId", t."categoryId", t."originVillageId", t."nameZh" || ' ' || b.g || '号',
      t."nameEn" || ' No. ' || b.g, t."descriptionZh", t."descriptionEn", t."unitZh", t."unitEn", t."specZh", t."specEn",
      t."priceFen" + b.g % 500, 100 + b.g % 50, b.g % 97 = 0, t."certificationStatus", 'BENCH-' || b.g, t."certifiedAt",
      t."certificateValidFrom", t."certificateValidUntil", t."listingStatus", t."benefitRuleType", t."benefitBasisPoints",
      t."benefitFenPerUnit", t."createdAt" - b.g * interval '1 minute', now()
    FROM bench_copy b JOIN bench_template t ON t.id = b.template;
    INSERT INTO "ProductImage" (id, "productId", url, "altZh", "altEn", "sortOrder")
    SELECT 'img-' || b.id, b.id, i.url, i."altZh", i."altEn", 0 FROM bench_copy b
    JOIN LATERAL (SELECT * FROM "ProductImage" WHERE "productId" = b.template ORDER BY "sortOrder" LIMIT 1) i ON true;
    INSERT INTO "ProductBeneficiary" ("productId", "householdId", weight)
    SELECT b.id, pb."householdId", pb.weight FROM bench_copy b JOIN "ProductBeneficiary" pb ON pb."productId" = b.template;
    ANALYZE;`);
}

async function openBenchDatabase() {
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    const scratch = await throwawayDatabase(server, "shop_bench_search");
    const target: DatabaseTarget = { kind: "postgres", url: scratch.url };
    await migrateDeploy(target);
    const opened = openDatabase(target);
    const raw = new pg.Client({ connectionString: scratch.url });
    await raw.connect();
    return {
      db: opened.db,
      where: "PostgreSQL",
      driver: "pg",
      exec: (sql: string) => raw.query(sql),
      query: (sql: string, params: unknown[]) => raw.query(sql, params),
      async done() {
        await raw.end();
        await opened.close();
        if (process.env.BENCH_KEEP_DATABASE) return console.log(`kept ${scratch.url}`);
        await scratch.drop();
      },
    };
  }
  const pglite = new PGlite();
  const target: DatabaseTarget = { kind: "embedded", dataDir: null };
  await migrateDeploy(target, { pglite });
  const opened = openDatabase(target, pglite);
  return {
    db: opened.db,
    where: "embedded PGlite (in memory)",
    driver: "PGlite",
    exec: (sql: string) => pglite.exec(sql),
    query: (sql: string, params: unknown[]) => pglite.query(sql, params),
    done: () => opened.close(),
  };
}

type Case = { label: string; run: () => Promise<unknown> };

/** Every case once per round, in an order that rotates, so drifting load falls on all of them alike. */
async function interleaved(cases: Case[], rounds: number) {
  for (const c of cases) for (let i = 0; i < 10; i++) await c.run(); // warm-up
  const samples = new Map(cases.map((c) => [c.label, [] as number[]]));
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + r) % cases.length]!;
      const start = performance.now();
      await c.run();
      samples.get(c.label)!.push(performance.now() - start);
    }
  return new Map([...samples].map(([label, s]) => [label, { p50: percentile(s, 0.5), p95: percentile(s, 0.95) }]));
}

const load = loadAverage;
const bench = await openBenchDatabase();
try {
  const { db } = bench;
  await seedDatabase(db);
  const growStart = performance.now();
  await grow(bench.exec, PRODUCTS);
  const count = await db.product.count();
  console.log(`${bench.where}: ${count} products (grown in ${Math.round(performance.now() - growStart)} ms), ${ROUNDS} rounds; load average ${load()}`);

  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const cases: Case[] = [];
  const pairs: [string, string, string][] = [];
  for (const term of ["葡萄", "黄桃罐头", "wine"]) {
    const query = parseCatalogQuery({ q: term });
    cases.push({ label: `search ${term}: new`, run: () => listProducts(db, query, "zh-CN") });
    cases.push({ label: `search ${term}: old ILIKE`, run: () => oldListProducts(db, query) });
    pairs.push([`search ${term}, new vs old`, `search ${term}: new`, `search ${term}: old ILIKE`]);
    const [a, b] = await Promise.all([listProducts(db, query, "zh-CN"), oldListProducts(db, query)]);
    console.log(`  ${term}: ${a.total} found (old: ${b.total})`);
  }
  const grape = searchQuery("葡萄");
  cases.push({ label: `search 葡萄: raw SQL (${bench.driver})`, run: () => bench.query(RAW_SEARCH, [grape, today]) });
  cases.push({ label: "search 葡萄: raw SQL (Prisma $queryRawUnsafe)", run: () => db.$queryRawUnsafe(RAW_SEARCH, grape, today) });
  cases.push({ label: `search 葡萄: raw SQL, tsquery as a constant (${bench.driver})`, run: () => bench.query(RAW_SEARCH_CONSTANT, [grape, today]) });
  pairs.push([`search 葡萄, new vs raw SQL (${bench.driver})`, "search 葡萄: new", `search 葡萄: raw SQL (${bench.driver})`]);
  pairs.push(["search 葡萄, new vs raw SQL (Prisma)", "search 葡萄: new", "search 葡萄: raw SQL (Prisma $queryRawUnsafe)"]);
  pairs.push([`search 葡萄, raw SQL: tsquery in a subquery vs as a constant (${bench.driver})`, `search 葡萄: raw SQL (${bench.driver})`, `search 葡萄: raw SQL, tsquery as a constant (${bench.driver})`]);
  // 唐县 is in every cooperative's name, so in every product's document: the planner, knowing it, reads the whole
  // table and tests every document; the listing reads the index.
  const county = searchQuery("唐县");
  const countyQuery = parseCatalogQuery({ q: "唐县" });
  console.log(`  唐县: ${(await listProducts(db, countyQuery, "zh-CN")).total} found`);
  cases.push({ label: "search 唐县 (every product): new", run: () => listProducts(db, countyQuery, "zh-CN") });
  cases.push({ label: `search 唐县: raw SQL (${bench.driver})`, run: () => bench.query(RAW_SEARCH, [county, today]) });
  cases.push({ label: `search 唐县: raw SQL, tsquery as a constant (${bench.driver})`, run: () => bench.query(RAW_SEARCH_CONSTANT, [county, today]) });
  pairs.push([`search 唐县, new vs raw SQL (${bench.driver})`, "search 唐县 (every product): new", `search 唐县: raw SQL (${bench.driver})`]);
  pairs.push([`search 唐县, raw SQL: tsquery in a subquery vs as a constant (${bench.driver})`, `search 唐县: raw SQL (${bench.driver})`, `search 唐县: raw SQL, tsquery as a constant (${bench.driver})`]);
  const category = parseCatalogQuery({ category: "wine" });
  cases.push({ label: "category wine: new", run: () => listProducts(db, category, "zh-CN") });
  cases.push({ label: "category wine: old", run: () => oldListProducts(db, category) });
  cases.push({ label: `category wine: raw SQL (${bench.driver})`, run: () => bench.query(RAW_CATEGORY, ["wine", today]) });
  cases.push({ label: "category wine: raw SQL (Prisma $queryRawUnsafe)", run: () => db.$queryRawUnsafe(RAW_CATEGORY, "wine", today) });
  pairs.push([`category wine, new vs raw SQL (${bench.driver})`, "category wine: new", `category wine: raw SQL (${bench.driver})`]);
  pairs.push(["category wine, new vs raw SQL (Prisma)", "category wine: new", "category wine: raw SQL (Prisma $queryRawUnsafe)"]);
  pairs.push(["category wine, new vs old", "category wine: new", "category wine: old"]);

  const before = load();
  const results = await interleaved(cases, ROUNDS);
  const after = load();
  console.log(`\n| case | p50 ms | p95 ms |\n|---|---:|---:|`);
  for (const [label, r] of results) console.log(`| ${label} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} |`);
  console.log(`\n| ratio (p50) | value |\n|---|---:|`);
  for (const [label, a, b] of pairs) console.log(`| ${label} | ${(results.get(a)!.p50 / results.get(b)!.p50).toFixed(2)}× |`);
  console.log(`\nload average before ${before}, after ${after}`);
} finally {
  await bench.done();
}
