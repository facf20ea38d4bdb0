// Photo URLs and keys (lib/domain/photo-rules.ts, lib/server/storage/types.ts) and next/image's loader
// (lib/image-loader.ts): which stored rendition a width gets, which /media paths name a stored file at all.
import { describe, expect, test } from "vitest";
import { mediaUrl, nearestRendition, renditionKey, storedKeyForMediaPath } from "@/lib/domain/photo-rules";
import imageLoader from "@/lib/image-loader";
import { isStorageKey } from "@/lib/server/storage/types";

describe("nearestRendition: the smallest stored width at least as wide as asked", () => {
  test.each([
    [16, 320],
    [320, 320],
    [321, 640],
    [640, 640],
    [750, 1200],
    [1200, 1200],
    [3840, 1200],
  ])("%i → %i", (width, expected) => expect(nearestRendition(width)).toBe(expected));
});

describe("next/image loader", () => {
  const src = mediaUrl("products/p1/9f3a0c");
  test.each([
    [src, 256, "/media/products/p1/9f3a0c-320.webp"],
    [src, 640, "/media/products/p1/9f3a0c-640.webp"],
    [src, 1080, "/media/products/p1/9f3a0c-1200.webp"],
    [src, 3840, "/media/products/p1/9f3a0c-1200.webp"],
    // Already a rendition: untouched by the mapping, so sent to the optimiser like any other image.
    ["/images/products/wine.png", 640, "/_next/image?url=%2Fimages%2Fproducts%2Fwine.png&w=640&q=75"],
    ["/images/villages/a b.jpg", 1200, "/_next/image?url=%2Fimages%2Fvillages%2Fa%20b.jpg&w=1200&q=75"],
  ])("%s at %i → %s", (s, width, expected) => expect(imageLoader({ src: s, width })).toBe(expected));

  test("quality passes through to the optimiser", () => {
    expect(imageLoader({ src: "/images/x.png", width: 64, quality: 50 })).toBe("/_next/image?url=%2Fimages%2Fx.png&w=64&q=50");
  });
});

describe("storedKeyForMediaPath and isStorageKey", () => {
  test.each([
    ["products/p1/k-320.webp", "products/p1/k-320.webp"],
    ["products/p1/k-1200.webp", "products/p1/k-1200.webp"],
    ["products/p1/k.webp", "products/p1/k-1200.webp"],
    ["products/p1/k-321.webp", null],
    ["products/p1/k.png", null],
    ["products/p1/k", null],
  ])("%s → %s", (p, expected) => expect(storedKeyForMediaPath(p)).toBe(expected));

  test.each([
    ["products/p1/k-320.webp", true],
    [renditionKey("products/cm0abc/Zx_9-", 640), true],
    ["../k-320.webp", false],
    ["products/../k-320.webp", false],
    ["products/./k-320.webp", false],
    ["/products/k-320.webp", false],
    ["products//k-320.webp", false],
    ["products\\k-320.webp", false],
    ["products/k-320.webp\0", false],
    ["products/%2e%2e/k-320.webp", false],
    ["products/k-320.svg", false],
    ["a/b/c/d/e/f-320.webp", false],
    [`${"a".repeat(65)}-320.webp`, false],
  ])("%j is a storage key: %s", (key, expected) => expect(isStorageKey(key)).toBe(expected));
});
