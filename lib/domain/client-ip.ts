// Which address a request came from, when only the proxies we were told to trust may say so.
//
// `next start` sets X-Forwarded-For from the socket only when the request has none
// (node_modules/next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`):
// a client that sends its own header replaces the socket address entirely. So the chain we see is whatever
// the client sent, followed by one address appended by each proxy in front of us. With `trustedHops`
// proxies, the client is the `trustedHops`-th entry from the right (the one our outermost proxy wrote);
// anything left of it is the client's own claim. With no trusted proxy nothing in the header can be believed
// (not even a single entry: it may be the client's), so the address is unknown.
import { isIP } from "node:net";

export const UNKNOWN_ADDRESS = "unknown";
export const MAX_TRUSTED_PROXY_HOPS = 5;

// A chain longer than this is not from a real set of proxies; its right end is still read.
const MAX_ENTRIES = 64;

/** A bare IPv4 or IPv6 address from one X-Forwarded-For entry ("[::1]:443", "1.2.3.4:80" accepted), else null. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  // A zone index (fe80::1%eth0) names a local interface, not part of the address.
  value = value.replace(/%[\w.-]+$/, "");
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const lower = value.toLowerCase();
  // An IPv4 client seen through an IPv6 socket: the same client as its IPv4 form.
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  return mapped && isIP(mapped[1]!) === 4 ? mapped[1]! : lower;
}

/** The client address as the trusted proxies report it, or "unknown". Pure: headers in, address out. */
export function clientIpFrom(headers: Pick<Headers, "get">, trustedHops: number): string {
  if (!Number.isInteger(trustedHops) || trustedHops < 1 || trustedHops > MAX_TRUSTED_PROXY_HOPS) return UNKNOWN_ADDRESS;
  const header = headers.get("x-forwarded-for");
  if (!header) return UNKNOWN_ADDRESS;
  const chain = header.split(",").slice(-MAX_ENTRIES);
  // Fewer entries than trusted proxies: the request did not come through all of them, so no entry is theirs.
  if (chain.length < trustedHops) return UNKNOWN_ADDRESS;
  return normalizeAddress(chain[chain.length - trustedHops]!) ?? UNKNOWN_ADDRESS;
}
