// `npm run bench:catalog-load`: the catalog's database load while orders rise from 0 to 20 per second (issue 14,
// item 3). The built shop (.next-bench; BENCH_SKIP_BUILD=1 reuses it, else `next build`) on a throwaway PostgreSQL
// database (BENCH_DATABASE_URL). Readers view the storefront without pause (BENCH_CONNECTIONS, default 6): every
// product page (and, as a browser does, its live stock count), the catalog, home, villages and cooperatives. Beside
// them, 20 signed-in buyers place orders through the real checkout action at a paced rate: 0, 5, 10, then 20 per
// second (what the machine achieves is reported), each for BENCH_SECONDS (default 10).
// The catalog's load is measured two ways: page renders per second (responses that were not served from the page
// cache: x-nextjs-cache MISS or STALE, or none), and reads of the tables only the catalog reads (Category, Village,
// ProductImage: pg_stat_user_tables' scans), which placing an order never touches.
import http from "node:http";
import { loadavg } from "node:os";
import pg from "pg";
import { cartFingerprint } from "../../lib/domain/checkout";
import { openDatabase } from "../../lib/db/client";
import { prepareDatabase } from "../../lib/db/prepare";
import { DEMO_PASSWORD } from "../../lib/seed";
import { actionsFromBuild, callAction, cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { build, DIST } from "./catalog-cache";
import { throwawayDatabase } from "./support";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 6);
const RATES = [0, 5, 10, 20];
const BUYERS = 20;

async function catalogScans(sql: pg.Client): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(
    `SELECT COALESCE(SUM(seq_scan + COALESCE(idx_scan, 0)), 0) AS n FROM pg_stat_user_tables WHERE relname IN ('Category', 'Village', 'ProductImage')`,
  );
  return Number(rows[0]!.n);
}

function get(agent: http.Agent, url: string): Promise<{ rendered: boolean }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      const cache = res.headers["x-nextjs-cache"];
      res.on("end", () => resolve({ rendered: cache !== "HIT" }));
    });
    req.on("error", () => resolve({ rendered: false }));
  });
}

async function main() {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) throw new Error("BENCH_DATABASE_URL (a PostgreSQL server) is required");
  if (process.env.BENCH_SKIP_BUILD !== "1") build(process.cwd());
  const scratch = await throwawayDatabase(server, "shop_bench_catalog_load");
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  const opened = openDatabase({ kind: "postgres", url: scratch.url });
  const db = opened.db;
  const sql = new pg.Client({ connectionString: scratch.url });
  await sql.connect();
  const live = { certificationStatus: "CERTIFIED", listingStatus: "ON_SALE", cooperative: { status: "CERTIFIED" } } as const;
  const products = await db.product.findMany({ where: live, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  // Stock no order here can bring near a threshold: what the bench shows is the sales, not the level changes.
  await db.product.updateMany({ where: { id: { in: products.map((p) => p.id) } }, data: { stock: 1_000_000 } });
  const template = await db.user.findUniqueOrThrow({ where: { email: "buyer@demo.tangxian.shop" }, select: { passwordHash: true } });
  const buyers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      const user = await db.user.create({ data: { email: `load-${i}@bench.test`, name: `Load ${i}`, passwordHash: template.passwordHash, role: "BUYER" }, select: { id: true, email: true } });
      const address = await db.address.create({ data: { userId: user.id, recipient: "测试", phone: "13800138000", district: "chaoyang", street: "工体北路 8 号" }, select: { id: true } });
      const cart = await db.cart.create({ data: { userId: user.id }, select: { id: true } });
      return { ...user, addressId: address.id, cartId: cart.id, cookie: "", busy: false };
    }),
  );

  const port = await freePort();
  const app = await startServer(port, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const b of buyers) b.cookie = cookieHeader(await signInOverHttp(base, b.email, DEMO_PASSWORD));
    const place = [...actionsFromBuild(process.cwd(), DIST)].find(([key]) => key.endsWith("lib/server/actions/checkout/place-order.ts#placeOrderAction"))?.[1];
    if (!place) throw new Error("placeOrderAction is not in the build");
    const views = [...products.flatMap((p) => [`/products/${p.slug}`, `/api/products/${p.id}/stock`]), "/products", "/", "/villages", "/cooperatives"];
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
    // Every page once, so the runs start from a filled cache.
    for (const v of views) await get(agent, `${base}${v}`);

    // Orders of one unit: only products without a minimum order (the seed's mung beans need 6).
    const orderable = await db.product.findMany({ where: { ...live, minOrderQuantity: { lte: 1 } }, select: { id: true }, orderBy: { slug: "asc" } });
    let k = 0;
    const order = async (b: (typeof buyers)[number]) => {
      b.busy = true;
      const product = orderable[k++ % orderable.length]!;
      // A cart holding exactly this line, whatever a refused order before left in it.
      await db.cartItem.deleteMany({ where: { cartId: b.cartId } });
      await db.cartItem.create({ data: { cartId: b.cartId, productId: product.id, quantity: 1 } });
      const fingerprint = cartFingerprint([{ productId: product.id, quantity: 1 }]);
      const placed = await callAction(base, place, { method: "BANK_TRANSFER", addressId: b.addressId, note: "", fingerprint }, b.cookie);
      b.busy = false;
      return placed.outcome === "redirect";
    };

    console.log(`| orders/s asked | orders/s placed | page views/s | page renders/s (not from the cache) | catalog-table reads/s | load |`);
    console.log(`| --- | --- | --- | --- | --- | --- |`);
    for (const rate of RATES) {
      let viewsDone = 0;
      let renders = 0;
      let placed = 0;
      const scansBefore = await catalogScans(sql);
      const start = performance.now();
      const end = start + SECONDS * 1000;
      const pending: Promise<unknown>[] = [];
      const ticker =
        rate > 0
          ? setInterval(() => {
              const free = buyers.find((b) => !b.busy);
              if (free) pending.push(order(free).then((ok) => ok && placed++));
            }, 1000 / rate)
          : null;
      let v = 0;
      await Promise.all(
        Array.from({ length: CONNECTIONS }, async () => {
          while (performance.now() < end) {
            const path = views[v++ % views.length]!;
            const r = await get(agent, `${base}${path}`);
            viewsDone++;
            if (r.rendered && !path.startsWith("/api/")) renders++;
          }
        }),
      );
      if (ticker) clearInterval(ticker);
      const seconds = (performance.now() - start) / 1000;
      await Promise.all(pending);
      const scans = (await catalogScans(sql)) - scansBefore;
      const f = (n: number) => (n / seconds).toFixed(1);
      console.log(`| ${rate} | ${f(placed)} | ${f(viewsDone)} | ${f(renders)} | ${f(scans)} | ${loadavg()[0]!.toFixed(2)} |`);
    }
    agent.destroy();
  } finally {
    app.kill("SIGTERM");
    await sql.end();
    await opened.close();
    await scratch.drop().catch(() => {});
  }
}

await main();
