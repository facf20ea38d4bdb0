import { NextRequest } from "next/server";
import { isValidCallbackUrl, withoutBadCallbackCookie } from "@/lib/http/auth-request";
import { handlers } from "@/lib/server/auth";
import { env } from "@/lib/server/env";

type Handler = (request: NextRequest) => Promise<Response>;

/**
 * A bad callbackUrl parameter is a 400; a bad callback-url cookie is dropped (see lib/http/auth-request.ts). A
 * malformed path never gets here: proxy.ts matches /api/auth for that, since Next decodes the segment first.
 */
function guarded(handler: Handler): Handler {
  return async (request) => {
    const origin = new URL(env.SITE_URL).origin;
    // Every value: the guard read the first and Auth.js another, so "?callbackUrl=/ok&callbackUrl=bad" was a 500.
    const callbackUrls = request.nextUrl.searchParams.getAll("callbackUrl");
    if (callbackUrls.some((url) => !isValidCallbackUrl(url, origin))) {
      return Response.json({ error: "Invalid callbackUrl" }, { status: 400 });
    }
    const cookie = withoutBadCallbackCookie(request.headers.get("cookie"), origin);
    if (cookie === null) return handler(request);
    const headers = new Headers(request.headers);
    headers.set("cookie", cookie);
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
    return handler(new NextRequest(request.url, { method: request.method, headers, body }));
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
