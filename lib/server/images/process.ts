import "server-only";
// A photo from a phone, made safe to publish: only a real JPEG, PNG or WebP (judged by decoding it, never by
// the file name or the browser's MIME type), at most 10 MB and 50 megapixels (a small file that declares huge
// dimensions — a decompression bomb — is refused from its header, before any pixel is decoded), turned upright
// from its EXIF orientation, then re-encoded to WebP at the storefront's widths with NO metadata at all (phone
// photos carry the GPS position of the farm or the home where they were taken).
import sharp, { type Metadata } from "sharp";
import { PHOTO_LIMITS, RENDITION_WIDTHS, type ImageRefusal } from "@/lib/domain/photo-rules";

export class ImageRefusedError extends Error {
  constructor(readonly reason: ImageRefusal) {
    super(`image refused: ${reason}`);
    this.name = "ImageRefusedError";
  }
}

export interface Rendition {
  /** The width it was asked for (the file's name); the image itself is never wider than the original. */
  width: number;
  bytes: Buffer;
  actualWidth: number;
  actualHeight: number;
}

export interface ProcessedImage {
  /** The upright original's size. */
  width: number;
  height: number;
  renditions: Rendition[];
}

const ACCEPTED = new Set(["jpeg", "png", "webp"]);

/** Reads, checks and re-encodes; throws ImageRefusedError with a reason the manager can be told. */
export async function processImage(input: Uint8Array): Promise<ProcessedImage> {
  if (input.byteLength === 0) throw new ImageRefusedError("notAnImage");
  if (input.byteLength > PHOTO_LIMITS.maxBytes) throw new ImageRefusedError("tooLarge");

  let meta: Metadata;
  try {
    // The header only: format and declared dimensions, before anything is decoded.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefusedError("notAnImage");
  }
  if (!meta.format || !ACCEPTED.has(meta.format)) throw new ImageRefusedError("unsupportedFormat");
  const { width, height } = meta;
  if (!width || !height) throw new ImageRefusedError("corrupt");
  if (width * height > PHOTO_LIMITS.maxPixels || Math.max(width, height) > PHOTO_LIMITS.maxSide) throw new ImageRefusedError("tooManyPixels");
  // A panorama strip 40 000 × 10 would pass the pixel count but is no product photo.
  if (Math.max(width, height) / Math.min(width, height) > PHOTO_LIMITS.maxAspect) throw new ImageRefusedError("badDimensions");

  const source = sharp(input, {
    limitInputPixels: PHOTO_LIMITS.maxPixels,
    // A truncated or damaged file is refused rather than published with a grey half.
    failOn: "error",
    // Animated WebP: its first frame.
    pages: 1,
    sequentialRead: true,
  })
    .autoOrient()
    .timeout({ seconds: 30 });

  try {
    const renditions: Rendition[] = [];
    for (const target of RENDITION_WIDTHS) {
      // No withMetadata()/keepExif(): sharp writes no EXIF, XMP, IPTC or ICC profile (colours converted to sRGB).
      const { data, info } = await source
        .clone()
        .resize({ width: target, withoutEnlargement: true })
        .webp({ quality: 80, effort: 4 })
        .toBuffer({ resolveWithObject: true });
      renditions.push({ width: target, bytes: data, actualWidth: info.width, actualHeight: info.height });
    }
    const upright = (meta.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
    return { ...upright, renditions };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    if (/pixel limit/i.test(message)) throw new ImageRefusedError("tooManyPixels");
    if (/timeout/i.test(message)) throw new ImageRefusedError("tooManyPixels");
    throw new ImageRefusedError("corrupt");
  }
}
