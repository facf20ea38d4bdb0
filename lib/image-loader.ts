// next/image's loader (next.config.js images.loaderFile), run on the server and in the browser. An uploaded
// photo (/media/<key>.webp) is already stored as WebP at a few widths: each width next/image asks for maps to
// the nearest stored rendition, served straight from storage (or a CDN) with no second optimisation. Any other
// image (the seed data's files in /public) goes through Next's own optimiser as with the default loader.
import type { ImageLoaderProps } from "next/image";
import { MEDIA_PREFIX, nearestRendition } from "@/lib/domain/photo-rules";

const RENDITION = /-\d+\.webp$/;

export default function imageLoader({ src, width, quality }: ImageLoaderProps): string {
  if (src.startsWith(MEDIA_PREFIX) && src.endsWith(".webp") && !RENDITION.test(src)) {
    return `${src.slice(0, -".webp".length)}-${nearestRendition(width)}.webp`;
  }
  return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=${quality ?? 75}`;
}
