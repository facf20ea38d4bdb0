// Uploaded product photos, public like the product pages that show them. A rendition's key holds a random part
// and never changes content (a new upload is a new key), so it is cached for a year by browsers and any CDN.
import { storedKeyForMediaPath } from "@/lib/domain/photo-rules";
import { serveMedia } from "@/lib/server/images/serve";

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key } = await params;
  return serveMedia(storedKeyForMediaPath(key.join("/")));
}
