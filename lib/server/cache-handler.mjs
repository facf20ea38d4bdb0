// @ts-check
// Next's data cache (unstable_cache entries, and any ISR page) shared by every server process through Redis, so a
// revalidateTag on one instance (a price change saved there) expires the entry for all of them at once. next.config.js
// names this file as `cacheHandler` only when REDIS_URL is set; without it Next keeps its own per-process cache.
//
// Next 16's side of the contract (entry lifetimes, tags of pages, build-time entries) is the maintained
// @fortedigital/nextjs-cache-handler (3.x for Next 16); the Redis side is our tag-time store (./cache-store.mjs, which
// says why not the package's own). Next loads this file itself at `next start`, outside the bundle, so it is plain
// JavaScript and reads process.env directly (lib/server/env.ts validated REDIS_URL and REDIS_KEY_PREFIX at start).
//
// Redis going away must not take the shop down: while the client is not connected every read is a miss (the
// pages read the database, as on a first visit) and writes and invalidations are skipped, with one warning per
// minute in the log. An invalidation skipped during an outage cannot be replayed; what it missed is bounded by the
// entries' own lifetime (catalog reads: `revalidate: 60` in lib/server/queries/catalog-cached.ts; Redis drops a key
// 1.5 lifetimes after it was written).
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import { createClient } from "@redis/client";
import pino from "pino";
import { createTagTimeStore } from "./cache-store.mjs";

// Same shape of line as lib/server/log.ts (which this file cannot import: it is TypeScript).
const log = pino({
  level: process.env.LOG_LEVEL || (process.env.VITEST ? "silent" : "info"),
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** A Redis command that takes longer than this counts as failed: the page reads the database instead. */
const COMMAND_TIMEOUT_MS = 1_000;
const WARN_EVERY_MS = 60_000;

let lastWarning = 0;
/** @param {string} what @param {unknown} err */
function warn(what, err) {
  const now = Date.now();
  if (now - lastWarning < WARN_EVERY_MS) return;
  lastWarning = now;
  log.warn({ err }, `shared cache (Redis) ${what} failed; pages read the database until it is back`);
}

/**
 * The store, with failures turned into misses and no-ops that are logged (the package's CacheHandler would
 * swallow a failing store's errors too, but silently unless NEXT_PRIVATE_DEBUG_CACHE is set).
 * @param {ReturnType<typeof createTagTimeStore>} store
 */
function failingSoftly(store) {
  return {
    ...store,
    name: `${store.name} (soft failures)`,
    /** @type {typeof store.get} */
    async get(key, meta) {
      try {
        return await store.get(key, meta);
      } catch (err) {
        warn("read", err);
        return null;
      }
    },
    /** @type {typeof store.set} */
    async set(key, value) {
      try {
        await store.set(key, value);
      } catch (err) {
        warn("write", err);
      }
    },
    /** @type {typeof store.revalidateTag} */
    async revalidateTag(tag) {
      try {
        await store.revalidateTag(tag);
      } catch (err) {
        warn(`invalidation of "${tag}"`, err);
      }
    },
  };
}

CacheHandler.onCreation(() => {
  const client = createClient({
    url: process.env.REDIS_URL,
    // Commands are refused at once while disconnected instead of queueing until Redis returns.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let down = false;
  client.on("error", (/** @type {unknown} */ err) => {
    down = true;
    warn("connection", err);
  });
  client.on("ready", () => {
    if (down) log.info("shared cache (Redis) connected again");
    down = false;
  });
  // Not awaited: the server answers from the database until the first connection is made (the store checks
  // `isReady` on every call), and the client keeps retrying in the background.
  client.connect().catch((/** @type {unknown} */ err) => warn("connection", err));
  const store = createTagTimeStore({
    // node-redis's client type carries its module and script maps; the store only sends plain commands.
    client: /** @type {import("@redis/client").RedisClientType} */ (/** @type {unknown} */ (client)),
    keyPrefix: process.env.REDIS_KEY_PREFIX || "shop:",
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  return { handlers: [failingSoftly(store)] };
});

export default CacheHandler;
