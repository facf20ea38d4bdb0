// What the shared cache's store (lib/server/cache-store.mjs) writes to Redis and reads back: Next's entries with
// the Buffers and Maps a cached page holds, unchanged.
import { describe, expect, test } from "vitest";
import { deserializeEntry, serializeEntry } from "@/lib/server/cache-store.mjs";

describe("serializeEntry / deserializeEntry", () => {
  test.each([
    { why: "a cached read (unstable_cache): plain JSON", entry: { lastModified: 1, tags: ["product:p1"], value: { kind: "FETCH", data: { body: "{\"priceFen\":12800}" }, revalidate: 60 } } },
    { why: "a page: its RSC payload is a Buffer", entry: { lastModified: 2, tags: [], value: { kind: "APP_PAGE", html: "<p>¥128.00</p>", rscData: Buffer.from("1:{\"a\":1}\n") } } },
    {
      why: "a page's segments: a Map of Buffers",
      entry: { lastModified: 3, tags: [], value: { kind: "APP_PAGE", segmentData: new Map([["/_tree", Buffer.from([0, 1, 255])], ["/products", Buffer.from("葡萄")]]) } },
    },
    { why: "strings that look like markers stay strings", entry: { lastModified: 4, tags: [], value: { note: "__buffer", list: ["__map"] } } },
    { why: "a lifespan and no value", entry: { lastModified: 5, tags: ["_N_T_/products"], lifespan: { expireAt: 1_764_000_000 }, value: null } },
  ])("$why round-trips", ({ entry }) => {
    const stored = serializeEntry(entry);
    expect(typeof stored).toBe("string");
    expect(deserializeEntry(stored)).toEqual(entry);
  });

  test("a Buffer is stored as base64, not as a JSON array of bytes", () => {
    const stored = serializeEntry({ rscData: Buffer.alloc(3000, 7) });
    expect(stored.length).toBeLessThan(4_200);
  });
});
