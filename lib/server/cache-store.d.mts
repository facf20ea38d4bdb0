// Types for cache-store.mjs (plain JavaScript, loaded by Next outside the bundle), for the tests that import it.
import type { RedisClientType } from "@redis/client";

export declare const CLOCK_MARGIN_MS: number;
export declare function serializeEntry(entry: unknown): string;
export declare function deserializeEntry(stored: string): unknown;

export interface StoredEntry {
  lastModified: number;
  tags: readonly string[];
  lifespan?: { expireAt: number } | null;
  [field: string]: unknown;
}

export declare function createTagTimeStore(options: { client: RedisClientType; keyPrefix: string; timeoutMs: number }): {
  name: string;
  get(key: string, meta: { implicitTags: string[] }): Promise<StoredEntry | null>;
  set(key: string, entry: StoredEntry): Promise<void>;
  revalidateTag(tag: string): Promise<void>;
  delete(key: string): Promise<void>;
};
