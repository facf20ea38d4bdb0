// The shared cache's Redis store (lib/server/cache-store.mjs) on a real Redis (REDIS_TEST_URL or 127.0.0.1:6379;
// .ci/run starts one; without one the suite is skipped, except under CI, where it fails): a revalidated tag makes
// every entry written before it a miss, and only those; an entry written after it is a hit; a key expires with
// its lifetime; a store whose Redis is not connected fails at once instead of waiting.
import { randomBytes } from "node:crypto";
import { createClient, type RedisClientType } from "@redis/client";
import { afterAll, describe, expect, test } from "vitest";
import { CLOCK_MARGIN_MS, createTagTimeStore, type StoredEntry } from "@/lib/server/cache-store.mjs";

const redisUrl = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379";

async function connect(): Promise<RedisClientType | null> {
  const client: RedisClientType = createClient({ url: redisUrl, socket: { connectTimeout: 1_000, reconnectStrategy: false } });
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch {
    return null;
  }
}

const client = await connect();
if (process.env.CI && !client) throw new Error(`cache-store: no Redis at ${redisUrl} (.ci/run starts one)`);

describe.skipIf(!client)("the tag-time store on Redis", () => {
  const redis = client!;
  const prefix = `shop-test-${randomBytes(4).toString("hex")}:`;
  const store = createTagTimeStore({ client: redis, keyPrefix: prefix, timeoutMs: 1_000 });
  const entry = (tags: string[], lastModified = Date.now()): StoredEntry => ({ lastModified, tags, lifespan: { expireAt: Math.floor(Date.now() / 1000) + 600 }, value: { kind: "FETCH", data: { body: tags.join(",") } } });
  const none = { implicitTags: [] };

  afterAll(async () => {
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 1_000 })) keys.push(...batch);
    if (keys.length) await redis.unlink(keys);
    redis.destroy();
  });

  test("what is written is read back", async () => {
    const written = entry(["product:p1"]);
    await store.set("k1", written);
    expect(await store.get("k1", none)).toEqual(written);
    expect(await store.get("never-written", none)).toBeNull();
  });

  test("revalidating a tag makes the entries carrying it misses, and only those", async () => {
    const before = Date.now() - 5_000;
    await store.set("p2-page", entry(["product:p2", "cooperative:c1"], before));
    await store.set("p3-page", entry(["product:p3", "cooperative:c1"], before));
    await store.revalidateTag("product:p2");
    expect(await store.get("p2-page", none)).toBeNull();
    expect(await store.get("p3-page", none)).not.toBeNull();
    await store.revalidateTag("cooperative:c1");
    expect(await store.get("p3-page", none)).toBeNull();
  });

  test("an entry written after the revalidation is a hit; one written within the clock margin is not", async () => {
    await store.revalidateTag("product:p4");
    const now = Date.now();
    await store.set("soon", entry(["product:p4"], now));
    expect(await store.get("soon", none)).toBeNull();
    await store.set("later", entry(["product:p4"], now + CLOCK_MARGIN_MS + 100));
    expect(await store.get("later", none)).not.toBeNull();
  });

  test("implicit tags (the page's path, revalidatePath) count as the entry's tags", async () => {
    await store.set("read-on-page", entry(["listings"], Date.now() - 5_000));
    const onPage = { implicitTags: ["_N_T_/products/p5", "_N_T_/layout"] };
    expect(await store.get("read-on-page", onPage)).not.toBeNull();
    await store.revalidateTag("_N_T_/products/p5");
    expect(await store.get("read-on-page", onPage)).toBeNull();
    expect(await store.get("read-on-page", none)).not.toBeNull();
  });

  test("a key expires at the end of its lifetime", async () => {
    await store.set("short", { ...entry(["x"]), lifespan: { expireAt: Math.floor(Date.now() / 1000) + 30 } });
    const ttl = await redis.ttl(`${prefix}entry:short`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  test("a revalidation is one field, however many entries are cached", async () => {
    for (let i = 0; i < 200; i++) await store.set(`bulk-${i}`, entry([`product:b${i}`], Date.now() - 5_000));
    const fieldsBefore = await redis.hLen(`${prefix}tag-times`);
    await store.revalidateTag("product:b7");
    expect(await redis.hLen(`${prefix}tag-times`)).toBe(fieldsBefore + 1);
    expect(await store.get("bulk-7", none)).toBeNull();
    expect(await store.get("bulk-8", none)).not.toBeNull();
  });

  test("with Redis not connected, every call fails at once (the handler then reads the database)", async () => {
    const closed: RedisClientType = createClient({ url: redisUrl });
    const offline = createTagTimeStore({ client: closed, keyPrefix: prefix, timeoutMs: 1_000 });
    const started = Date.now();
    await expect(offline.get("k1", none)).rejects.toThrow("not connected");
    await expect(offline.set("k1", entry([]))).rejects.toThrow("not connected");
    await expect(offline.revalidateTag("t")).rejects.toThrow("not connected");
    // "At once": well under the 1 s the store would wait for a connected server that does not answer (a wide margin:
    // a loaded machine may take a while to run three rejected calls, never a second).
    expect(Date.now() - started).toBeLessThan(500);
  });
});
