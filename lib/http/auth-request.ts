// Auth.js answers a 500 ("server configuration") when a request's callbackUrl query parameter or its
// callback-url cookie is not an http(s) URL (InvalidCallbackUrl from assertConfig), on every action including
// /session, /csrf and /providers. That is bad input, not a server fault: the route answers 400 for the parameter
// and drops a bad cookie before Auth.js sees it.

const CALLBACK_COOKIES = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/** The same test Auth.js applies (lib/utils/assert.js): absolute http(s), or a path relative to the site. */
export function isValidCallbackUrl(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/** A cookie header without the callback-url cookies whose value Auth.js would refuse; null when nothing changes. */
export function withoutBadCallbackCookie(cookieHeader: string | null, origin: string): string | null {
  if (!cookieHeader) return null;
  let changed = false;
  const kept = cookieHeader.split(";").filter((pair) => {
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq === -1 ? undefined : eq).trim();
    if (!CALLBACK_COOKIES.includes(name)) return true;
    let value = eq === -1 ? "" : pair.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      changed = true;
      return false;
    }
    if (isValidCallbackUrl(value, origin)) return true;
    changed = true;
    return false;
  });
  return changed ? kept.join(";") : null;
}
