// The S3 driver against s3rver (an S3-compatible server from npm, run in-process on a free port with a
// temporary folder): the same put/get/delete contract as the local folder, and a whole upload through the
// photo service with the renditions landing in the bucket.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { RENDITION_WIDTHS, renditionKey } from "@/lib/domain/photo-rules";
import { GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { deletePhoto, uploadProductPhoto } from "@/lib/server/images/photos";
import { serveMedia } from "@/lib/server/images/serve";
import { createLocalStorage } from "@/lib/server/storage/local";
import { createS3Storage } from "@/lib/server/storage/s3";
import type { Storage } from "@/lib/server/storage/types";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { hasGpsPointer, phoneJpegWithGps } from "../helpers/photo-images";

const BUCKET = "tangxian-photos";
let server: S3rver;
let dir: string;
let s3: Storage;
let t: TestDatabase;

const text = async (object: Awaited<ReturnType<Storage["get"]>>) => (object ? Buffer.from(await new Response(object.body).arrayBuffer()) : null);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "shop-s3rver-"));
  server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  s3 = createS3Storage({
    bucket: BUCKET,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    // s3rver's fixed credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  t = await createTestDatabase("shop_storage_s3");
  await seedDatabase(t.db);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await t?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each([
  ["s3 (s3rver)", () => s3],
  ["local folder", () => createLocalStorage(path.join(dir, "local"))],
])("the storage contract: %s", (_name, store) => {
  test("put, get, delete round trip; a missing key is null; deleting it again is no error", async () => {
    const storage = store();
    const key = "products/test/round-trip-320.webp";
    const bytes = new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 5]);
    expect(await storage.get(key)).toBeNull();
    await storage.put(key, bytes, "image/webp");
    const got = await storage.get(key);
    expect(got?.contentType).toBe("image/webp");
    expect(got?.size).toBe(bytes.byteLength);
    expect([...(await text(got))!]).toEqual([...bytes]);
    // Overwrite is allowed (same key, new bytes).
    await storage.put(key, new Uint8Array([9]), "image/webp");
    expect([...(await text(await storage.get(key)))!]).toEqual([9]);
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  test.each(["../escape-320.webp", "/abs-320.webp", "a//b-320.webp", "a/b-320.png", "a\\b-320.webp", ""])("refuses the key %j", async (key) => {
    const storage = store();
    await expect(storage.put(key, new Uint8Array([1]), "image/webp")).rejects.toThrow(/invalid storage key/);
    await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/invalid storage key/);
  });
});

test("an upload through the photo service lands in the bucket, is served, and is deleted with its row", async () => {
  const coop = await t.db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG }, select: { id: true } });
  const manager = await t.db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" }, select: { id: true } });
  const product = await t.db.product.findFirstOrThrow({ where: { cooperativeId: coop.id }, select: { id: true } });
  const scope = { cooperativeIds: [coop.id], cooperativeId: coop.id, actorId: manager.id };

  const jpeg = await phoneJpegWithGps();
  expect(hasGpsPointer((await sharp(jpeg).metadata()).exif)).toBe(true);
  const result = await uploadProductPhoto(t.db, s3, scope, { productId: product.id, bytes: jpeg });
  if (!result.ok) throw new Error(result.error);
  const row = await t.db.productImage.findUniqueOrThrow({ where: { id: result.imageId } });

  for (const w of RENDITION_WIDTHS) {
    const stored = await s3.get(renditionKey(row.storageKey!, w));
    expect(stored?.contentType).toBe("image/webp");
    const meta = await sharp((await text(stored))!).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height, exif: meta.exif }).toEqual({ format: "webp", width: 200, height: 400, exif: undefined });
  }
  const res = await serveMedia(renditionKey(row.storageKey!, 640), s3);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("image/webp");
  expect(res.headers.get("cache-control")).toContain("immutable");

  expect(await deletePhoto(t.db, s3, scope, { productId: product.id, imageId: row.id })).toMatchObject({ ok: true });
  for (const w of RENDITION_WIDTHS) expect(await s3.get(renditionKey(row.storageKey!, w))).toBeNull();
  expect(await t.db.productImage.findUnique({ where: { id: row.id } })).toBeNull();
});
