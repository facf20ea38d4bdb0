// `npm run bench:checkout`: checkout throughput with 20 concurrent buyers on PostgreSQL (issue 14, item 5).
// Needs BENCH_DATABASE_URL (a PostgreSQL server; a throwaway database is created on it, migrated, seeded and dropped).
//
// Every cart holds three lines: HOT[0] (in every cart), HOT[1] or HOT[2] (alternately) and one of the other sellable
// products, 1–3 units each, so the hot products' stock rows are what the buyers contend for. Stock is set high
// enough that nothing sells out while timed. Carts are filled before each timed run, in one set-based write, one new
// buyer per order: the timing is the checkout alone, as the checkout action calls it (cart filled earlier). Before
// each run the touched tables are vacuumed (autovacuum's work; it may be off on the bench server).
//
// Contenders, each driven by BUYERS concurrent loops that place order after order for BENCH_CHECKOUT_SECONDS;
// orders/s = orders placed ÷ the time until the last loop finished its last order; latency p50/p95 of each call;
// client CPU = this process's CPU time per order (Prisma or pg, and the mail's text); database CPU = PostgreSQL's
// processes' CPU time per order, when the server runs on this machine (read from /proc; 0 otherwise); HOT = the
// share of Product updates that found room on their page:
//   - placeOrder (lib/server/orders/place-order.ts) through Prisma with a pool of BUYERS connections;
//   - baseline: one hand-written transaction on raw pg (a pg.Pool of BUYERS) writing the same rows — cart locked,
//     cart and products read in one query, stock taken with one conditional UPDATE per product (id order), then the
//     order, its shipments, items, reservations and payment (one multi-row INSERT each), the cart emptied and the
//     order-placed mail written to the outbox (its text from a format string, not the translated template);
//   - baseline, stock last: the same statements with the stock UPDATEs moved just before COMMIT, so the hot rows are
//     locked for those statements and the commit only;
//   - BENCH_CHECKOUT_BEFORE=<file>[,<file>…]: other modules exporting placeOrder (e.g. an earlier version of
//     place-order.ts copied into the repository), each one more contender, "placeOrder (<file name>)".
// Rounds interleave the contenders (the order rotates each round) with the load average at each run's start. After
// each run: no stock below zero; per product, units taken (initial − remaining) = units in order lines = units in
// ACTIVE reservations; every order has its lines, shipments, one payment and one mail; every winner's cart is empty.
// Last, a sell-out per contender: 60 buyers (20 at a time) race for HOT[0] at stock 37: exactly 37 win.
// BENCH_CHECKOUT_SECONDS (default 10), BENCH_CHECKOUT_ROUNDS (default 3), BENCH_CHECKOUT_BUYERS (default 20),
// BENCH_CHECKOUT_FILLFACTOR=<10–100> sets the Product table's fillfactor first (room on each page for updated rows);
// BENCH_CHECKOUT_ONLY=<name,…> runs only those contenders (and the baseline); BENCH_CHECKOUT_KEEP=1 leaves the
// database in place; BENCH_CHECKOUT_CART_ADDS=<n> adds n shoppers, each on a connection of its own, who while every
// run is timed keep putting the first hot product in their cart and taking it out again (a cart line's foreign key
// takes a key share lock on the product's row, as other buyers' shopping does during a rush).
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase, type Db } from "../../lib/db/client";
import { migrateDeploy } from "../../lib/db/migrations";
import { isSellable } from "../../lib/domain/catalog";
import { cartFingerprint, orderNumber, orderTotals, RESERVATION_MS, transferReference, type CooperativeTerms } from "../../lib/domain/checkout";
import { seedDatabase } from "../../lib/seed";
import { retryingOrder } from "../../lib/server/orders/order-rows";
import { placeOrder, type PlaceOrderInput } from "../../lib/server/orders/place-order";
import { loadAverage, median, percentile, processCpuMs, throwawayDatabase } from "./support";

const server = process.env.BENCH_DATABASE_URL;
if (!server) {
  console.error("bench:checkout needs BENCH_DATABASE_URL (a PostgreSQL server on which it may create and drop a database)");
  process.exit(2);
}

