// `npm run bench:county`: the county console (issue 13) at county scale. Needs BENCH_DATABASE_URL (a PostgreSQL
// server; a throwaway database is created on it, migrated, seeded, and dropped at the end). Generates two years
// of paid orders with set-based SQL (INSERT … SELECT FROM generate_series: 150 villages, 2,000 households,
// ~400,000 orders, ~1,000,000 lines, their ledger entries and the rollups grouped from that ledger), then times
// the real functions through the Prisma client: the admin dashboard for a year, sales by village against a
// hand-written GROUP BY over the same rollup rows, the monitoring evaluation and the flags page's reads, and
// generating one month's statements. docs/benchmarks.md records the figures measured on the reference machine.
// BENCH_COUNTY_ORDERS scales the history (default 400000; lines are 2.5 per order on average);
// BENCH_COUNTY_KEEP=1 leaves the database in place for EXPLAIN (its name is printed; drop it yourself).
// BENCH_COUNTY_LEDGER=1 also times `ledger:check` (checkLedger) from scratch and since a checkpoint: nothing new, a day
// of 1,000 new orders, a tampered rollup row; BENCH_COUNTY_LEDGER=only times that instead of the reads.
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { planPayment } from "../../lib/domain/ledger";
import { parseMonth } from "../../lib/domain/reports";
import { seedDatabase } from "../../lib/seed";
import { dashboard } from "../../lib/server/dashboard/data";
import { evaluateMonitoring } from "../../lib/server/monitoring/evaluate";
import { monthsRead } from "../../lib/domain/monitoring";
import { monthlyIncome } from "../../lib/server/monitoring/income";
import { listFlags, listTownships } from "../../lib/server/monitoring/list";
import { readLastRun, readLine } from "../../lib/server/monitoring/settings";
import { generateSettlements } from "../../lib/server/settlements/generate";
import { salesReport } from "../../lib/server/queries/reports";
import { loadAverage, sample, summarize, throwawayDatabase, type Summary } from "./support";
import { ROLLUP_QUERIES, ROLLUP_TABLES, rebuildStatements } from "../../lib/server/rollups/rebuild";
import { checkLedger } from "../../lib/server/ledger/check";

const server = process.env.BENCH_DATABASE_URL;
if (!server) {
  console.error("bench:county needs BENCH_DATABASE_URL (a PostgreSQL server on which it may create and drop a database)");
  process.exit(2);
}

const ORDERS = Number(process.env.BENCH_COUNTY_ORDERS ?? 400_000);
// BENCH_COUNTY_LEDGER=1 times `ledger:check` after the reads (from scratch, since a checkpoint, after a day of new
// orders, with a tampered rollup row); =only times it instead of them.
const LEDGER = process.env.BENCH_COUNTY_LEDGER;
const NEW_ORDERS = 1_000;
const VILLAGES = 150;
const HOUSEHOLDS = 2_000;
const COOPERATIVES = 60;
const PRODUCTS = 600;
const BUYERS = 5_000;
const FIRST_DAY = "2024-11-30"; // two years of Beijing days: 2024-11-30 … 2026-11-29
const DAYS = 730;
const NOW = new Date("2026-11-30T04:00:00.000Z"); // noon, Beijing, the day after the history ends
const YEAR = { from: "2025-12-01", to: "2026-11-30" };
const PREVIOUS = { from: "2024-12-01", to: "2025-11-30" };
const MONTH = parseMonth("2026-10")!;

const load = loadAverage;

interface Timing extends Summary {
  label: string;
}

const time = async (label: string, fn: () => Promise<unknown>, n = 5, warmup = 1): Promise<Timing> => ({ label, ...summarize(await sample(fn, n, warmup)) });

async function once(fn: () => Promise<unknown>): Promise<number> {
  return (await sample(fn, 1))[0]!;
}

const scratch = await throwawayDatabase(server, "shop_bench_county");
const name = scratch.name;
const target: DatabaseTarget = { kind: "postgres", url: scratch.url };

