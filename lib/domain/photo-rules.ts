// Product photos: the limits an upload must meet, the widths the storefront is served, and how an uploaded
// photo's URL and its stored files are named. Pure: shared by the server (processing, storage, the /media
// route) and the browser (the uploader's size check, next/image's loader).

export const PHOTO_LIMITS = {
  /** Per file, as sent (a phone photo is 2–8 MB). */
  maxBytes: 10 * 1024 * 1024,
  /** Decoded pixels: a 48-megapixel phone sensor passes, a decompression bomb does not. */
  maxPixels: 50_000_000,
  maxSide: 16_384,
  /** Longest side over shortest side. */
  maxAspect: 10,
  perProduct: 12,
} as const;

/** WebP renditions stored for each uploaded photo: a card on a phone, a product page on a phone, a desktop. */
export const RENDITION_WIDTHS = [320, 640, 1200] as const;
export type RenditionWidth = (typeof RENDITION_WIDTHS)[number];
export const LARGEST_RENDITION: RenditionWidth = 1200;

export const IMAGE_REFUSALS = ["notAnImage", "unsupportedFormat", "tooLarge", "tooManyPixels", "badDimensions", "corrupt"] as const;
export type ImageRefusal = (typeof IMAGE_REFUSALS)[number];

export const MEDIA_PREFIX = "/media/";

/** The file holding one rendition of a photo stored under `storageKey`. */
export const renditionKey = (storageKey: string, width: number) => `${storageKey}-${width}.webp`;

/** The URL saved on the image row (ProductImage.url) for an uploaded photo. */
export const mediaUrl = (storageKey: string) => `${MEDIA_PREFIX}${storageKey}.webp`;

/** The smallest rendition at least `width` wide (the largest when none is). */
export function nearestRendition(width: number): RenditionWidth {
  return RENDITION_WIDTHS.find((w) => w >= width) ?? LARGEST_RENDITION;
}

// Stored keys hold no "-" of their own (products/<id>/<hex>), so the last "-<digits>" is the width.
const RENDITION_PATH = /^(.+)-(\d+)\.webp$/;

/**
 * The stored key a /media/<path> request names: a rendition (`<key>-640.webp`) as is, and the photo's own URL
 * (`<key>.webp`, what the row holds) as its largest rendition. Null for anything else.
 */
export function storedKeyForMediaPath(path: string): string | null {
  const m = RENDITION_PATH.exec(path);
  if (m) return (RENDITION_WIDTHS as readonly number[]).includes(Number(m[2])) ? path : null;
  if (!path.endsWith(".webp")) return null;
  return renditionKey(path.slice(0, -".webp".length), LARGEST_RENDITION);
}
