// `npm run bench:orders`: the order page and placing an order at 1M order lines, with and without the index on
// OrderItem.shipmentId (issue 14, item 1). Needs BENCH_DATABASE_URL (a PostgreSQL server; a throwaway database
// is created on it, migrated, seeded and dropped at the end). Generates ~400,000 delivered orders of 2–3 lines
// (~1,000,000 OrderItem rows, one Shipment per order and cooperative) with set-based SQL, then times, in rounds
// that alternate the two states so both share the same minutes of a shared machine:
//   - getBuyerOrder (lib/server/queries/orders.ts), what /account/orders/[id] reads, on random orders;
//   - placeOrder (lib/server/orders/place-order.ts), and placeOrder followed by getBuyerOrder on the new order:
//     what the checkout action and the order page it redirects to do with the database.
// Prints each round's medians with the load average, then the medians over all rounds and their ratios.
// BENCH_ORDERS_HTTP=1 adds the same over HTTP on a production build (`next build` into .next-orders-bench,
// `next start` on a spare port, on the same database): the demo buyer places an order through the checkout
// action (whose redirect renders the order page in the same response), then the order page is fetched again.
// BENCH_SKIP_BUILD=1 reuses that folder (BENCH_ORDERS_DIST names another one).
// BENCH_ORDERS scales the history (default 400000); BENCH_ORDERS_ROUNDS (default 3); BENCH_ORDERS_N samples per
// state and round (default 15); BENCH_ORDERS_KEEP=1 leaves the database in place (its name is printed).
import { type ChildProcess } from "node:child_process";
import pg from "pg";
import { openDatabase, type DatabaseTarget } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { clearDataCache } from "../../lib/db/prepare";
import { cartFingerprint } from "../../lib/domain/checkout";
import { DEMO_PASSWORD, seedDatabase } from "../../lib/seed";
import { placeOrder } from "../../lib/server/orders/place-order";
import { getBuyerOrder } from "../../lib/server/queries/orders";
import { actionsFromBuild, callAction, cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { build } from "./catalog-cache";
import { loadAverage, median, percentile, throwawayDatabase } from "./support";

const server = process.env.BENCH_DATABASE_URL;
if (!server) {
  console.error("bench:orders needs BENCH_DATABASE_URL (a PostgreSQL server on which it may create and drop a database)");
  process.exit(2);
}

const ORDERS = Number(process.env.BENCH_ORDERS ?? 400_000);
const ROUNDS = Number(process.env.BENCH_ORDERS_ROUNDS ?? 3);
const N = Number(process.env.BENCH_ORDERS_N ?? 15);
const BUYERS = 5_000;
const INDEX = "OrderItem_shipmentId_idx";
const HTTP = process.env.BENCH_ORDERS_HTTP === "1";
const DIST = process.env.BENCH_ORDERS_DIST ?? ".next-orders-bench";
const BUYER = "buyer@demo.tangxian.shop";

const load = loadAverage;
const p95 = (xs: number[]) => percentile(xs, 0.95);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

const scratch = await throwawayDatabase(server, "shop_bench_orders");
const name = scratch.name;
const target: DatabaseTarget = { kind: "postgres", url: scratch.url };

let opened: ReturnType<typeof openDatabase> | null = null;
let app: ChildProcess | null = null;
const sql = new pg.Client({ connectionString: scratch.url });
try {
  console.log(`database ${name}; load average at start ${load()}`);
  await migrateDeploy(target);
  opened = openDatabase(target);
  const db = opened.db;
  await seedDatabase(db, { demoUsers: true });
  await sql.connect();

  // ─── generation ───
  const genStart = performance.now();
  await sql.query(`SET synchronous_commit = off`);
  await sql.query(`SET work_mem = '256MB'`);
  await sql.query(`SET maintenance_work_mem = '512MB'`);
  await sql.query(`SELECT setseed(0.14)`);
  // The seed's sellable products, with stock for every order the bench places.
  await sql.query(
    `CREATE TEMP TABLE tp AS
     SELECT (row_number() OVER (ORDER BY p."id") - 1)::int AS n, p."id", p."cooperativeId" AS coop, p."categoryId" AS cat,
            p."originVillageId" AS village, p."priceFen" AS price, p."nameZh", p."nameEn"
     FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
     WHERE p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED' AND c."status" = 'CERTIFIED'
       AND (p."certificateValidUntil" IS NULL OR p."certificateValidUntil" >= now()) AND (p."certificateValidFrom" IS NULL OR p."certificateValidFrom" <= now())`,
  );
  const products = Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM tp`)).rows[0]!.n);
  await sql.query(`UPDATE "Product" SET "stock" = 100000000 WHERE "id" IN (SELECT "id" FROM tp)`);
  await sql.query(
    `INSERT INTO "User" ("id", "email", "role", "updatedAt") SELECT 'ou' || g, 'orders-bench-' || g || '@example.test', 'BUYER', now() FROM generate_series(0, $1::int - 1) g`,
    [BUYERS],
  );
  await sql.query(
    `CREATE TEMP TABLE t_l AS
     SELECT (row_number() OVER (ORDER BY o, k))::int AS i, o, tp.*, 1 + (o + k) % 3 AS qty
     FROM generate_series(1, $1::int) o CROSS JOIN LATERAL generate_series(1, 2 + o % 2) k JOIN tp ON tp.n = (o * 31 + k * 97) % $2::int`,
    [ORDERS, products],
  );
  // Secondary indexes of the two big tables are dropped while loading and rebuilt from their own definitions,
  // so the schema benched is exactly the migrated one.
  const { rows: indexes } = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('OrderItem', 'Shipment', 'Order') AND indexname NOT LIKE '%_pkey'`,
  );
  for (const i of indexes) await sql.query(`DROP INDEX "${i.indexname}"`);
  await sql.query(
    `INSERT INTO "Order" ("id", "number", "buyerId", "status", "paymentMethod", "itemsFen", "shippingFen", "totalFen",
       "recipient", "phone", "district", "street", "placedAt", "paidAt", "updatedAt")
     SELECT 'oo' || o, 'S' || lpad(o::text, 8, '0'), 'ou' || (o % $1::int), 'DELIVERED', 'STRIPE', items, 0, items, '测试', '13800138000', 'chaoyang', '1 号',
       now() - (o || ' minutes')::interval, now() - (o || ' minutes')::interval, now()
     FROM (SELECT o, SUM(price * qty)::int AS items FROM t_l GROUP BY o) s`,
    [BUYERS],
  );
  await sql.query(
    `INSERT INTO "Shipment" ("id", "orderId", "cooperativeId", "status", "shippingFen", "carrier", "trackingNumber", "shippedAt", "deliveredAt")
     SELECT DISTINCT ON (o, coop) 'os' || o || '-' || coop, 'oo' || o, coop, 'DELIVERED', 0, 'SF', 'SF' || lpad(o::text, 10, '0'), now(), now() FROM t_l`,
  );
  await sql.query(
    `INSERT INTO "OrderItem" ("id", "orderId", "productId", "cooperativeId", "shipmentId", "categoryId", "originVillageId", "nameZh", "nameEn",
       "unitPriceFen", "quantity", "lineTotalFen", "benefitRuleType", "benefitBasisPoints", "beneficiaries")
     SELECT 'oi' || i, 'oo' || o, "id", coop, 'os' || o || '-' || coop, cat, village, "nameZh", "nameEn", price, qty, price * qty, 'PERCENT_OF_REVENUE', 500, '[]'::jsonb
     FROM t_l ORDER BY i`,
  );
  for (const i of indexes) await sql.query(i.indexdef);
  await sql.query(`VACUUM ANALYZE "Order", "Shipment", "OrderItem", "User", "Product"`);
  const count = async (table: string) => Number((await sql.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]!.n);
  const volumes = { Order: await count("Order"), Shipment: await count("Shipment"), OrderItem: await count("OrderItem") };
  console.log(`generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s: ${JSON.stringify(volumes)} from ${products} seeded products; load ${load()}`);
  if (volumes.OrderItem < 1_000_000 && ORDERS >= 400_000) throw new Error(`expected at least 1,000,000 order lines, got ${volumes.OrderItem}`);

  // ─── what is timed ───
  const { rows: sample } = await sql.query<{ id: string; buyerId: string }>(
    `SELECT "id", "buyerId" FROM "Order" WHERE "id" LIKE 'oo%' ORDER BY random() LIMIT 500`,
  );
  const { rows: cartProducts } = await sql.query<{ id: string }>(`SELECT DISTINCT ON (coop) "id" FROM tp ORDER BY coop, n LIMIT 3`);
  let pick = 0;
  const orderPage = async () => {
    const o = sample[pick++ % sample.length]!;
    const order = await getBuyerOrder(db, { buyerId: o.buyerId, orderId: o.id, locale: "zh-CN" });
    if (!order || order.shipments.length === 0) throw new Error(`order ${o.id} not read`);
  };
  let buyerNo = 0;
  /** A fresh buyer with a cart of one line per cooperative (up to three), as the checkout page leaves it. */
  const freshCart = async (): Promise<{ userId: string; fingerprint: string }> => {
    const user = await db.user.create({ data: { email: `orders-bench-new-${++buyerNo}-${Date.now()}@example.test` }, select: { id: true } });
    const items = cartProducts.map((p, k) => ({ productId: p.id, quantity: 1 + k }));
    await db.cart.create({ data: { userId: user.id, items: { create: items } } });
    return { userId: user.id, fingerprint: cartFingerprint(items) };
  };
  const place = async ({ userId, fingerprint }: { userId: string; fingerprint: string }) => {
    const placed = await placeOrder(db, {
      userId,
      method: "BANK_TRANSFER",
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: { unitName: "北京市朝阳区总工会", invoiceTitle: "北京市朝阳区总工会", taxId: "91110105000000000X" },
      fingerprint,
    });
    if (!placed.ok) throw new Error(`placeOrder refused: ${placed.code}`);
    return placed.orderId;
  };

  type State = "without index" | "with index";
  type Metric = "order page (getBuyerOrder)" | "placeOrder" | "placeOrder + order page";
  const samples = new Map<string, number[]>();
  const add = (state: State, metric: Metric, x: number) => samples.set(`${state}|${metric}`, [...(samples.get(`${state}|${metric}`) ?? []), x]);
  const rounds: { round: number; state: State; load: string; page: number; place: number; both: number; plan: string }[] = [];
  const planOf = async () => {
    const shipment = (await sql.query<{ id: string }>(`SELECT "id" FROM "Shipment" WHERE "orderId" = $1 LIMIT 1`, [sample[0]!.id])).rows[0]!.id;
    const { rows } = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT "id" FROM "OrderItem" WHERE "shipmentId" IN ($1)`, [shipment]);
    return rows.map((r) => r["QUERY PLAN"]).find((l) => /Scan/.test(l))!.trim().replace(/\s+\(cost.*$/, "");
  };
  const indexBuilds: number[] = [];
  const setState = async (state: State) => {
    if (state === "without index") await sql.query(`DROP INDEX IF EXISTS "${INDEX}"`);
    else if ((await sql.query(`SELECT 1 FROM pg_indexes WHERE indexname = $1`, [INDEX])).rowCount === 0) {
      const start = performance.now();
      await sql.query(`CREATE INDEX "${INDEX}" ON "OrderItem"("shipmentId")`);
      indexBuilds.push(performance.now() - start);
    }
    await sql.query(`ANALYZE "OrderItem"`);
  };
  const measure = async (round: number, state: State) => {
    await setState(state);
    const plan = await planOf();
    await orderPage(); // warm-up: plans, connections, caches
    await place(await freshCart());
    const l = load();
    const page: number[] = [];
    const placing: number[] = [];
    const both: number[] = [];
    for (let k = 0; k < N; k++) {
      let start = performance.now();
      await orderPage();
      page.push(performance.now() - start);
      const cart = await freshCart();
      start = performance.now();
      const orderId = await place(cart);
      const placed = performance.now() - start;
      const userId = cart.userId;
      const read = await getBuyerOrder(db, { buyerId: userId, orderId, locale: "zh-CN" });
      if (!read) throw new Error(`placed order ${orderId} not read`);
      placing.push(placed);
      both.push(performance.now() - start);
    }
    for (const x of page) add(state, "order page (getBuyerOrder)", x);
    for (const x of placing) add(state, "placeOrder", x);
    for (const x of both) add(state, "placeOrder + order page", x);
    rounds.push({ round, state, load: l, page: median(page), place: median(placing), both: median(both), plan });
  };

  for (let r = 1; r <= ROUNDS; r++) {
    // Alternate which state goes first, so neither always runs on the warmer (or busier) minutes.
    const order: State[] = r % 2 ? ["without index", "with index"] : ["with index", "without index"];
    for (const state of order) await measure(r, state);
  }
  // ─── over HTTP, on a production build ───
  const httpRounds: { round: number; state: State; load: string; action: number; page: number }[] = [];
  const httpSamples = new Map<string, number[]>();
  if (HTTP) {
    if (process.env.BENCH_SKIP_BUILD !== "1") {
      const start = performance.now();
      build(process.cwd(), DIST);
      console.log(`next build into ${DIST}: ${((performance.now() - start) / 1000).toFixed(0)} s; load ${load()}`);
    }
    // A data cache left on disk by an earlier run describes another database.
    clearDataCache(process.cwd(), DIST);
    const port = await freePort();
    app = await startServer(port, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
    const baseURL = `http://127.0.0.1:${port}`;
    const buyer = await db.user.findUniqueOrThrow({ where: { email: BUYER }, select: { id: true } });
    const address = await db.address.create({ data: { userId: buyer.id, recipient: "测试", phone: "13800138000", district: "chaoyang", street: "工体北路 8 号" }, select: { id: true } });
    const cookie = cookieHeader(await signInOverHttp(baseURL, BUYER, DEMO_PASSWORD));
    const action = [...actionsFromBuild(process.cwd(), DIST)].find(([key]) => key.endsWith("lib/server/actions/checkout/place-order.ts#placeOrderAction"))?.[1];
    if (!action) throw new Error("placeOrderAction is not in the build");
    const items = cartProducts.map((p) => ({ productId: p.id, quantity: 1 }));
    const fingerprint = cartFingerprint(items);
    const placeOverHttp = async () => {
      const cart = await db.cart.upsert({ where: { userId: buyer.id }, create: { userId: buyer.id }, update: {}, select: { id: true } });
      await db.cartItem.deleteMany({ where: { cartId: cart.id } });
      await db.cartItem.createMany({ data: items.map((i) => ({ cartId: cart.id, ...i })) });
      let start = performance.now();
      const placed = await callAction(baseURL, action, { method: "BANK_TRANSFER", addressId: address.id, note: "", fingerprint }, cookie);
      const actionMs = performance.now() - start;
      if (placed.outcome !== "redirect" || !placed.location?.includes("/account/orders/")) throw new Error(`checkout did not redirect to the order: ${placed.outcome} ${placed.body.slice(0, 300)}`);
      start = performance.now();
      const res = await fetch(new URL(placed.location, baseURL), { headers: { Cookie: cookie } });
      await res.text();
      if (res.status !== 200) throw new Error(`${placed.location}: HTTP ${res.status}`);
      return { actionMs, pageMs: performance.now() - start };
    };
    for (let r = 1; r <= ROUNDS; r++) {
      const order: State[] = r % 2 ? ["without index", "with index"] : ["with index", "without index"];
      for (const state of order) {
        await setState(state);
        await placeOverHttp(); // warm-up
        const l = load();
        const action: number[] = [];
        const page: number[] = [];
        for (let k = 0; k < N; k++) {
          const t = await placeOverHttp();
          action.push(t.actionMs);
          page.push(t.pageMs);
        }
        httpSamples.set(`${state}|action`, [...(httpSamples.get(`${state}|action`) ?? []), ...action]);
        httpSamples.set(`${state}|page`, [...(httpSamples.get(`${state}|page`) ?? []), ...page]);
        httpRounds.push({ round: r, state, load: l, action: median(action), page: median(page) });
      }
    }
  }
  await setState("with index");

  console.log(`\nper round (median of ${N} each; load average = 1, 5, 15 min at the start of the state's samples)`);
  console.table(
    rounds.map((r) => ({
      round: r.round,
      state: r.state,
      "order page ms": ms(r.page),
      "placeOrder ms": ms(r.place),
      "placeOrder + page ms": ms(r.both),
      "OrderItem by shipmentId": r.plan,
      load: r.load,
    })),
  );
  const metrics: Metric[] = ["order page (getBuyerOrder)", "placeOrder", "placeOrder + order page"];
  console.log(`\nall rounds (${ROUNDS} × ${N} samples per state; ratio = without ÷ with)`);
  console.table(
    metrics.map((m) => {
      const without = samples.get(`without index|${m}`)!;
      const withIndex = samples.get(`with index|${m}`)!;
      return {
        metric: m,
        "without p50 ms": ms(median(without)),
        "without p95 ms": ms(p95(without)),
        "with p50 ms": ms(median(withIndex)),
        "with p95 ms": ms(p95(withIndex)),
        ratio: `${(median(without) / median(withIndex)).toFixed(1)}×`,
      };
    }),
  );
  if (HTTP) {
    console.log(`\nover HTTP, production build (${DIST}); per round, median of ${N} each`);
    console.table(httpRounds.map((r) => ({ round: r.round, state: r.state, "place order (action POST) ms": ms(r.action), "order page GET ms": ms(r.page), load: r.load })));
    console.table(
      (["action", "page"] as const).map((m) => {
        const without = httpSamples.get(`without index|${m}`)!;
        const withIndex = httpSamples.get(`with index|${m}`)!;
        return {
          metric: m === "action" ? "place order over HTTP (action POST, redirect rendered)" : "order page over HTTP (GET)",
          "without p50 ms": ms(median(without)),
          "without p95 ms": ms(p95(without)),
          "with p50 ms": ms(median(withIndex)),
          "with p95 ms": ms(p95(withIndex)),
          ratio: `${(median(without) / median(withIndex)).toFixed(1)}×`,
        };
      }),
    );
  }
  console.log(`CREATE INDEX "${INDEX}" on ${volumes.OrderItem} rows: ${indexBuilds.map((x) => `${(x / 1000).toFixed(2)} s`).join(", ")}`);
  console.log(`load average at end ${load()}`);
} finally {
  app?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  await sql.end().catch(() => {});
  await opened?.close();
  if (process.env.BENCH_ORDERS_KEEP) console.log(`kept database ${name}`);
  else await scratch.drop();
}