const SECONDS = Number(process.env.BENCH_CHECKOUT_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_CHECKOUT_ROUNDS ?? 3);
const BUYERS = Number(process.env.BENCH_CHECKOUT_BUYERS ?? 20);
const BEFORE = process.env.BENCH_CHECKOUT_BEFORE;
const FILLFACTOR = process.env.BENCH_CHECKOUT_FILLFACTOR ? Number(process.env.BENCH_CHECKOUT_FILLFACTOR) : null;
if (FILLFACTOR !== null && !(Number.isInteger(FILLFACTOR) && FILLFACTOR >= 10 && FILLFACTOR <= 100)) {
  console.error("BENCH_CHECKOUT_FILLFACTOR: a whole number from 10 to 100");
  process.exit(2);
}
const CART_ADDS = Number(process.env.BENCH_CHECKOUT_CART_ADDS ?? 0);
if (!(Number.isInteger(CART_ADDS) && CART_ADDS >= 0 && CART_ADDS <= 50)) {
  console.error("BENCH_CHECKOUT_CART_ADDS: a whole number from 0 to 50");
  process.exit(2);
}
const STOCK = 10_000_000;
const SELL_OUT_STOCK = 37;
const SELL_OUT_BUYERS = 60;

type Outcome = { ok: boolean; code?: string };
type PlaceFn = (input: PlaceOrderInput) => Promise<Outcome>;
interface BenchCart {
  userId: string;
  lines: { productId: string; quantity: number }[];
}

