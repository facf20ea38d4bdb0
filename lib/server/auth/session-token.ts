import "server-only";
// Reading the session on a page, an action or a route: the session cookie, found and decrypted by Auth.js's own
// `getToken` and `decode` (next-auth/jwt) with the same secret and salt (the cookie's name) that Auth.js uses.
//
// Why not `auth()`: called bare in a server component, action or route, it runs Auth.js's whole session endpoint
// (a Request and a Response built, the token decrypted, the jwt and session callbacks, then the token re-encrypted
// with a fresh key derivation for a Set-Cookie that auth() throws away) — ~6 ms of a signed-in page's server CPU
// (docs/benchmarks.md, "Signed-in pages"). What the app needs is the claims: who (`sub`) and the session version
// (`sv`), which getSessionUser checks against the user's row, as the jwt callback does for /api/auth/session.
// tests/integration/session-token.test.ts holds this reader to what Auth.js signs and refuses.
import { headers } from "next/headers";
import { decode, getToken } from "next-auth/jwt";
import { cache } from "react";
import { authSecret, secureCookies } from "@/lib/server/env";
import { VERSION_CLAIM } from "./session-version";

/** Auth.js's session cookie: `__Secure-` only with secure cookies (lib/server/auth/index.ts useSecureCookies). */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}authjs.session-token`;
export const SESSION_COOKIE = sessionCookieName(secureCookies);

export type SessionClaims = { sub: string; [VERSION_CLAIM]: unknown };

/**
 * The session token in a Cookie header, read by Auth.js itself (`getToken` with `raw`: its cookie parser, and its
 * joining of a token too long for one cookie from `name.0`, `name.1`, …), so this reads the very string that
 * /api/auth/session and sign-out read, whatever odd cookies a browser sends. Only the Cookie header is passed:
 * getToken would also take a Bearer token from an Authorization header, which this app does not accept.
 */
export async function sessionTokenFrom(cookieHeader: string | null, name = SESSION_COOKIE): Promise<string | null> {
  if (!cookieHeader) return null;
  return (await getToken({ req: { headers: { cookie: cookieHeader } }, cookieName: name, raw: true })) || null;
}

/** Seconds of clock skew an expiry is allowed: Auth.js's own (`clockTolerance` in @auth/core/jwt's decode). */
const CLOCK_TOLERANCE_S = 15;

/**
 * Tokens already decrypted, by their exact text: a reader's cookie is the same string on every request until they
 * sign in again, and decrypting it costs ~1.3 ms of CPU (a key derivation and Node's WebCrypto), more than the
 * rest of a session check. Only tokens that decrypted and authenticated under this server's secret are kept, so
 * the same string gives the same claims; the expiry is checked again on every use. Revocation is not a property
 * of the token (getSessionUser reads the user's row each time), so nothing here can outlive a sign-out.
 */
type Decoded = Map<string, { claims: SessionClaims; expiresAt: number }>;
const decodedBy = new Map<string, Decoded>();
/** At most this many tokens are kept (~1 KB each); the oldest goes first. */
const DECODED_TOKENS_KEPT = 5_000;

/** A token's claims, or null when it is missing, forged, expired or without a subject (no exception escapes). */
export async function decodeSessionToken(token: string | null, secret = authSecret(), salt = SESSION_COOKIE, now = Date.now()): Promise<SessionClaims | null> {
  if (!token) return null;
  // One table per secret and salt: a token is only ever known under the key it was decrypted with.
  const scope = `${secret}\u0000${salt}`;
  let decoded = decodedBy.get(scope);
  if (!decoded) decodedBy.set(scope, (decoded = new Map() as Decoded));
  const known = decoded.get(token);
  if (known) {
    if (now < known.expiresAt) return known.claims;
    decoded.delete(token);
    return null;
  }
  let payload;
  try {
    payload = await decode({ token, secret, salt });
  } catch {
    return null;
  }
  if (!payload || typeof payload.sub !== "string" || !payload.sub || typeof payload.exp !== "number") return null;
  const claims: SessionClaims = { sub: payload.sub, [VERSION_CLAIM]: payload[VERSION_CLAIM] };
  const expiresAt = (payload.exp + CLOCK_TOLERANCE_S) * 1000;
  if (now >= expiresAt) return null;
  if (decoded.size >= DECODED_TOKENS_KEPT) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { claims, expiresAt });
  return claims;
}

/** This request's session claims, decoded once per request. */
export const sessionClaims = cache(async (): Promise<SessionClaims | null> => decodeSessionToken(await sessionTokenFrom((await headers()).get("cookie"))));