const opened = { current: null as null | ReturnType<typeof openDatabase> };
const sql = new pg.Client({ connectionString: scratch.url });
try {
  console.log(`database ${name}; load average at start ${load()}`);
  await migrateDeploy(target);
  opened.current = openDatabase(target);
  const db = opened.current.db;
  await seedDatabase(db, { demoUsers: true });
  await sql.connect();

  // ─── generation ───
  const steps: { step: string; ms: number; rows?: number }[] = [];
  const run = async (step: string, text: string, params: unknown[] = []) => {
    const start = performance.now();
    const r = await sql.query(text, params);
    steps.push({ step, ms: performance.now() - start, rows: r.rowCount ?? undefined });
  };
  const genStart = performance.now();
  // Bulk load: no FK or append-only triggers while writing (superuser session), no commit waits, memory for sorts.
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(`SET synchronous_commit = off`);
  await sql.query(`SET work_mem = '256MB'`);
  await sql.query(`SET maintenance_work_mem = '512MB'`);
  await sql.query(`SELECT setseed(0.13)`);

  // Secondary indexes of the big tables are dropped and then rebuilt from their own definitions, so the schema
  // benched is exactly the migrated one.
  const { rows: indexes } = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('LedgerEntry', 'OrderItem', 'Order', 'Payment') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of indexes) await sql.query(`DROP INDEX "${i.indexname}"`);

  await run(
    "villages",
    `INSERT INTO "Village" ("id", "slug", "townshipId", "nameZh", "nameEn")
     SELECT 'bv' || g, 'bench-village-' || g, t.ids[1 + g % array_length(t.ids, 1)], '测试村' || g, 'Test village ' || g
     FROM generate_series(1, $1::int - (SELECT COUNT(*) FROM "Village")::int) g, (SELECT array_agg("id" ORDER BY "id") AS ids FROM "Township") t`,
    [VILLAGES],
  );
  await sql.query(`CREATE TEMP TABLE tv AS SELECT (row_number() OVER (ORDER BY "id") - 1)::int AS n, "id" FROM "Village"`);
  await run(
    "cooperatives",
    `INSERT INTO "Cooperative" ("id", "slug", "villageId", "nameZh", "nameEn", "status", "certifiedAt", "updatedAt")
     SELECT 'bc' || g, 'bench-coop-' || g, tv."id", '测试合作社' || g, 'Test cooperative ' || g, 'CERTIFIED', now(), now()
     FROM generate_series(1, $1::int - (SELECT COUNT(*) FROM "Cooperative")::int) g JOIN tv ON tv.n = (g * 7) % $2::int`,
    [COOPERATIVES, VILLAGES],
  );
  await sql.query(`CREATE TEMP TABLE tc AS SELECT (row_number() OVER (ORDER BY "id") - 1)::int AS n, "id" FROM "Cooperative"`);
  await run(
    "households",
    `INSERT INTO "Household" ("id", "code", "villageId", "memberCount", "registeredYear", "status")
     SELECT 'bh' || g, 'BENCH-' || lpad(g::text, 5, '0'), tv."id", 1 + g % 5, 2016 + g % 4, 'REGISTERED'
     FROM generate_series(1, $1::int - (SELECT COUNT(*) FROM "Household")::int) g JOIN tv ON tv.n = g % $2::int`,
    [HOUSEHOLDS, VILLAGES],
  );
  await sql.query(`CREATE TEMP TABLE th AS SELECT (row_number() OVER (ORDER BY "id") - 1)::int AS n, "id" FROM "Household"`);
  // Every household works for cooperative n % 60 (its line benefit comes from there); every other one also holds
  // a dividend share in a second cooperative.
  await run(
    "participations",
    `INSERT INTO "HouseholdParticipation" ("id", "householdId", "cooperativeId", "benefitType", "weight", "since")
     SELECT 'bpw' || th.n, th."id", tc."id", 'WAGES'::"BenefitType", 1 + th.n % 3, timestamp '2023-12-31 16:00' FROM th JOIN tc ON tc.n = th.n % $1::int
     UNION ALL
     SELECT 'bpd' || th.n, th."id", tc."id", 'DIVIDEND'::"BenefitType", 1, timestamp '2023-12-31 16:00' FROM th JOIN tc ON tc.n = (th.n * 7 + 3) % $1::int WHERE th.n % 2 = 0
     ON CONFLICT DO NOTHING`,
    [COOPERATIVES],
  );
  await sql.query(`CREATE TEMP TABLE tk AS SELECT (row_number() OVER (ORDER BY "id") - 1)::int AS n, "id" FROM "Category"`);
  await sql.query(
    `CREATE TEMP TABLE tp AS
     SELECT j AS n, 'bpr' || j AS id, tc."id" AS coop, tc.n AS coop_n, tk."id" AS cat, tv."id" AS village,
            2000 + (j * 137) % 20000 AS price, 500 + (j % 10) * 100 AS bp,
            ARRAY[h0."id", h1."id", h2."id"] AS hh
     FROM generate_series(0, $1::int - 1) j
     JOIN tc ON tc.n = j % $2::int
     JOIN tk ON tk.n = j % (SELECT COUNT(*) FROM tk)::int
     JOIN tv ON tv.n = j % $3::int
     JOIN th h0 ON h0.n = tc.n + $2::int * ((j / $2::int) % ($4::int / $2::int))
     JOIN th h1 ON h1.n = tc.n + $2::int * ((j / $2::int + 11) % ($4::int / $2::int))
     JOIN th h2 ON h2.n = tc.n + $2::int * ((j / $2::int + 22) % ($4::int / $2::int))`,
    [PRODUCTS, COOPERATIVES, VILLAGES, HOUSEHOLDS],
  );
  await run(
    "products",
    `INSERT INTO "Product" ("id", "slug", "cooperativeId", "categoryId", "originVillageId", "nameZh", "nameEn", "priceFen", "stock",
       "certificationStatus", "certifiedAt", "listingStatus", "benefitRuleType", "benefitBasisPoints", "updatedAt")
     SELECT id, 'bench-product-' || n, coop, cat, village, '测试产品' || n, 'Test product ' || n, price, 1000000,
       'CERTIFIED', now(), 'ON_SALE', 'PERCENT_OF_REVENUE', bp, now() FROM tp`,
  );
  await run(
    "product beneficiaries",
    `INSERT INTO "ProductBeneficiary" ("productId", "householdId", "weight") SELECT tp.id, h, 1 FROM tp, unnest(tp.hh) h`,
  );
  await run(
    "buyers",
    `INSERT INTO "User" ("id", "email", "role", "updatedAt") SELECT 'bu' || g, 'bench-buyer-' || g || '@example.test', 'BUYER', now() FROM generate_series(0, $1::int - 1) g`,
    [BUYERS],
  );
  // Orders: a Beijing day each (uniform over the two years), numbered in day order so every table is written in
  // the order the shop would have written it (the ledger's physical order follows its days); 2 or 3 lines.
  await sql.query(
    `CREATE TEMP TABLE t_o AS
     SELECT o, d AS day, ((d + time '08:00' + (o % 720) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC' AS paid_at,
            'bu' || (o % $2::int) AS buyer, 2 + o % 2 AS nlines
     FROM (SELECT (row_number() OVER (ORDER BY d))::int AS o, d FROM (SELECT date '${FIRST_DAY}' + floor(random() * ${DAYS})::int AS d FROM generate_series(1, $1::int)) r) x`,
    [ORDERS, BUYERS],
  );
  await sql.query(
    `CREATE TEMP TABLE t_l AS
     SELECT x.*, price * qty AS total FROM (
       SELECT (row_number() OVER (ORDER BY t_o.o, k))::int AS i, t_o.o, t_o.day, t_o.paid_at, tp.id AS product, tp.coop, tp.cat, tp.village, tp.price, tp.bp, tp.hh,
              1 + (t_o.o + k) % 3 AS qty
       FROM t_o CROSS JOIN LATERAL generate_series(1, t_o.nlines) k JOIN tp ON tp.n = (t_o.o * 31 + k * 97) % ${PRODUCTS}) x
     ORDER BY i`,
  );
  // The ledger, exactly as planPayment (lib/domain/ledger.ts, benefit.ts) writes it, so `ledger:check` on the result
  // finds nothing: a line's entries depend only on its shape (product: price, rule, households; quantity), so
  // planPayment runs once per product and quantity here, and each line is joined to its shape's parties.
  const { rows: products } = await sql.query<{ id: string; price: number; bp: number; hh: string[] }>(`SELECT id, price, bp, hh FROM tp`);
  const parties = products.flatMap((p) =>
    [1, 2, 3].flatMap((qty) =>
      planPayment([
        {
          orderItemId: "",
          cooperativeId: "",
          villageId: "",
          categoryId: "",
          unitPriceFen: p.price,
          quantity: qty,
          benefitRuleType: "PERCENT_OF_REVENUE",
          benefitBasisPoints: p.bp,
          benefitFenPerUnit: null,
          beneficiaries: p.hh.map((householdId) => ({ householdId, weight: 1 })),
        },
      ]).map((e, k) => ({ product: p.id, qty, k, kind: e.kind, household: e.householdId, amount: e.amountFen, units: e.units })),
    ),
  );
  await sql.query(
    `CREATE TEMP TABLE t_party AS SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(product text, qty int, k int, kind text, household text, amount int, units int)`,
    [JSON.stringify(parties)],
  );
  // The orders of t_o with their lines t_l: orders, payments, lines, ledger entries (the history, and the day of
  // orders the ledger phase adds after a checkpoint).
  const writeOrders = async (o: string, l: string, label = "") => {
    await run(
      `orders${label}`,
      `INSERT INTO "Order" ("id", "number", "buyerId", "status", "paymentMethod", "itemsFen", "shippingFen", "totalFen",
         "recipient", "phone", "district", "street", "placedAt", "paidAt", "updatedAt")
       SELECT 'bo' || t_o.o, 'B' || lpad(t_o.o::text, 8, '0'), t_o.buyer, 'DELIVERED', CASE WHEN t_o.o % 4 = 0 THEN 'BANK_TRANSFER' ELSE 'STRIPE' END::"PaymentMethod",
         s.items, 0, s.items, '测试', '13800138000', 'chaoyang', '1 号', t_o.paid_at - interval '10 minutes', t_o.paid_at, t_o.paid_at
       FROM ${o} t_o JOIN (SELECT o, SUM(total)::int AS items FROM ${l} GROUP BY o) s ON s.o = t_o.o`,
    );
    await run(
      `payments${label}`,
      `INSERT INTO "Payment" ("id", "orderId", "method", "status", "amountFen", "createdAt", "succeededAt", "updatedAt")
       SELECT 'bpay' || t_o.o, o."id", o."paymentMethod", 'SUCCEEDED', o."totalFen", o."placedAt", o."paidAt", o."paidAt" FROM ${o} t_o JOIN "Order" o ON o."id" = 'bo' || t_o.o`,
    );
    await run(
      `order lines${label}`,
      `INSERT INTO "OrderItem" ("id", "orderId", "productId", "cooperativeId", "categoryId", "originVillageId", "nameZh", "nameEn",
         "unitPriceFen", "quantity", "lineTotalFen", "benefitRuleType", "benefitBasisPoints", "beneficiaries")
       SELECT 'bi' || i, 'bo' || o, product, coop, cat, village, '测试产品', 'Test product', price, qty, total, 'PERCENT_OF_REVENUE', bp,
         jsonb_build_array(jsonb_build_object('householdId', hh[1], 'weight', 1), jsonb_build_object('householdId', hh[2], 'weight', 1), jsonb_build_object('householdId', hh[3], 'weight', 1))
       FROM ${l}`,
    );
    await run(
      `ledger entries${label}`,
      `INSERT INTO "LedgerEntry" ("id", "idempotencyKey", "kind", "orderId", "orderItemId", "paymentId", "cooperativeId", "householdId",
         "villageId", "categoryId", "amountFen", "units", "day", "createdAt")
       SELECT 'bl' || t_l.i || '-' || p.k, 'paid:bi' || t_l.i || ':' || COALESCE(p.household, 'cooperative'), p.kind::"LedgerKind", 'bo' || t_l.o, 'bi' || t_l.i, 'bpay' || t_l.o,
         t_l.coop, p.household, t_l.village, t_l.cat, p.amount, p.units, t_l.day, t_l.paid_at
       FROM ${l} t_l JOIN t_party p ON p.product = t_l.product AND p.qty = t_l.qty`,
    );
  };
  await writeOrders("t_o", "t_l");
  const idxStart = performance.now();
  for (const i of indexes) await sql.query(i.indexdef);
  steps.push({ step: `rebuild ${indexes.length} secondary indexes (Order, Payment, OrderItem, LedgerEntry)`, ms: performance.now() - idxStart });
  // The rollups, grouped from the ledger by the same queries `ledger:check` compares them with (every entry is a
  // payment's here; nothing refunded).
  const [truncate, ...inserts] = rebuildStatements();
  await sql.query(truncate!);
  for (const [n, text] of inserts.entries()) await run(`rollup: ${ROLLUP_TABLES[n]}`, text);
  await sql.query(`SET session_replication_role = origin`);
  // VACUUM as well as ANALYZE: a live database's autovacuum keeps the visibility map set (index-only scans).
  await run("VACUUM ANALYZE", `VACUUM ANALYZE`);
  const genMs = performance.now() - genStart;

  const count = async (table: string) => Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]!.n);
  const volumes: [string, number][] = [];
  for (const t of ["Village", "Cooperative", "Household", "HouseholdParticipation", "Product", "User", "Order", "OrderItem", "Payment", "LedgerEntry", ...ROLLUP_TABLES]) {
    volumes.push([t, await count(t)]);
  }
  const { rows: sizes } = await sql.query<{ db: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS db`);
  // Consistency: the rollups and the ledger agree (sums; `ledger:check` compares row by row).
  const { rows: check } = await sql.query<Record<string, string>>(
    `SELECT (SELECT SUM("amountFen") FROM "LedgerEntry") AS ledger,
            (SELECT SUM("revenueFen") FROM "SalesDailyRollup" WHERE "dimension" = 'TOTAL') AS total,
            (SELECT SUM("revenueFen") FROM "SalesMonthlyRollup" WHERE "dimension" = 'TOTAL') AS "monthlyTotal",
            (SELECT SUM("revenueFen") FROM "SalesMonthlyRollup" WHERE "dimension" = 'VILLAGE') AS village,
            (SELECT SUM("revenueFen") FROM "SalesMonthlyRollup" WHERE "dimension" = 'PRODUCT') AS product,
            (SELECT SUM("itemsFen") FROM "Order") AS items,
            (SELECT SUM("amountFen") FROM "LedgerEntry" WHERE "kind" = 'HOUSEHOLD_BENEFIT') AS benefit,
            (SELECT SUM("amountFen") FROM "HouseholdDailyIncome") AS income,
            (SELECT SUM("amountFen") FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'TOTAL') AS "monthlyIncome",
            (SELECT COUNT(*) FROM "Order" WHERE "paidAt" IS NOT NULL) AS orders,
            (SELECT SUM("orders") FROM "BuyerMonthlyOrders" WHERE "key" = '') AS "buyerOrders"`,
  );

  console.log(`\nGenerated in ${(genMs / 1000).toFixed(1)} s (load average ${load()}):\n`);
  console.log("| step | rows | s |\n| --- | ---: | ---: |");
  for (const s of steps) console.log(`| ${s.step} | ${s.rows ?? ""} | ${(s.ms / 1000).toFixed(1)} |`);
  console.log(`\n| table | rows |\n| --- | ---: |`);
  for (const [t, n] of volumes) console.log(`| ${t} | ${n.toLocaleString("en-US")} |`);
  const c0 = check[0]!;
  console.log(
    `\ndatabase size ${sizes[0]!.db}; ledger ${c0.ledger} = daily TOTAL ${c0.total} = monthly TOTAL ${c0.monthlyTotal} = monthly VILLAGE ${c0.village} = monthly PRODUCT ${c0.product} = orders' items ${c0.items}; ` +
      `household entries ${c0.benefit} = HouseholdDailyIncome ${c0.income} = HouseholdMonthlyIncome TOTAL ${c0.monthlyIncome}; paid orders ${c0.orders} = BuyerMonthlyOrders ${c0.buyerOrders}`,
  );

  if (LEDGER !== "only") {
    // ─── measurements ───
    const results: (Timing & { target: string })[] = [];
    const loads: string[] = [load()];

    results.push({ ...(await time(`admin dashboard, county, ${YEAR.from} … ${YEAR.to} vs the year before`, () => dashboard(db, { kind: "county" }, YEAR, PREVIOUS))), target: "≤ 300 ms" });
    // A custom year with ragged ends: 11 whole months from the monthly rows, ~30 days from the daily ones.
    const RAGGED = { from: "2025-12-15", to: "2026-11-14" };
    const RAGGED_BEFORE = { from: "2024-12-15", to: "2025-11-14" };
    results.push({ ...(await time(`admin dashboard, county, custom ${RAGGED.from} … ${RAGGED.to} vs the year before`, () => dashboard(db, { kind: "county" }, RAGGED, RAGGED_BEFORE))), target: "≤ 300 ms" });
    results.push({
      ...(await time("admin dashboard, county, 2026-11-01 … 2026-11-29 (this month so far) vs October", () => dashboard(db, { kind: "county" }, { from: "2026-11-01", to: "2026-11-29" }, { from: "2026-10-01", to: "2026-10-29" }))),
      target: "≤ 300 ms",
    });
    const coopId = (await sql.query<{ id: string }>(`SELECT "cooperativeId" AS id FROM "SalesMonthlyRollup" s JOIN "Product" p ON p."id" = s."key" WHERE s."dimension" = 'PRODUCT' GROUP BY 1 ORDER BY SUM("revenueFen") DESC LIMIT 1`)).rows[0]!.id;
    results.push({
      ...(await time(`cooperative dashboard (the biggest seller), ${YEAR.from} … ${YEAR.to} vs the year before`, () => dashboard(db, { kind: "cooperative", cooperativeIds: [coopId], cooperativeId: coopId }, YEAR, PREVIOUS))),
      target: "—",
    });
    loads.push(load());

    // The rows salesReport reads for a year of whole months: the monthly VILLAGE rollup (sales) and the monthly
    // household rows (households reached), grouped by hand.
    const YEAR_MONTHS = [YEAR.from, `${YEAR.to.slice(0, 7)}-01`];
    const byVillageSql = `SELECT "key", SUM("orders") AS "orders", SUM("units") AS "units", SUM("revenueFen")::bigint AS "revenueFen", SUM("householdBenefitFen")::bigint AS "householdBenefitFen"
      FROM "SalesMonthlyRollup" WHERE "dimension" = 'VILLAGE' AND "month" BETWEEN $1::date AND $2::date GROUP BY 1`;
    const wholeReportSql = `WITH sales AS (${byVillageSql}),
      reached AS (SELECT "key", COUNT(*) AS "households" FROM (SELECT "key", "householdId" FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'VILLAGE' AND "month" BETWEEN $1::date AND $2::date GROUP BY 1, 2 HAVING SUM("amountFen") > 0) r GROUP BY 1),
      total AS (SELECT SUM("orders") AS "orders", SUM("units") AS "units", SUM("revenueFen")::bigint AS "revenueFen", SUM("householdBenefitFen")::bigint AS "householdBenefitFen" FROM "SalesMonthlyRollup" WHERE "dimension" = 'TOTAL' AND "month" BETWEEN $1::date AND $2::date),
      "reachedTotal" AS (SELECT COUNT(*) AS "households" FROM (SELECT "householdId" FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'TOTAL' AND "month" BETWEEN $1::date AND $2::date GROUP BY 1 HAVING SUM("amountFen") > 0) r)
      SELECT s.*, r."households", t.*, rt."households" AS "totalHouseholds" FROM sales s LEFT JOIN reached r ON r."key" = s."key" CROSS JOIN total t CROSS JOIN "reachedTotal" rt`;
    const villageRows = (await sql.query(byVillageSql, YEAR_MONTHS)).rowCount;
    const rollupRowsRead = Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "SalesMonthlyRollup" WHERE "dimension" = 'VILLAGE' AND "month" BETWEEN $1::date AND $2::date`, YEAR_MONTHS)).rows[0]!.n);
    const householdRowsRead = Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'VILLAGE' AND "month" BETWEEN $1::date AND $2::date`, YEAR_MONTHS)).rows[0]!.n);
    const app = await time("sales by village, 1 year: salesReport (Prisma)", () => salesReport(db, { by: "village", ...YEAR }), 21, 3);
    const hand = await time(`sales by village, 1 year: hand-written GROUP BY (pg), ${rollupRowsRead} monthly rollup rows → ${villageRows}`, () => sql.query(byVillageSql, YEAR_MONTHS), 21, 3);
    const handReached = await time(`  the whole report by hand in one statement (pg): that GROUP BY, households reached per village over ${householdRowsRead} monthly household rows, the totals`, () => sql.query(wholeReportSql, YEAR_MONTHS), 21, 3);
    results.push({ ...app, target: `≤ 2× SQL: ${(app.median / hand.median).toFixed(1)}×` }, { ...hand, target: "baseline" }, { ...handReached, target: `app / this: ${(app.median / handReached.median).toFixed(2)}×` });
    loads.push(load());

    const firstEvaluation = await once(() => evaluateMonitoring(db, { now: NOW, actorId: null }));
    const summary = await evaluateMonitoring(db, { now: NOW, actorId: null });
    results.push({ label: `monitoring evaluation, first run (writes ${Object.values(summary.byRule).reduce((a, b) => a + b, 0)} flags)`, n: 1, median: firstEvaluation, p95: firstEvaluation, min: firstEvaluation, max: firstEvaluation, target: "≤ 500 ms" });
    results.push({ ...(await time(`monitoring evaluation, again (${summary.households} households, nothing new)`, () => evaluateMonitoring(db, { now: NOW, actorId: null }))), target: "≤ 500 ms" });
    results.push({
      ...(await time("monitoring flags page reads (listFlags + townships + line + last run)", () =>
        Promise.all([readLine(db), readLastRun(db), listFlags(db, { scope: { kind: "all" }, now: NOW }), listTownships(db)]), 11, 2)),
      target: "≤ 500 ms",
    });
    loads.push(load());

    let generated = "";
    const firstGenerate = await once(async () => {
      const r = await generateSettlements(db, MONTH, null);
      generated = `${r.created} created`;
    });
    results.push({ label: `generate ${MONTH.month}'s statements, first run (${generated})`, n: 1, median: firstGenerate, p95: firstGenerate, min: firstGenerate, max: firstGenerate, target: "≤ 5 s" });
    results.push({ ...(await time(`generate ${MONTH.month}'s statements, again (recompute)`, () => generateSettlements(db, MONTH, null))), target: "≤ 5 s" });
    loads.push(load());

    // Where the time goes: the dashboard's and the statements' heaviest reads, run alone (pg, after the runs above).
    const parts: [string, string, unknown[]][] = [
      ["dashboard: households reached in a year (HouseholdMonthlyIncome TOTAL)", `SELECT COUNT(*), COUNT(DISTINCT h."villageId") FROM (SELECT "householdId" FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'TOTAL' AND "key" = '' AND "month" BETWEEN $1::date AND $2::date GROUP BY "householdId" HAVING SUM("amountFen") > 0) r JOIN "Household" h ON h."id" = r."householdId"`, YEAR_MONTHS],
      ["dashboard: households reached per village in a year (HouseholdMonthlyIncome VILLAGE)", `SELECT "key", COUNT(*) FROM (SELECT "key", "householdId" FROM "HouseholdMonthlyIncome" WHERE "dimension" = 'VILLAGE' AND "month" BETWEEN $1::date AND $2::date GROUP BY 1, 2 HAVING SUM("amountFen") > 0) r GROUP BY 1`, YEAR_MONTHS],
      ["dashboard: distinct buyers of a year (BuyerMonthlyOrders)", `SELECT COUNT(DISTINCT "buyerId") FROM "BuyerMonthlyOrders" WHERE "key" = '' AND "month" BETWEEN $1::date AND $2::date`, YEAR_MONTHS],
      ["dashboard: distinct buyers of 29 days (Order + LedgerEntry, the ragged ends' read)", `SELECT COUNT(DISTINCT o."buyerId") FROM "Order" o WHERE o."paidAt" >= ($1::date - interval '8 hours') AND o."paidAt" < ($2::date + interval '16 hours') AND EXISTS (SELECT 1 FROM "LedgerEntry" l WHERE l."orderId" = o."id")`, ["2026-11-01", "2026-11-29"]],
      ["dashboard: top products of a year (SalesMonthlyRollup PRODUCT)", `SELECT p."id", t.r FROM (SELECT "key", SUM("revenueFen") AS r FROM "SalesMonthlyRollup" WHERE "dimension" = 'PRODUCT' AND "month" BETWEEN $1::date AND $2::date GROUP BY 1) t JOIN "Product" p ON p."id" = t."key" ORDER BY 2 DESC LIMIT 10`, YEAR_MONTHS],
      ["statements: a month's LedgerEntry per cooperative (monthSums)", `SELECT l."cooperativeId", SUM(l."amountFen") FILTER (WHERE l."refundId" IS NULL) FROM "LedgerEntry" l LEFT JOIN LATERAL (SELECT MIN(p."day") AS "day" FROM "LedgerEntry" p WHERE l."refundId" IS NOT NULL AND p."orderItemId" = l."orderItemId" AND p."refundId" IS NULL) sale ON true WHERE l."day" BETWEEN $1::date AND $2::date GROUP BY 1`, [MONTH.from, MONTH.to]],
    ];
    const breakdown: { label: string; ms: number; plan: string }[] = [];
    const read = monthsRead("2026-11");
    breakdown.push({
      label: `monitoring: every household's income by month, ${read.first} … ${read.last} (monthlyIncome, Prisma)`,
      ms: (await time("", () => monthlyIncome(db, { ...read, householdIds: null }), 3, 1)).median,
      plan: "HouseholdMonthlyIncome TOTAL rows, one per household and month",
    });
    for (const [label, text, params] of parts) {
      const t = await time(label, () => sql.query(text, params), 3, 1);
      const plan = (await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params)).rows.map((r) => r["QUERY PLAN"]).filter((l) => /Scan/.test(l)).map((l) => l.trim().replace(/^->\s*/, "").replace(/\s+\(cost.*$/, "")).slice(0, 3).join("; ");
      breakdown.push({ label, ms: t.median, plan });
    }
    loads.push(load());

    console.log(`\nMeasured in-process (Prisma client, pool of 10; pg for the hand-written SQL); load averages during the runs: ${loads.join(" | ")}\n`);
    console.log("| operation | n | median ms | p95 ms | min ms | max ms | target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |");
    for (const r of results) console.log(`| ${r.label} | ${r.n} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.target} |`);
    console.log("\nThe heaviest single reads, alone (pg, median of 3):\n");
    console.log("| read | median ms | plan (outer nodes) |\n| --- | ---: | --- |");
    for (const b of breakdown) console.log(`| ${b.label} | ${b.ms.toFixed(1)} | ${b.plan} |`);
  }

  // ─── ledger:check (BENCH_COUNTY_LEDGER=1 after the reads above, =only instead of them) ───
  if (LEDGER) {
    const report = (label: string, ms: number, r: Awaited<ReturnType<typeof checkLedger>>) =>
      console.log(
        `| ${label} | ${(ms / 1000).toFixed(1)} | ${r.differences.length} | ${r.reread ? `${r.reread.orders} orders, ${r.reread.entries} entries, ${r.reread.periods} periods` : "everything"} | ` +
          `${Object.entries(r.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(", ")} | ${load()} |`,
      );
    console.log(`\nledger:check (checkLedger through the Prisma client) on ${volumes.find(([t]) => t === "LedgerEntry")![1].toLocaleString("en-US")} entries:\n`);
    console.log("| run | s | differences | read again | phases, s | load average |\n| --- | ---: | ---: | --- | --- | --- |");
    const runCheck = async (label: string, options: Parameters<typeof checkLedger>[1]) => {
      const start = performance.now();
      const r = await checkLedger(db, options);
      report(label, performance.now() - start, r);
      return r;
    };
    await runCheck("from scratch (`--full`), recording a checkpoint", { checkpoint: true });
    for (const n of [1, 2, 3]) await runCheck(`since the checkpoint, nothing new (#${n})`, { incremental: true, checkpoint: true });
    // A day of new orders after the checkpoint, with their rollups added as the shop's writer would (the day is new;
    // its month's rows already exist).
    const DAY = "2026-11-30";
    await sql.query(
      `CREATE TEMP TABLE t_o2 AS
       SELECT o, date '${DAY}' AS day, ((date '${DAY}' + time '08:00' + (o % 720) * interval '1 minute') AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'UTC' AS paid_at,
              'bu' || (o % $2::int) AS buyer, 2 + o % 2 AS nlines
       FROM generate_series($1::int + 1, $1::int + $3::int) o`,
      [ORDERS, BUYERS, NEW_ORDERS],
    );
    await sql.query(
      `CREATE TEMP TABLE t_l2 AS
       SELECT x.*, price * qty AS total FROM (
         SELECT (SELECT MAX(i) FROM t_l) + (row_number() OVER (ORDER BY t_o2.o, k))::int AS i, t_o2.o, t_o2.day, t_o2.paid_at, tp.id AS product, tp.coop, tp.cat, tp.village, tp.price, tp.bp, tp.hh,
                1 + (t_o2.o + k) % 3 AS qty
         FROM t_o2 CROSS JOIN LATERAL generate_series(1, t_o2.nlines) k JOIN tp ON tp.n = (t_o2.o * 31 + k * 97) % ${PRODUCTS}) x`,
    );
    await writeOrders("t_o2", "t_l2", ` (${DAY})`);
    for (const t of ROLLUP_TABLES) {
      const q = ROLLUP_QUERIES[t];
      await sql.query(
        `INSERT INTO "${t}" (${[...q.keys, ...q.values].map((c) => `"${c}"`).join(", ")}) SELECT * FROM (${q.sql(`l."day" = '${DAY}'`)}) q
         ON CONFLICT (${q.keys.map((c) => `"${c}"`).join(", ")}) DO UPDATE SET ${q.values.map((v) => `"${v}" = "${t}"."${v}" + EXCLUDED."${v}"`).join(", ")}`,
      );
    }
    const added = Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "LedgerEntry" WHERE "day" = '${DAY}'`)).rows[0]!.n);
    await runCheck(`since the checkpoint, after ${NEW_ORDERS} new orders on ${DAY} (${added} entries)`, { incremental: true, checkpoint: true });
    await runCheck("since the checkpoint, nothing new", { incremental: true, checkpoint: true });
    // A stored rollup row of a checkpointed day, off by a fen: found, and put back.
    const tampered = `UPDATE "SalesDailyRollup" SET "revenueFen" = "revenueFen" + $1 WHERE ("dimension", "key", "day") = (SELECT "dimension", "key", "day" FROM "SalesDailyRollup" WHERE "day" = '2025-03-01' AND "dimension" = 'VILLAGE' ORDER BY "key" LIMIT 1)`;
    await sql.query(tampered, [1]);
    await runCheck("since the checkpoint, one SalesDailyRollup row of 2025-03-01 off by a fen", { incremental: true, checkpoint: true });
    await sql.query(tampered, [-1]);
    await runCheck("since the checkpoint, the row put back", { incremental: true, checkpoint: true });
  }

  console.log(`\nload average at the end: ${loadAverage()}`);
} finally {
  await sql.end().catch(() => undefined);
  await opened.current?.close();
  if (process.env.BENCH_COUNTY_KEEP) console.log(`kept database ${name}`);
  else await scratch.drop();
}
