// Next 16's proxy (formerly middleware). Two jobs only: a per-request Content-Security-Policy nonce (and a
// request id for the logs), and sending visitors with no session cookie to sign in before the private areas.
// It is NOT the security boundary: layouts, pages, actions and queries check the session and role themselves
// (lib/server/authz.ts).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/request-id";
import { forwardedHost, forwardedProto } from "@/lib/http/forwarded";
import { isWellFormedActionBody } from "@/lib/http/server-action";
import { env, secureCookies } from "@/lib/server/env";
import { isDecodablePath } from "@/lib/http/path";

const PRIVATE = ["/account", "/coop", "/admin"];
/** next.config.js experimental.proxyClientMaxBodySize ("21mb"). */
const MAX_ACTION_BODY_BYTES = 21 * 1024 * 1024;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function contentSecurityPolicy(nonce: string, dev: boolean, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (e.g. the width of the where-your-money-goes bar) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}


export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!isDecodablePath(pathname)) return new NextResponse("Bad Request: malformed percent-escape in the path", { status: 400 });
  // /api/auth is matched only for the path check above: Next decodes its catch-all segment before the route runs.
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (request.method === "POST" && request.headers.has("next-action")) {
    // Next hands an action to the worker whose bundle holds it by calling itself at the request's Host: without
    // one it throws (a 500). HTTP/1.1 requires Host; a request without it is refused.
    if (!request.headers.get("host")) return new NextResponse("Bad Request: no Host header", { status: 400 });
    // Beyond what Next buffers for the proxy (next.config.js proxyClientMaxBodySize) the body would arrive cut
    // off and be refused as malformed: say what it is. Smaller bodies reach the action, which answers translated.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_ACTION_BODY_BYTES) {
      return new NextResponse("Payload Too Large: a server action body is at most 21 MB", { status: 413 });
    }
    if (!(await isWellFormedActionBody(request))) return new NextResponse("Bad Request: malformed server action body", { status: 400 });
  }
  const isPrivate = PRIVATE.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isPrivate && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // https is SITE_URL's rule (as for cookies and HSTS), not what a request's headers claim.
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === "development", secureCookies);
  // Ties the request's log lines together (lib/server/log.ts reads it with headers()).
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  // The app builds URLs from SITE_URL; what reaches it of these headers is at least well-formed (or absent).
  for (const [name, parse] of [["x-forwarded-proto", forwardedProto], ["x-forwarded-host", forwardedHost]] as const) {
    const value = parse(request.headers.get(name));
    if (value) headers.set(name, value);
    else headers.delete(name);
  }
  headers.set("x-nonce", nonce);
  headers.set(REQUEST_ID_HEADER, requestId);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Literals only: Next reads the matcher at build time and ignores anything it would have to evaluate.
export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|images/|media/|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|sitemap.xml|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // A server-action call is checked whatever prefetch header it carries (a client's own calls carry none).
    { source: "/((?!api/|_next/static|_next/image|images/|media/|favicon.ico|sitemap.xml|robots.txt).*)", has: [{ type: "header", key: "next-action" }] },
    "/api/auth/:path*",
  ],
};
