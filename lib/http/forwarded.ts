// X-Forwarded-Proto and X-Forwarded-Host as a chain of proxies sends them ("https,http", "a.example, b.example")
// or as an attacker does ("\", "https://x", garbage). The one place that reads them: the first hop's value when it
// is well-formed, else null, so no caller ever hands one to `new URL` unchecked. URLs the app builds come from
// SITE_URL (lib/server/env.ts), never from these headers.

/** "https" or "http" from the first (client-facing) entry, else null. */
export function forwardedProto(value: string | null | undefined): "https" | "http" | null {
  const first = value?.split(",")[0]?.trim().toLowerCase();
  return first === "https" || first === "http" ? first : null;
}

/** A host[:port] from the first entry that parses as one and nothing more (no path, user or backslash), else null. */
export function forwardedHost(value: string | null | undefined): string | null {
  const first = value?.split(",")[0]?.trim();
  if (!first || !/^[A-Za-z0-9.[\]:-]+$/.test(first)) return null;
  try {
    const url = new URL(`http://${first}`);
    return url.host === first.toLowerCase() ? url.host : null;
  } catch {
    return null;
  }
}
