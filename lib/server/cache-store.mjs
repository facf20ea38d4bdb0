// @ts-check
// The Redis store behind Next's data cache when several instances share it (lib/server/cache-handler.mjs plugs it
// into @fortedigital/nextjs-cache-handler's CacheHandler, which speaks Next 16's cacheHandler contract).
//
// Why our own store and not the package's `redis-strings`: that one finds a tag's entries by reading the tag list
// of every cached entry (HSCAN of one hash), so one revalidateTag cost 0.15–0.36 s at 10,000 entries and 0.84–1.0 s
// at 40,000 (docs/benchmarks.md), and a sale revalidates a few product tags: at county scale every order would stall
// Redis. Here revalidateTag writes one timestamp (HSET tag → now) and a read compares the entry's time with the times
// of its tags (one HMGET): an entry written before any of its tags was revalidated is a miss. Cost per call: O(tags).
// Entries expire with their lifetime (EXAT); the hash of tag times has no expiry and one field per tag ever
// revalidated (products, cooperatives, villages, paths: bounded by the catalog), so a memory-capped Redis must evict
// with volatile-lru, never the hash (README, "More than one server").
// Plain JavaScript: Next loads the handler at `next start` outside the bundle.

/** Clocks of the servers (NTP) may differ by this much: an entry written this soon after its tag's revalidation
 * by another server is read as stale rather than risk serving data from before the change. */
export const CLOCK_MARGIN_MS = 500;

/**
 * JSON that keeps what Next's cache entries hold besides plain data: Buffers (a page's RSC payload) and Maps
 * (its per-segment payloads).
 * @param {string} key @param {unknown} value @this {Record<string, unknown>}
 */
function replace(key, value) {
  const raw = this[key];
  if (Buffer.isBuffer(raw)) return { __buffer: raw.toString("base64") };
  if (raw instanceof Map) return { __map: [...raw] };
  return value;
}

/** @param {string} _key @param {unknown} value */
function revive(_key, value) {
  if (value && typeof value === "object") {
    if ("__buffer" in value && typeof value.__buffer === "string") return Buffer.from(value.__buffer, "base64");
    if ("__map" in value && Array.isArray(value.__map)) return new Map(value.__map);
  }
  return value;
}

/** @param {unknown} entry */
export const serializeEntry = (entry) => JSON.stringify(entry, replace);
/** @param {string} stored */
export const deserializeEntry = (stored) => JSON.parse(stored, revive);

/**
 * @template T
 * @param {Promise<T>} promise @param {number} ms @param {string} what
 * @returns {Promise<T>}
 */
function within(promise, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis ${what} took longer than ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, timeout]).finally(() => clearTimeout(timer)));
}

/**
 * @param {{
 *   client: import("@redis/client").RedisClientType,
 *   keyPrefix: string,
 *   timeoutMs: number,
 * }} options
 */
export function createTagTimeStore({ client, keyPrefix, timeoutMs }) {
  const entryKey = (/** @type {string} */ key) => `${keyPrefix}entry:${key}`;
  const tagsKey = `${keyPrefix}tag-times`;
  /** @template T @param {string} what @param {() => Promise<T>} run */
  function command(what, run) {
    // Not connected: fail at once (the caller reads the database) instead of waiting for a reconnection.
    if (!client.isReady) return Promise.reject(new Error("Redis is not connected"));
    return within(run(), timeoutMs, what);
  }
  return {
    name: "redis-tag-times",
    /**
     * @param {string} key
     * @param {{ implicitTags: string[] }} meta
     * @returns {Promise<{ lastModified: number, tags: readonly string[] } & Record<string, unknown> | null>}
     */
    async get(key, { implicitTags }) {
      const stored = await command("GET", () => client.get(entryKey(key)));
      if (!stored) return null;
      const entry = deserializeEntry(stored);
      const tags = [...new Set([...(entry.tags ?? []), ...implicitTags])];
      if (tags.length > 0) {
        const times = await command("HMGET", () => client.hmGet(tagsKey, tags));
        if (times.some((t) => t !== null && Number(t) + CLOCK_MARGIN_MS > entry.lastModified)) return null;
      }
      return entry;
    },
    /** @param {string} key @param {{ lifespan?: { expireAt: number } | null } & Record<string, unknown>} entry */
    async set(key, entry) {
      const expireAt = entry.lifespan?.expireAt;
      await command("SET", () => client.set(entryKey(key), serializeEntry(entry), expireAt ? { EXAT: expireAt } : undefined));
    },
    /** @param {string} tag */
    async revalidateTag(tag) {
      await command("HSET", () => client.hSet(tagsKey, tag, String(Date.now())));
    },
    /** @param {string} key */
    async delete(key) {
      await command("UNLINK", () => client.unlink(entryKey(key)));
    },
  };
}
