// The catalog cache in the built app (`next build` into .next-bench, `next start` on a spare port, a fresh
// PostgreSQL database): a product page read twice (miss, then hit), an order placed for another product through
// the real checkout action, then the first page again — still a hit — and the ordered product's page — a miss.
//
// "Hit" is proved, not guessed from timings: after the first read, the bench changes product A's stock in the
// database behind the app's back (no invalidation). A page served from the cache still shows the old figure; a
// page read from the database would show the new one. The ordered product B must show its stock minus the order.
import { type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { LOW_STOCK } from "../../lib/domain/catalog";
import { cartFingerprint } from "../../lib/domain/checkout";
import { openDatabase } from "../../lib/db/client";
import { clearDataCache, prepareDatabase } from "../../lib/db/prepare";
import { DEMO_PASSWORD } from "../../lib/seed";
import { actionsFromBuild, callAction, cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { buildNextApp } from "./http-load";
import { percentile, throwawayDatabase } from "./support";

export const DIST = ".next-bench";
const BUYER = "buyer@demo.tangxian.shop";
/** A stock figure no seeded product has: seen on a page only if the page was read from the database. */
const BEHIND_THE_CACHE = 8_765;

export interface CacheBenchResult {
  rows: { label: string; n: number; p50: number; p95: number }[];
  checks: { label: string; expected: string; got: string; ok: boolean }[];
  load: string;
}

const pct = percentile;

/** The stock figure in a product page's badge ("有货（179瓶）", "仅剩 3瓶"), or null when sold out or absent. */
function shownStock(html: string): number | null {
  const m = /(?:有货（|仅剩 ?)(\d+)/.exec(html);
  return m ? Number(m[1]) : null;
}

async function get(baseURL: string, url: string): Promise<{ ms: number; html: string }> {
  const start = performance.now();
  const res = await fetch(`${baseURL}${url}`);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms: performance.now() - start, html };
}

/** `next build` of the app in `appDir` into `dist` (default .next-bench), tsconfig.json left as it was. */
export function build(appDir: string, dist = DIST): void {
  buildNextApp(appDir, { NEXT_DIST_DIR: dist });
}

export async function benchCatalogCache(serverUrl: string, opts: { appDir?: string; skipBuild?: boolean; iterations?: number } = {}): Promise<CacheBenchResult> {
  const appDir = opts.appDir ?? process.cwd();
  const n = opts.iterations ?? 30;
  if (!opts.skipBuild) build(appDir);

  const scratch = await throwawayDatabase(serverUrl, "shop_bench_cache");
  await prepareDatabase({ kind: "postgres", url: scratch.url });
  const opened = openDatabase({ kind: "postgres", url: scratch.url });
  const db = opened.db;

  const cwd = process.cwd();
  let server: ChildProcess | null = null;
  try {
    // Two products of one cooperative, far from the low-stock threshold: A is only read, B is ordered.
    const live = { certificationStatus: "CERTIFIED", cooperative: { status: "CERTIFIED" } } as const;
    const stocked = await db.product.findMany({ where: { ...live, stock: { gt: LOW_STOCK + 20 } }, select: { id: true, slug: true, stock: true, cooperativeId: true }, orderBy: { slug: "asc" } });
    const a = stocked.find((p) => stocked.some((q) => q.cooperativeId === p.cooperativeId && q.id !== p.id))!;
    const b = stocked.find((p) => p.cooperativeId === a.cooperativeId && p.id !== a.id)!;
    const others = stocked.filter((p) => p.id !== a.id && p.id !== b.id);

    // A data cache left on disk by an earlier run (unstable_cache keeps one) describes another database.
    clearDataCache(appDir, DIST);
    const port = await freePort();
    process.chdir(appDir);
    server = await startServer(port, { DATABASE_URL: scratch.url, NEXT_DIST_DIR: DIST });
    const baseURL = `http://127.0.0.1:${port}`;
    // Warm the server (route code, first connections) on pages this bench does not measure.
    for (const p of others.slice(0, 3)) await get(baseURL, `/products/${p.slug}`);

    const rows: CacheBenchResult["rows"] = [];
    const checks: CacheBenchResult["checks"] = [];
    const check = (label: string, expected: string, got: string) => checks.push({ label, expected, got, ok: expected === got });
    const series = async (label: string, urls: string[]) => {
      const ms: number[] = [];
      for (const u of urls) ms.push((await get(baseURL, u)).ms);
      rows.push({ label, n: ms.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95) });
    };

    // Misses: the first read of products nobody has opened yet.
    await series("product page, first read (miss)", others.slice(3, 3 + n).map((p) => `/products/${p.slug}`));
    const first = await get(baseURL, `/products/${a.slug}`);
    check("A, first read: the stock in the database", String(a.stock), String(shownStock(first.html)));
    await series("product page A, read again (hit)", Array.from({ length: n }, () => `/products/${a.slug}`));

    await db.product.update({ where: { id: a.id }, data: { stock: BEHIND_THE_CACHE } });
    check("A after a write behind the cache: the cached figure", String(a.stock), String(shownStock((await get(baseURL, `/products/${a.slug}`)).html)));

    // An order for B through the real checkout action (the one path that invalidates after a sale).
    const buyer = await db.user.findUniqueOrThrow({ where: { email: BUYER }, select: { id: true } });
    const address = await db.address.create({ data: { userId: buyer.id, recipient: "测试", phone: "13800138000", district: "chaoyang", street: "工体北路 8 号" }, select: { id: true } });
    const cart = await db.cart.upsert({ where: { userId: buyer.id }, create: { userId: buyer.id }, update: {}, select: { id: true } });
    await db.cartItem.deleteMany({ where: { cartId: cart.id } });
    const quantity = 3;
    await db.cartItem.create({ data: { cartId: cart.id, productId: b.id, quantity } });
    const cookie = cookieHeader(await signInOverHttp(baseURL, BUYER, DEMO_PASSWORD));
    const place = [...actionsFromBuild(appDir, DIST)].find(([key]) => key.endsWith("lib/server/actions/checkout/place-order.ts#placeOrderAction"))?.[1];
    if (!place) throw new Error("placeOrderAction is not in the build");
    const fingerprint = cartFingerprint([{ productId: b.id, quantity }]);
    const placed = await callAction(baseURL, place, { method: "BANK_TRANSFER", addressId: address.id, note: "", fingerprint }, cookie);
    check("order for B placed through the checkout action", "redirect", String(placed.outcome));

    const afterOrder = await get(baseURL, `/products/${a.slug}`);
    check("A after the order for B: still the cached figure (hit)", String(a.stock), String(shownStock(afterOrder.html)));
    await series("product page A after an order for B (hit)", Array.from({ length: n }, () => `/products/${a.slug}`));
    const touched = await get(baseURL, `/products/${b.slug}`);
    check("B after its order: the stock minus the order (miss)", String(b.stock - quantity), String(shownStock(touched.html)));
    rows.push({ label: "product page B, first read after its order (miss)", n: 1, p50: touched.ms, p95: touched.ms });

    return { rows, checks, load: loadavg().map((l) => l.toFixed(2)).join(" ") };
  } finally {
    server?.kill("SIGTERM");
    process.chdir(cwd);
    await opened.close();
    await new Promise((r) => setTimeout(r, 300));
    await scratch.drop();
  }
}
