// Next 16's proxy (formerly middleware). Three jobs only: the locale (a cookie) becomes the app's [locale] segment by a
// rewrite, so the storefront's pages can be cached per language while the URLs carry none (the cached pages
// themselves do not come here: next.config.js rewrites them by the cookie, lib/http/cached-routes.mjs); the Content-Security-Policy
// (a per-request nonce, except on cached pages, which carry their own) and a request id for the logs; and sending
// visitors with no session cookie to sign in before the private areas.
// It is NOT the security boundary: layouts, pages, actions and queries check the session and role themselves
// (lib/server/authz.ts).
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/request-id";
import { forwardedHost, forwardedProto } from "@/lib/http/forwarded";
import { isWellFormedActionBody } from "@/lib/http/server-action";
import { env, secureCookies } from "@/lib/server/env";
import { isDecodablePath } from "@/lib/http/path";
import { basePolicy, contentSecurityPolicy } from "@/lib/http/csp.mjs";
import { internalPath, isCachedPage, requestLocale } from "@/lib/http/storefront-route";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

const PRIVATE = ["/account", "/coop", "/admin", "/org"];
/** next.config.js experimental.proxyClientMaxBodySize ("21mb"). */
const MAX_ACTION_BODY_BYTES = 21 * 1024 * 1024;
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

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

  const dev = env.NODE_ENV === "development";
  // A cached page carries its own policy, with the hashes of its inline scripts (lib/server/cache-handler.mjs): a
  // nonce cannot be in HTML rendered before the request. This one keeps to what does not concern scripts, so the
  // two together are the page's policy. The development server renders every page per request, with a nonce.
  const cached = !dev && isCachedPage(request.method, pathname, request.nextUrl.searchParams);
  const nonce = cached ? null : Buffer.from(crypto.randomUUID()).toString("base64");
  // https is SITE_URL's rule (as for cookies and HSTS), not what a request's headers claim.
  const csp = nonce ? contentSecurityPolicy({ nonce }, dev, secureCookies) : basePolicy(secureCookies);
  const locale = requestLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  // Ties the request's log lines together (lib/server/log.ts reads it with headers()).
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  // The app builds URLs from SITE_URL; what reaches it of these headers is at least well-formed (or absent).
  for (const [name, parse] of [["x-forwarded-proto", forwardedProto], ["x-forwarded-host", forwardedHost]] as const) {
    const value = parse(request.headers.get(name));
    if (value) headers.set(name, value);
    else headers.delete(name);
  }
  headers.set(REQUEST_ID_HEADER, requestId);
  // Next puts the nonce on its scripts when it finds one in the request's policy.
  if (nonce) headers.set("Content-Security-Policy", csp);
  else headers.delete("Content-Security-Policy");
  // next-intl's header for what is rendered per request (lib/i18n/request.ts); whatever a client sent is replaced.
  headers.set("X-NEXT-INTL-LOCALE", locale);
  // On request.url, not a clone of nextUrl: NextURL spells 127.0.0.1 "localhost", and a rewrite to another origin
  // than the request's is proxied as an external one (Next fetches it itself).
  const url = new URL(`${internalPath(pathname, request.nextUrl.searchParams, locale)}${search}`, request.url);
  const response = NextResponse.rewrite(url, { request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

// Literals only: Next reads the matcher at build time and ignores anything it would have to evaluate. It is exactly
// proxyMatcher() of lib/http/cached-routes.mjs (tests/unit/storefront-route.test.ts): every page but the cached ones
// (next.config.js rewrites those to their locale by the cookie), prefetches too; Auth.js's routes for the path
// check; any server action; and /products with a catalog query.
export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|images/|media/|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|sitemap.xml|robots.txt|$|(?:products|villages|cooperatives)(?:/[a-z0-9][a-z0-9-]*)?$).*)",
    "/api/auth/:path*",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/products", has: [{ type: "query", key: "q" }] },
    { source: "/products", has: [{ type: "query", key: "category" }] },
    { source: "/products", has: [{ type: "query", key: "village" }] },
    { source: "/products", has: [{ type: "query", key: "cooperative" }] },
    { source: "/products", has: [{ type: "query", key: "min" }] },
    { source: "/products", has: [{ type: "query", key: "max" }] },
    { source: "/products", has: [{ type: "query", key: "sort" }] },
    { source: "/products", has: [{ type: "query", key: "page" }] },
  ],
};
