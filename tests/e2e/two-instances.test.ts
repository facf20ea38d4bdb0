// More than one server (README, "More than one server"): two `next start` processes of the build the browser suites
// use, on one PostgreSQL database and one Redis, behind a small proxy that sends each request to the other one in
// turn. It proves what must be shared is shared: a price saved through one instance shows on the other's product
// page at once (Next's data cache in Redis, lib/server/cache-handler.mjs); failed sign-ins spread over both are
// throttled as one (the attempts are rows in PostgreSQL); each timer job runs once per interval between them, never
// twice (lib/server/timers.ts). And an instance whose Redis is unreachable still serves pages from the database.
// PostgreSQL only (two processes cannot share the embedded database) and Redis on REDIS_TEST_URL or
// 127.0.0.1:6379 (.ci/run starts one); without them the suite is skipped, except under CI, where it fails.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createClient } from "@redis/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { prepareDatabase } from "@/lib/db/prepare";
import { TIMER_JOBS } from "@/lib/domain/timers";
import { DEMO_PASSWORD } from "@/lib/seed";
import { createPostgresDatabase } from "../helpers/db";
import { actionsFromBuild, callAction, cookieHeader, signInOverHttp, type CookieJar } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";

const baseURL = inject("baseURL");
const redisUrl = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379";
const TICK_MS = 1_000;

async function redisReachable(): Promise<boolean> {
  const probe = createClient({ url: redisUrl, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  probe.on("error", () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
const hasRedis = hasPostgres && (await redisReachable());
if (process.env.CI && baseURL && !(hasPostgres && hasRedis)) {
  throw new Error(`two-instances: needs TEST_DATABASE_URL (${hasPostgres ? "set" : "unset"}) and a Redis at ${redisUrl} (${hasRedis ? "up" : "down"}); .ci/run starts both`);
}

/** One server process and every line it logged. */
interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  lines: string[];
}

async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = await startServer(port, env);
  const lines: string[] = [];
  let rest = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (rest + chunk.toString("utf8")).split("\n");
    rest = parts.pop() ?? "";
    lines.push(...parts);
  });
  child.stderr?.on("data", (chunk: Buffer) => lines.push(chunk.toString("utf8")));
  return { name, port, child, lines };
}

