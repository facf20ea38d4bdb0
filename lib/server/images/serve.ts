import "server-only";
import { log } from "@/lib/server/log";
import { getStorage, isStorageKey, type Storage } from "@/lib/server/storage";

const notFound = () => new Response("Not Found", { status: 404, headers: { "Cache-Control": "public, max-age=60", "Content-Type": "text/plain; charset=utf-8" } });

/** The response for GET /media/<key>: the stored rendition, or 404 for a key that is malformed or not there. */
export async function serveMedia(key: string | null, storage: Storage = getStorage()): Promise<Response> {
  if (!key || !isStorageKey(key)) return notFound();
  let object;
  try {
    object = await storage.get(key);
  } catch (error) {
    log.error({ err: error, key }, "media read failed");
    return new Response("Service Unavailable", { status: 503, headers: { "Retry-After": "30", "Cache-Control": "no-store" } });
  }
  if (!object) return notFound();
  const headers = new Headers({
    "Content-Type": object.contentType,
    "Cache-Control": "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
    // A photo is never a document: nothing in it runs, even opened directly.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  });
  if (object.size !== undefined) headers.set("Content-Length", String(object.size));
  return new Response(object.body, { status: 200, headers });
}
