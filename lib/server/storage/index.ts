import "server-only";
// The photo store the app uses, chosen by STORAGE_DRIVER (lib/server/env.ts): a local folder by default, an
// S3-compatible bucket in production. Code that stores or reads photos takes a Storage, so tests hand it a
// store of their own (one that fails, say); the app passes getStorage().
import { env } from "@/lib/server/env";
import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import type { Storage } from "./types";

export type { Storage, StoredObject } from "./types";
export { isStorageKey } from "./types";

let current: Storage | null = null;

export function getStorage(): Storage {
  current ??=
    env.STORAGE_DRIVER === "s3"
      ? createS3Storage({
          // parseEnv refuses STORAGE_DRIVER=s3 without these three.
          bucket: env.S3_BUCKET!,
          accessKeyId: env.S3_ACCESS_KEY_ID!,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
          region: env.S3_REGION,
          endpoint: env.S3_ENDPOINT,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        })
      : createLocalStorage(env.UPLOADS_DIR);
  return current;
}

/** put, get and delete of one key, for callers that prefer the brief's shape. */
export const put = (key: string, bytes: Uint8Array, contentType: string) => getStorage().put(key, bytes, contentType);
export const get = (key: string) => getStorage().get(key);
export const remove = (key: string) => getStorage().delete(key);
export { remove as delete };