const scratch = await throwawayDatabase(server, "checkout_bench");
const target = { kind: "postgres" as const, url: scratch.url, poolSize: BUYERS };
let opened: ReturnType<typeof openDatabase> | null = null;
const sql = new pg.Client({ connectionString: scratch.url });
const pool = new pg.Pool({ connectionString: scratch.url, max: BUYERS });
const shoppersOpen: pg.Client[] = [];
const address = { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" };
const inputOf = (cart: BenchCart): PlaceOrderInput => ({
  userId: cart.userId,
  method: "BANK_TRANSFER",
  address,
  note: "",
  institution: { unitName: "北京市朝阳区总工会", invoiceTitle: "北京市朝阳区总工会", taxId: "91110105000000000X" },
  fingerprint: cartFingerprint(cart.lines),
});

// ─── the baseline: one hand-written transaction on raw pg ───
interface LineRow {
  quantity: number;
  id: string;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  listingStatus: "ON_SALE";
  certificationStatus: "CERTIFIED";
  validFrom: string | null;
  validUntil: string | null;
  categoryId: string;
  originVillageId: string;
  benefitRuleType: string;
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
  cooperativeId: string;
  cooperativeStatus: "CERTIFIED";
  shippingFeeFen: number;
  freeShippingMinFen: number;
  beneficiaries: unknown;
  email: string;
}
const dateColumn = (day: string | null) => (day ? new Date(`${day}T00:00:00.000Z`) : null);
const fen = (x: number) => `¥${(x / 100).toFixed(2)}`;

/** The baselines try again as placeOrder does (a taken order number or a deadlock's victim, three attempts in all). */
function baseline(stockLast: boolean): PlaceFn {
  const once = baselineOnce(stockLast);
  return (input) => retryingOrder(() => once(input));
}

function baselineOnce(stockLast: boolean): PlaceFn {
  return async (input) => {
    const now = new Date();
    const c = await pool.connect();
    try {
      await c.query("BEGIN ISOLATION LEVEL READ COMMITTED");
      const cart = (await c.query<{ id: string }>(`SELECT "id" FROM "Cart" WHERE "userId" = $1 FOR UPDATE`, [input.userId])).rows[0];
      const { rows } = cart
        ? await c.query<LineRow>(
            `SELECT ci."quantity", p."id", p."nameZh", p."nameEn", p."priceFen", p."listingStatus", p."certificationStatus",
                    p."certificateValidFrom"::text AS "validFrom", p."certificateValidUntil"::text AS "validUntil", p."categoryId", p."originVillageId",
                    p."benefitRuleType", p."benefitBasisPoints", p."benefitFenPerUnit", p."cooperativeId", co."status" AS "cooperativeStatus",
                    co."shippingFeeFen", co."freeShippingMinFen", u."email",
                    COALESCE((SELECT json_agg(json_build_object('householdId', b."householdId", 'weight', b."weight") ORDER BY b."householdId")
                              FROM "ProductBeneficiary" b WHERE b."productId" = p."id"), '[]') AS "beneficiaries"
             FROM "CartItem" ci JOIN "Product" p ON p."id" = ci."productId" JOIN "Cooperative" co ON co."id" = p."cooperativeId"
                  JOIN "Cart" ca ON ca."id" = ci."cartId" JOIN "User" u ON u."id" = ca."userId"
             WHERE ci."cartId" = $1 ORDER BY ci."addedAt"`,
            [cart.id],
          )
        : { rows: [] };
      if (!cart || rows.length === 0) return await refuse(c, "emptyCart");
      if (cartFingerprint(rows.map((r) => ({ productId: r.id, quantity: r.quantity }))) !== input.fingerprint) return await refuse(c, "cartChanged");
      for (const r of rows) {
        const probe = { ...r, certificateValidFrom: dateColumn(r.validFrom), certificateValidUntil: dateColumn(r.validUntil), cooperative: { status: r.cooperativeStatus } };
        if (!isSellable(probe, now)) return await refuse(c, "unavailable");
      }
      const takeStock = async () => {
        for (const r of [...rows].sort((a, b) => (a.id < b.id ? -1 : 1))) {
          const taken = await c.query(`UPDATE "Product" SET "stock" = "stock" - $2, "updatedAt" = $3 WHERE "id" = $1 AND "stock" >= $2`, [r.id, r.quantity, now.toISOString()]);
          if (taken.rowCount !== 1) return false;
        }
        return true;
      };
      if (!stockLast && !(await takeStock())) return await refuse(c, "soldOut");

      const terms = new Map<string, CooperativeTerms>(rows.map((r) => [r.cooperativeId, r]));
      const totals = orderTotals(
        rows.map((r) => ({ productId: r.id, cooperativeId: r.cooperativeId, unitPriceFen: r.priceFen, quantity: r.quantity })),
        terms,
      );
      const reservedUntil = new Date(now.getTime() + RESERVATION_MS[input.method]).toISOString();
      const orderId = `b${randomUUID()}`;
      const number = orderNumber(now, randomBytes);
      const reference = input.method === "BANK_TRANSFER" ? transferReference(randomBytes) : null;
      const at = now.toISOString();
      await c.query(
        `INSERT INTO "Order" ("id", "number", "buyerId", "paymentMethod", "buyerType", "itemsFen", "shippingFen", "discountFen", "totalFen",
           "recipient", "phone", "district", "street", "note", "unitName", "invoiceTitle", "taxId", "transferReference", "reservedUntil", "placedAt", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)`,
        [
          orderId,
          number,
          input.userId,
          input.method,
          input.institution ? "INSTITUTION" : "INDIVIDUAL",
          totals.itemsFen,
          totals.shippingFen,
          totals.discountFen,
          totals.totalFen,
          input.address.recipient,
          input.address.phone,
          input.address.district,
          input.address.street,
          input.note,
          input.institution?.unitName ?? null,
          input.institution?.invoiceTitle ?? null,
          input.institution?.taxId ?? null,
          reference,
          reservedUntil,
          at,
        ],
      );
      const shipmentIds = totals.shipments.map(() => `b${randomUUID()}`);
      await c.query(
        `INSERT INTO "Shipment" ("id", "orderId", "cooperativeId", "shippingFen") SELECT s.id, $1, s.coop, s.fen FROM unnest($2::text[], $3::text[], $4::int[]) AS s(id, coop, fen)`,
        [orderId, shipmentIds, totals.shipments.map((s) => s.cooperativeId), totals.shipments.map((s) => s.shippingFen)],
      );
      const shipmentOf = new Map(totals.shipments.map((s, i) => [s.cooperativeId, shipmentIds[i]!]));
      await c.query(
        `INSERT INTO "OrderItem" ("id", "orderId", "productId", "cooperativeId", "shipmentId", "categoryId", "originVillageId", "nameZh", "nameEn",
           "unitPriceFen", "quantity", "lineTotalFen", "benefitRuleType", "benefitBasisPoints", "benefitFenPerUnit", "beneficiaries")
         SELECT l.id, $1, l.product, l.coop, l.shipment, l.cat, l.village, l.zh, l.en, l.price, l.qty, l.price * l.qty, l.rule::"BenefitRuleType", l.bp, l.fpu, l.b::jsonb
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::int[], $14::int[], $15::text[])
           AS l(id, product, coop, shipment, cat, village, zh, en, price, qty, rule, bp, fpu, b)`,
        [
          orderId,
          rows.map(() => `b${randomUUID()}`),
          rows.map((r) => r.id),
          rows.map((r) => r.cooperativeId),
          rows.map((r) => shipmentOf.get(r.cooperativeId)!),
          rows.map((r) => r.categoryId),
          rows.map((r) => r.originVillageId),
          rows.map((r) => r.nameZh),
          rows.map((r) => r.nameEn),
          rows.map((r) => r.priceFen),
          rows.map((r) => r.quantity),
          rows.map((r) => r.benefitRuleType),
          rows.map((r) => r.benefitBasisPoints),
          rows.map((r) => r.benefitFenPerUnit),
          rows.map((r) => JSON.stringify(r.beneficiaries)),
        ],
      );
      await c.query(
        `INSERT INTO "StockReservation" ("id", "orderId", "productId", "quantity", "expiresAt", "createdAt")
         SELECT r.id, $1, r.product, r.qty, $5, $6 FROM unnest($2::text[], $3::text[], $4::int[]) AS r(id, product, qty)`,
        [orderId, rows.map(() => `b${randomUUID()}`), rows.map((r) => r.id), rows.map((r) => r.quantity), reservedUntil, at],
      );
      await c.query(`INSERT INTO "Payment" ("id", "orderId", "method", "amountFen", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $5)`, [
        `b${randomUUID()}`,
        orderId,
        input.method,
        totals.totalFen,
        at,
      ]);
      await c.query(`DELETE FROM "CartItem" WHERE "cartId" = $1`, [cart.id]);
      const text = [`订单 ${number}`, ...rows.map((r) => `${r.nameZh} × ${r.quantity} ${fen(r.priceFen * r.quantity)}`), `运费 ${fen(totals.shippingFen)}`, `合计 ${fen(totals.totalFen)}`, reference ?? ""].join("\n");
      await c.query(
        `INSERT INTO "MailMessage" ("id", "to", "subject", "text", "kind", "dedupeKey") VALUES ($1, $2, $3, $4, 'order-placed', $5) ON CONFLICT DO NOTHING`,
        [`b${randomUUID()}`, rows[0]!.email, `订单 ${number} 已提交`, text, `orderPlaced:${orderId}`],
      );
      if (stockLast && !(await takeStock())) return await refuse(c, "soldOut");
      await c.query("COMMIT");
      return { ok: true };
    } catch (error) {
      await c.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      c.release();
    }
  };
}

async function refuse(c: pg.PoolClient, code: string): Promise<Outcome> {
  await c.query("ROLLBACK");
  return { ok: false, code };
}

// ─── the run ───
try {
  console.log(`database ${scratch.name}; ${BUYERS} buyers, ${SECONDS} s per run, ${ROUNDS} rounds; load average at start ${loadAverage()}`);
  await migrateDeploy(target);
  opened = openDatabase(target);
  const db: Db = opened.db;
  await seedDatabase(db, { demoUsers: false });
  await sql.connect();

  const { rows: sellable } = await sql.query<{ id: string; coop: string }>(
    `SELECT p."id", p."cooperativeId" AS coop FROM "Product" p JOIN "Cooperative" c ON c."id" = p."cooperativeId"
     WHERE p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED' AND c."status" = 'CERTIFIED'
       AND (p."certificateValidUntil" IS NULL OR p."certificateValidUntil" >= now()) AND (p."certificateValidFrom" IS NULL OR p."certificateValidFrom" <= now())
       -- The hand-written baselines price at the list price and know no minimum order: leave out the seed's products
       -- with quantity prices or a minimum (placeOrder would refuse a cart of 1–3 below a minimum of 6).
       AND p."minOrderQuantity" <= 1 AND p."priceTiers" = '[]'::jsonb
     ORDER BY p."slug"`,
  );
  // The hot products come from three cooperatives, so a cart has two or three shipments.
  const hot: string[] = [];
  for (const p of sellable) if (hot.length < 3 && !sellable.some((q) => hot.includes(q.id) && q.coop === p.coop)) hot.push(p.id);
  const cold = sellable.filter((p) => !hot.includes(p.id)).map((p) => p.id);
  if (hot.length < 3 || cold.length < 5) throw new Error(`the seed has too few sellable products (${sellable.length})`);
  await sql.query(`UPDATE "Product" SET "stock" = $2 WHERE "id" = ANY($1::text[])`, [sellable.map((p) => p.id), STOCK]);
  console.log(`${sellable.length} sellable products: 3 hot (in every cart), ${cold.length} others`);

  let cartNo = 0;
  /** `n` new buyers, each with a three-line cart, written in four statements; returned in the order to place them. */
  const makeCarts = async (n: number, linesOf: (k: number) => BenchCart["lines"]): Promise<BenchCart[]> => {
    const carts = Array.from({ length: n }, () => {
      const k = cartNo++;
      return { userId: `cb${k}`, lines: linesOf(k) };
    });
    await sql.query(
      `INSERT INTO "User" ("id", "email", "updatedAt") SELECT u, u || '@checkout-bench.test', now() FROM unnest($1::text[]) u`,
      [carts.map((c) => c.userId)],
    );
    await sql.query(`INSERT INTO "Cart" ("id", "userId", "updatedAt") SELECT 'c' || u, u, now() FROM unnest($1::text[]) u`, [carts.map((c) => c.userId)]);
    const flat = carts.flatMap((c) => c.lines.map((l, i) => ({ cart: `c${c.userId}`, ...l, i })));
    await sql.query(
      `INSERT INTO "CartItem" ("id", "cartId", "productId", "quantity", "addedAt")
       SELECT 'i' || l.cart || '-' || l.i, l.cart, l.product, l.qty, now() + l.i * interval '1 millisecond' FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS l(cart, product, qty, i)`,
      [flat.map((l) => l.cart), flat.map((l) => l.productId), flat.map((l) => l.quantity), flat.map((l) => l.i)],
    );
    await sql.query(`ANALYZE "CartItem", "Cart", "User"`);
    return carts;
  };
  const threeLines = (k: number) => [
    { productId: hot[0]!, quantity: 1 + (k % 2) },
    { productId: hot[1 + (k % 2)]!, quantity: 1 },
    { productId: cold[(k * 7) % cold.length]!, quantity: 1 + (k % 3) },
  ];

  const contenders = new Map<string, PlaceFn>([
    ["placeOrder", (input) => placeOrder(db, input)],
    ["baseline (pg, hand-written)", baseline(false)],
    ["baseline, stock last", baseline(true)],
  ]);
  for (const file of BEFORE?.split(",") ?? []) {
    const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { placeOrder: typeof placeOrder };
    contenders.set(`placeOrder (${path.basename(file, ".ts")})`, (input) => mod.placeOrder(db, input));
  }
  const only = process.env.BENCH_CHECKOUT_ONLY?.split(",").map((n) => n.trim());
  const names = [...contenders.keys()].filter((n) => !only || only.includes(n) || n === "baseline (pg, hand-written)");

  const initial = new Map((await sql.query<{ id: string; stock: number }>(`SELECT "id", "stock" FROM "Product"`)).rows.map((r) => [r.id, r.stock]));
  /** The invariants after a run: nothing oversold, every order whole, every winner's cart empty. */
  const check = async (label: string, winners: string[]) => {
    const { rows: products } = await sql.query<{ id: string; stock: number; lines: string; reserved: string }>(
      `SELECT p."id", p."stock",
              (SELECT COALESCE(SUM(i."quantity"), 0) FROM "OrderItem" i WHERE i."productId" = p."id") AS lines,
              (SELECT COALESCE(SUM(r."quantity"), 0) FROM "StockReservation" r WHERE r."productId" = p."id" AND r."status" = 'ACTIVE') AS reserved
       FROM "Product" p`,
    );
    for (const p of products) {
      const taken = initial.get(p.id)! - p.stock;
      if (p.stock < 0 || taken !== Number(p.lines) || taken !== Number(p.reserved)) {
        throw new Error(`${label}: product ${p.id} oversold or miscounted: stock ${p.stock}, taken ${taken}, in order lines ${p.lines}, reserved ${p.reserved}`);
      }
    }
    const { rows: broken } = await sql.query<{ id: string }>(
      `SELECT o."id" FROM "Order" o
       WHERE o."buyerId" LIKE 'cb%' AND ((SELECT COUNT(*) FROM "Payment" x WHERE x."orderId" = o."id") <> 1
          OR NOT EXISTS (SELECT 1 FROM "OrderItem" x WHERE x."orderId" = o."id")
          OR EXISTS (SELECT 1 FROM "OrderItem" x WHERE x."orderId" = o."id" AND x."shipmentId" IS NULL)
          OR (SELECT COUNT(DISTINCT x."cooperativeId") FROM "OrderItem" x WHERE x."orderId" = o."id") <> (SELECT COUNT(*) FROM "Shipment" x WHERE x."orderId" = o."id")
          OR (SELECT COUNT(*) FROM "StockReservation" x WHERE x."orderId" = o."id") <> (SELECT COUNT(*) FROM "OrderItem" x WHERE x."orderId" = o."id")
          OR o."totalFen" <> o."itemsFen" + o."shippingFen" - o."discountFen"
          OR o."itemsFen" <> (SELECT SUM(x."lineTotalFen") FROM "OrderItem" x WHERE x."orderId" = o."id")
          OR NOT EXISTS (SELECT 1 FROM "MailMessage" m WHERE m."dedupeKey" = 'orderPlaced:' || o."id"))`,
    );
    if (broken.length > 0) throw new Error(`${label}: ${broken.length} orders are not whole, e.g. ${broken[0]!.id}`);
    const { rows: full } = await sql.query(
      `SELECT c."userId" FROM "Cart" c WHERE c."userId" = ANY($1::text[]) AND EXISTS (SELECT 1 FROM "CartItem" i WHERE i."cartId" = c."id")`,
      [winners],
    );
    if (full.length > 0) throw new Error(`${label}: ${full.length} winners' carts were not emptied`);
  };

  const productUpdates = async () => {
    const { rows } = await sql.query<{ all: string; hot: string }>(`SELECT n_tup_upd AS all, n_tup_hot_upd AS hot FROM pg_stat_user_tables WHERE relname = 'Product'`);
    return { all: Number(rows[0]!.all), hot: Number(rows[0]!.hot) };
  };
  if (FILLFACTOR) {
    await sql.query(`ALTER TABLE "Product" SET (fillfactor = ${FILLFACTOR})`);
    await sql.query(`VACUUM FULL "Product"`);
    console.log(`Product fillfactor ${FILLFACTOR}`);
  }

  interface Run {
    round: number;
    name: string;
    orders: number;
    refused: number;
    seconds: number;
    latencies: number[];
    /** This process's CPU time (user + system) per order placed: the client's share of the work. */
    cpuMs: number;
    /** PostgreSQL's processes' CPU time per order placed, when the server runs on this machine (else 0). */
    dbCpuMs: number;
    /** The share of Product updates that were HOT (no new index entries: the new row version fit on its page). */
    hot: number;
    load: string;
  }
  const runs: Run[] = [];
  // The shoppers of BENCH_CHECKOUT_CART_ADDS: a connection and a cart each, made once.
  const shoppers = await Promise.all(
    Array.from({ length: CART_ADDS }, async (_, i) => {
      const client = new pg.Client({ connectionString: scratch.url });
      shoppersOpen.push(client);
      await client.connect();
      await client.query(`INSERT INTO "User" ("id", "email", "updatedAt") VALUES ($1, $1 || '@checkout-bench.test', now())`, [`shopper${i}`]);
      await client.query(`INSERT INTO "Cart" ("id", "userId", "updatedAt") VALUES ($1, $2, now())`, [`cshopper${i}`, `shopper${i}`]);
      return { client, cart: `cshopper${i}` };
    }),
  );
  /** Until `end`, each shopper adds the first hot product to their cart and removes it; the number of adds. */
  const shop = (end: number) =>
    Promise.all(
      shoppers.map(async ({ client, cart }) => {
        let adds = 0;
        while (performance.now() < end) {
          await client.query(`INSERT INTO "CartItem" ("id", "cartId", "productId", "quantity", "addedAt") VALUES ($1, $2, $3, 1, now())`, [`${cart}-${adds}`, cart, hot[0]]);
          await client.query(`DELETE FROM "CartItem" WHERE "cartId" = $1`, [cart]);
          adds++;
        }
        return adds;
      }),
    ).then((counts) => counts.reduce((a, b) => a + b, 0));
  /** BUYERS loops placing order after order until `seconds` have passed. */
  const drive = async (name: string, seconds: number, round: number) => {
    const place = contenders.get(name)!;
    const carts = await makeCarts(Math.ceil(seconds * 1_500) + BUYERS, threeLines);
    // Autovacuum's work, done before every run so each starts from the same state (it may be off on the bench server):
    // the hot products' rows are wide (their search documents), and dead versions of them slow every later run.
    await sql.query(`VACUUM (ANALYZE) "Product", "Cart", "CartItem"`);
    const updates = await productUpdates();
    let next = 0;
    const latencies: number[] = [];
    const winners: string[] = [];
    let refused = 0;
    const codes = new Map<string, number>();
    const load = loadAverage();
    const cpu = process.cpuUsage();
    const dbCpu = processCpuMs({ command: "postgres" });
    const start = performance.now();
    const end = start + seconds * 1000;
    const shopping = shop(end);
    await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        while (performance.now() < end) {
          const cart = carts[next++];
          if (!cart) throw new Error(`${name}: ran out of prepared carts (${carts.length})`);
          const t0 = performance.now();
          const result = await place(inputOf(cart));
          latencies.push(performance.now() - t0);
          if (result.ok) winners.push(cart.userId);
          else {
            refused++;
            codes.set(result.code ?? "?", (codes.get(result.code ?? "?") ?? 0) + 1);
          }
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const adds = await shopping;
    const dbCpuMs = (processCpuMs({ command: "postgres" }) - dbCpu) / Math.max(1, latencies.length);
    await new Promise((r) => setTimeout(r, 1_100)); // the statistics reach pg_stat_user_tables within a second
    const after = await productUpdates();
    const hot = (after.hot - updates.hot) / Math.max(1, after.all - updates.all);
    const cpuMs = (used.user + used.system) / 1000 / Math.max(1, latencies.length);
    await check(`${name}, round ${round}`, winners);
    const run = { round, name, orders: winners.length, refused, seconds: elapsed, latencies, cpuMs, dbCpuMs, hot, load };
    if (round > 0) runs.push(run);
    console.log(
      `round ${round} ${name.padEnd(28)} ${(run.orders / elapsed).toFixed(0).padStart(4)} orders/s  p50 ${median(latencies).toFixed(1)} ms  p95 ${percentile(latencies, 0.95).toFixed(1)} ms  client CPU ${cpuMs.toFixed(2)} ms/order  database CPU ${dbCpuMs.toFixed(2)} ms/order  HOT ${(hot * 100).toFixed(0)}%  refused ${refused}${codes.size > 0 ? ` (${[...codes].map(([c, n]) => `${c} ${n}`).join(", ")})` : ""}${CART_ADDS ? `  cart adds ${(adds / elapsed).toFixed(0)}/s` : ""}  load ${load}`,
    );
  };

  for (const name of names) await drive(name, 2, 0); // warm-up: connections, plans, JIT of the JavaScript
  for (let r = 1; r <= ROUNDS; r++) {
    // Rotate who goes first, so no contender always runs on the warmer (or busier) minutes.
    const order = names.map((_, i) => names[(i + r - 1) % names.length]!);
    for (const name of order) await drive(name, SECONDS, r);
  }

  // ─── sell-out: SELL_OUT_BUYERS buyers race for SELL_OUT_STOCK units of HOT[0] ───
  const sellOut: Record<string, string> = {};
  for (const name of names) {
    const place = contenders.get(name)!;
    await sql.query(`UPDATE "Product" SET "stock" = $2 WHERE "id" = $1`, [hot[0], SELL_OUT_STOCK]);
    const before = Number((await sql.query<{ n: string }>(`SELECT COALESCE(SUM("quantity"), 0) AS n FROM "OrderItem" WHERE "productId" = $1`, [hot[0]])).rows[0]!.n);
    initial.set(hot[0]!, before + SELL_OUT_STOCK);
    const carts = await makeCarts(SELL_OUT_BUYERS, () => [{ productId: hot[0]!, quantity: 1 }]);
    let next = 0;
    const outcomes: Outcome[] = [];
    await Promise.all(
      Array.from({ length: BUYERS }, async () => {
        for (let cart = carts[next++]; cart; cart = carts[next++]) outcomes.push(await place(inputOf(cart)));
      }),
    );
    const won = outcomes.filter((o) => o.ok).length;
    const codes = [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.code))];
    const stock = (await sql.query<{ stock: number }>(`SELECT "stock" FROM "Product" WHERE "id" = $1`, [hot[0]])).rows[0]!.stock;
    await check(`${name}, sell-out`, []);
    if (won !== SELL_OUT_STOCK || stock !== 0 || codes.join() !== "soldOut") throw new Error(`${name}, sell-out: ${won} won, stock ${stock}, refusals ${codes.join()}`);
    sellOut[name] = `${won} of ${SELL_OUT_BUYERS} won, ${SELL_OUT_BUYERS - won} soldOut, stock 0`;
  }

  // ─── summary ───
  const baselineName = "baseline (pg, hand-written)";
  const rate = (name: string) => {
    const rs = runs.filter((r) => r.name === name);
    return rs.reduce((s, r) => s + r.orders, 0) / rs.reduce((s, r) => s + r.seconds, 0);
  };
  console.log(`\nall rounds (${ROUNDS} × ${SECONDS} s per contender, ${BUYERS} buyers; ratio = orders/s ÷ the baseline's)`);
  console.table(
    names.map((name) => {
      const rs = runs.filter((r) => r.name === name);
      const all = rs.flatMap((r) => r.latencies);
      return {
        contender: name,
        "orders/s": rate(name).toFixed(0),
        "per round": rs.map((r) => (r.orders / r.seconds).toFixed(0)).join(" · "),
        "p50 ms": median(all).toFixed(1),
        "p95 ms": percentile(all, 0.95).toFixed(1),
        ratio: `${(rate(name) / rate(baselineName)).toFixed(2)}×`,
        "client CPU ms/order": median(rs.map((r) => r.cpuMs)).toFixed(2),
        "database CPU ms/order": median(rs.map((r) => r.dbCpuMs)).toFixed(2),
        "HOT updates": `${(median(rs.map((r) => r.hot)) * 100).toFixed(0)}%`,
        refused: rs.reduce((s, r) => s + r.refused, 0),
        "sell-out": sellOut[name],
        "load at starts": rs.map((r) => r.load.split(",")[0]).join(" · "),
      };
    }),
  );
  console.log(`0 oversold: checked after every run (stock ≥ 0; per product, units taken = units in order lines = units reserved). Load average at end ${loadAverage()}`);
} finally {
  await Promise.all(shoppersOpen.map((c) => c.end().catch(() => {})));
  await pool.end().catch(() => {});
  await sql.end().catch(() => {});
  await opened?.close();
  if (process.env.BENCH_CHECKOUT_KEEP) console.log(`kept database ${scratch.name}`);
  else await scratch.drop();
}