/** A proxy that hands each request to the next upstream in turn and says which one answered (X-Upstream). */
function startProxy(upstreams: () => Instance[]): Promise<{ url: string; close: () => Promise<void> }> {
  let turn = 0;
  const server = http.createServer((req, res) => {
    const all = upstreams();
    const target = all[turn++ % all.length]!;
    const forward = http.request(
      { host: "127.0.0.1", port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-upstream": target.name });
        answer.pipe(res);
      },
    );
    forward.on("error", (error) => res.writeHead(502).end(String(error)));
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

describe.skipIf(!baseURL || !hasPostgres || !hasRedis)("two instances behind one address", () => {
  const prefix = `shop-test-${randomBytes(4).toString("hex")}:`;
  const redis = createClient({ url: redisUrl });
  let database: { url: string; drop: () => Promise<void> };
  let sql: pg.Client;
  let proxy: { url: string; close: () => Promise<void> };
  let a: Instance;
  let b: Instance;
  let stranded: Instance | undefined;
  let serverEnv: Record<string, string>;

  beforeAll(async () => {
    await redis.connect();
    database = await createPostgresDatabase("shop_two_instances");
    await prepareDatabase({ kind: "postgres", url: database.url });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    const instances: Instance[] = [];
    proxy = await startProxy(() => instances);
    serverEnv = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: prefix,
      // One address for the shop, one signing key for its cookies: what a session signed by one instance needs
      // to be read by the other.
      SITE_URL: proxy.url,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      RESERVATION_SWEEP_MS: String(TICK_MS),
      // The timer logs each tick ("timer tick", with its slot and the jobs it won) at debug level.
      LOG_LEVEL: "debug",
    };
    // One after the other: two builds' worth of start-up at once only slows both on a small machine.
    a = await startInstance("A", serverEnv);
    b = await startInstance("B", serverEnv);
    instances.push(a, b);
  });

  afterAll(async () => {
    await Promise.all([stop(a?.child), stop(b?.child), stop(stranded?.child)]);
    await proxy?.close();
    await sql?.end();
    await database?.drop();
    if (redis.isOpen) {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) keys.push(...batch);
      if (keys.length) await redis.unlink(keys);
      redis.destroy();
    }
  });

  /** GET through the proxy; the body and which instance answered. */
  async function get(path: string, cookie = ""): Promise<{ status: number; body: string; upstream: string }> {
    const res = await fetch(`${proxy.url}${path}`, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
    return { status: res.status, body: await res.text(), upstream: res.headers.get("x-upstream") ?? "" };
  }

  test("the proxy alternates between the two instances", async () => {
    const upstreams = [(await get("/api/health")).upstream, (await get("/api/health")).upstream, (await get("/api/health")).upstream];
    expect(upstreams[0]).not.toBe(upstreams[1]);
    expect(upstreams[2]).toBe(upstreams[0]);
  });

  test("a price saved through one instance shows on the other's product page at once", async () => {
    const { rows } = await sql.query<{
      id: string;
      slug: string;
      cooperativeId: string;
      nameZh: string;
      nameEn: string;
      descriptionZh: string;
      descriptionEn: string;
      unitZh: string;
      unitEn: string;
      specZh: string;
      specEn: string;
      categoryId: string;
      originVillageId: string;
      priceFen: number;
    }>(
      `SELECT p.* FROM "Product" p
       JOIN "CooperativeManager" m ON m."cooperativeId" = p."cooperativeId"
       JOIN "User" u ON u."id" = m."userId"
       WHERE u."email" = 'manager@demo.tangxian.shop' AND p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED'
       ORDER BY p."slug" LIMIT 1`,
    );
    const product = rows[0]!;
    const newPrice = "987.65";
    expect(product.priceFen).not.toBe(98_765);

    // Both instances render the page, and so cache its reads, at the old price.
    const before = [await get(`/products/${product.slug}`), await get(`/products/${product.slug}`)];
    expect(before.map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(before.map((r) => r.upstream)).size).toBe(2);
    for (const r of before) expect(r.body.includes(`¥${newPrice}`), `instance ${r.upstream} shows ¥${newPrice} before the change`).toBe(false);
    // Those reads are in Redis, under this run's prefix.
    let cached = 0;
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) cached += batch.length;
    expect(cached).toBeGreaterThan(0);

    // The manager saves the new price through the real action (which revalidates the product's tags).
    const jar: CookieJar = await signInOverHttp(proxy.url, "manager@demo.tangxian.shop", DEMO_PASSWORD);
    const action = actionsFromBuild(process.cwd(), process.env.NEXT_DIST_DIR || ".next").get("lib/server/actions/coop/save-product.ts#saveProductAction");
    if (!action) throw new Error("saveProductAction is not in the build");
    const fields = {
      cooperativeId: product.cooperativeId,
      productId: product.id,
      nameZh: product.nameZh,
      nameEn: product.nameEn,
      descriptionZh: product.descriptionZh,
      descriptionEn: product.descriptionEn,
      unitZh: product.unitZh,
      unitEn: product.unitEn,
      specZh: product.specZh,
      specEn: product.specEn,
      categoryId: product.categoryId,
      originVillageId: product.originVillageId,
      price: newPrice,
    };
    // Through the proxy, so which instance took it is only known afterwards: its log has the action's request.
    const saved = await callAction(proxy.url, action, fields, cookieHeader(jar));
    expect(saved.outcome).toBe(200);
    expect((await sql.query<{ priceFen: number }>(`SELECT "priceFen" FROM "Product" WHERE "id" = $1`, [product.id])).rows[0]?.priceFen).toBe(98_765);

    // The very next read on each instance (one of which did not make the change) shows the new price.
    const after = [await get(`/products/${product.slug}`), await get(`/products/${product.slug}`)];
    expect(new Set(after.map((r) => r.upstream)).size).toBe(2);
    for (const r of after) {
      expect(r.status).toBe(200);
      expect(r.body.includes(`¥${newPrice}`), `instance ${r.upstream} shows the new price ¥${newPrice}`).toBe(true);
    }
  });

  test("failed sign-ins spread over both instances are throttled as one", async () => {
    const email = "buyer@demo.tangxian.shop";
    // One CSRF token for every attempt, so that the attempts themselves alternate between the instances.
    const csrf = await fetch(`${proxy.url}/api/auth/csrf`);
    const jar: CookieJar = new Map(
      csrf.headers.getSetCookie().map((c) => {
        const pair = c.split(";")[0]!;
        return [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      }),
    );
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    async function attempt(password: string) {
      const res = await fetch(`${proxy.url}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: proxy.url },
        body: new URLSearchParams({ csrfToken, email, password, callbackUrl: proxy.url }),
      });
      const signedIn = res.headers.getSetCookie().some((c) => /authjs\.session-token=[^;]/.test(c));
      return { upstream: res.headers.get("x-upstream") ?? "", location: res.headers.get("location") ?? "", signedIn };
    }

    // Five wrong passwords (the account's limit, lib/domain/throttle.ts), three on one instance and two on the other:
    // neither instance alone saw enough to throttle.
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push(await attempt(`wrong-password-${i}`));
    expect(new Set(failures.map((f) => f.upstream)).size).toBe(2);
    for (const f of failures) {
      expect(f.signedIn).toBe(false);
      expect(f.location).not.toContain("code=throttled");
    }
    // Then even the right password is refused as throttled, on either instance.
    const refused = [await attempt(DEMO_PASSWORD), await attempt(DEMO_PASSWORD)];
    expect(new Set(refused.map((r) => r.upstream)).size).toBe(2);
    for (const r of refused) {
      expect(r.signedIn).toBe(false);
      expect(r.location).toContain("code=throttled");
    }
  });

  test("each timer job runs once per interval between the two instances, never twice", async () => {
    await new Promise((r) => setTimeout(r, 6 * TICK_MS));
    const ticks = [a, b].flatMap((instance) =>
      instance.lines.flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string; slot?: number; jobs?: string[] };
          return entry.msg === "timer tick" && typeof entry.slot === "number" && Array.isArray(entry.jobs) ? [{ instance: instance.name, slot: entry.slot, jobs: entry.jobs }] : [];
        } catch {
          return [];
        }
      }),
    );
    // Both ticked, every interval.
    for (const name of ["A", "B"]) expect(ticks.filter((t) => t.instance === name).length).toBeGreaterThanOrEqual(4);

    const runs = new Map<string, string[]>(); // "job@slot" → the instances that ran it
    for (const t of ticks) for (const job of t.jobs) runs.set(`${job}@${t.slot}`, [...(runs.get(`${job}@${t.slot}`) ?? []), t.instance]);
    const twice = [...runs].filter(([, who]) => who.length > 1);
    expect(twice).toEqual([]);

    // Every job ran in many intervals, and in intervals where both instances ticked, one ran it and the other not.
    for (const job of TIMER_JOBS) expect([...runs.keys()].filter((k) => k.startsWith(`${job}@`)).length).toBeGreaterThanOrEqual(4);
    const slotsOfB = new Set(ticks.filter((t) => t.instance === "B").map((t) => t.slot));
    const slotsTickedByBoth = ticks.filter((t) => t.instance === "A" && slotsOfB.has(t.slot)).map((t) => t.slot);
    expect(slotsTickedByBoth.length).toBeGreaterThan(0);
    for (const slot of slotsTickedByBoth) expect(TIMER_JOBS.every((job) => runs.get(`${job}@${slot}`)?.length === 1)).toBe(true);
  });

  test("with its Redis unreachable, an instance still serves the catalog from the database and says so", async () => {
    const closedPort = await freePort();
    stranded = await startInstance("C", { ...serverEnv, REDIS_URL: `redis://127.0.0.1:${closedPort}`, RESERVATION_SWEEP_MS: "3600000" });
    const res = await fetch(`http://127.0.0.1:${stranded.port}/products`);
    expect(res.status).toBe(200);
    expect((await res.text()).includes('href="/products/'), "the catalog lists products").toBe(true);
    expect(stranded.lines.join("\n")).toMatch(/shared cache \(Redis\) \w+ failed/);
  });
});
