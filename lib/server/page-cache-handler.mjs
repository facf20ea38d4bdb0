// @ts-check
// Next's cache handler (next.config.js `cacheHandler`): the store underneath is Redis with REDIS_URL (./cache-handler.mjs,
// shared by every instance) or else Next's own (memory and .next on disk). On top of either it does one thing: a
// page written to or read from the cache gets its Content-Security-Policy, with the SHA-256 of each of Next's inline
// scripts in it (lib/http/csp.mjs). A cached page was rendered before its request, so it cannot carry the
// per-request nonce every other page gets from proxy.ts; Next sends the headers stored with a page on every response
// it serves from it, the first one included (the value written here is the value that response is made from).
// And it keeps no page for a URL that is not found.
import FileSystemCacheModule from "next/dist/server/lib/incremental-cache/file-system-cache.js";
import { contentSecurityPolicy, frameworkScriptHashes } from "../http/csp.mjs";
import RedisCacheHandler from "./cache-handler.mjs";

const CSP = "content-security-policy";

/** @typedef {{ kind?: string, html?: unknown, headers?: Record<string, unknown>, status?: number }} CachedValue */

/**
 * Adds the page's policy to a cached page's headers (in place), unless it has one.
 * @param {CachedValue | null | undefined} value
 */
export function withPagePolicy(value) {
  if (!value || value.kind !== "APP_PAGE" || typeof value.html !== "string" || !value.html) return;
  if (value.headers?.[CSP]) return;
  // https is SITE_URL's rule, as in proxy.ts and for cookies (lib/server/env.ts validated SITE_URL at start).
  const https = (process.env.SITE_URL ?? "").startsWith("https:");
  const policy = contentSecurityPolicy({ hashes: frameworkScriptHashes(value.html) }, false, https);
  value.headers = { ...value.headers, [CSP]: policy };
}

// Redis's client is made when the first handler is (CacheHandler.onCreation in ./cache-handler.mjs), not on import.
/** @type {any} */
const Base = process.env.REDIS_URL ? RedisCacheHandler : (/** @type {any} */ (FileSystemCacheModule).default ?? FileSystemCacheModule);

export default class PageCacheHandler {
  /** @param {any} options what Next passes a cache handler */
  constructor(options) {
    this.inner = new Base(options);
  }

  /** @param {any[]} args */
  async get(...args) {
    const entry = await this.inner.get(...args);
    // Pages prerendered by `next build` are read from disk without passing through set.
    withPagePolicy(entry?.value);
    return entry;
  }

  /** @param {string} key @param {CachedValue | null} data @param {any} ctx */
  async set(key, data, ctx) {
    withPagePolicy(data);
    // A product, village or cooperative that does not exist is not kept: every made-up slug would otherwise be a
    // cache entry (a file on disk, a key in Redis) for as long as the cache lives.
    if (data?.kind === "APP_PAGE" && data.status === 404) return;
    return this.inner.set(key, data, ctx);
  }

  /** @param {any[]} args */
  revalidateTag(...args) {
    return this.inner.revalidateTag(...args);
  }

  resetRequestCache() {
    this.inner.resetRequestCache?.();
  }
}
