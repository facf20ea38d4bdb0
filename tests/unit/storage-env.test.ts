// Where photos are stored is chosen by env (lib/server/env.ts): local by default; s3 needs its bucket and keys.
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "@/lib/server/env";

function refusal(source: Record<string, string | undefined>): string | null {
  try {
    parseEnv(source);
    return null;
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
}

const S3 = { STORAGE_DRIVER: "s3", S3_BUCKET: "photos", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

describe("photo storage configuration", () => {
  test("defaults: a local folder under .data/", () => {
    const env = parseEnv({});
    expect({ driver: env.STORAGE_DRIVER, dir: env.UPLOADS_DIR, pathStyle: env.S3_FORCE_PATH_STYLE }).toEqual({ driver: "local", dir: ".data/uploads", pathStyle: false });
  });

  test("s3 with bucket and keys is accepted; endpoint and path style are read", () => {
    const env = parseEnv({ ...S3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "1", S3_REGION: "cn-north-1" });
    expect({ driver: env.STORAGE_DRIVER, endpoint: env.S3_ENDPOINT, pathStyle: env.S3_FORCE_PATH_STYLE, region: env.S3_REGION }).toEqual({ driver: "s3", endpoint: "http://127.0.0.1:9000", pathStyle: true, region: "cn-north-1" });
  });

  test.each([
    [{ ...S3, S3_BUCKET: undefined }, "S3_BUCKET: required when STORAGE_DRIVER=s3"],
    [{ ...S3, S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" }, "S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3"],
    [{ STORAGE_DRIVER: "ftp" }, 'STORAGE_DRIVER: must be "local" or "s3"'],
    [{ ...S3, S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT: must be an http:// or https:// URL"],
    [{ ...S3, S3_FORCE_PATH_STYLE: "yes" }, 'S3_FORCE_PATH_STYLE: must be "1" (on) or "0" (off)'],
  ])("refused: %j", (source, message) => {
    expect(refusal(source)).toContain(message);
  });

  test("the s3 settings are not required for the local driver", () => {
    expect(refusal({ STORAGE_DRIVER: "local" })).toBeNull();
  });
});
