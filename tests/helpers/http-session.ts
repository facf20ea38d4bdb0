// Signing in over HTTP exactly as a browser does (Auth.js CSRF token, then the credentials callback), and
// calling a server action over HTTP the way Next's client does (Next-Action header, React-encoded arguments).
import { readFileSync } from "node:fs";
import path from "node:path";
// The encoder Next's own client uses for server action arguments.
// @ts-expect-error no types for Next's compiled copy of React's Flight client
import { encodeReply as untypedEncodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node.js";

// Its type, as React's own typings for react-server-dom-webpack/client declare it.
const encodeReply = untypedEncodeReply as (value: unknown) => Promise<string | FormData>;

export type CookieJar = Map<string, string>;

function absorb(jar: CookieJar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    const name = pair!.slice(0, i);
    const value = pair!.slice(i + 1);
    if (value === "" || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}

export const cookieHeader = (jar: CookieJar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export async function signInOverHttp(baseURL: string, email: string, password: string): Promise<CookieJar> {
  const jar: CookieJar = new Map();
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  absorb(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), Origin: baseURL },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: baseURL }),
  });
  absorb(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return jar;
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/** Every server action the build contains: "file#export" → its id and a page that carries it. */
export function actionsFromBuild(root = process.cwd(), distDir = ".next"): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync(path.join(root, distDir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // Post to a page whose bundle holds the action (else Next forwards it between workers).
    const pages = Object.keys(entry.workers)
      .filter((w) => w.endsWith("/page"))
      .map((w) =>
        w
          // The [locale] segment is proxy.ts's rewrite of every URL, not part of one.
          .replace(/^app\/\[locale\]/, "")
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\/\([^)]+\)/g, "")
          .replace(/\[\.\.\.[^\]]+\]/g, "x")
          .replace(/\[[^\]]+\]/g, "x"),
      )
      .map((p) => p || "/")
      .sort((a, b) => a.length - b.length);
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: pages[0] ?? "/" });
  }
  return out;
}

export interface ActionOutcome {
  /** The ActionState status the action returned, or "redirect", or the HTTP status when it never ran. */
  outcome: number | "redirect";
  body: string;
  /** Where a redirect goes. */
  location?: string;
}

export async function callAction(
  baseURL: string,
  action: { id: string; page: string },
  fields: Record<string, string | Blob>,
  cookie: string,
  formOnly = false,
): Promise<ActionOutcome> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const body = await encodeReply(formOnly ? [form] : [undefined, form]);
  const res = await fetch(`${baseURL}${action.page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": action.id, Accept: "text/x-component", Origin: baseURL, Cookie: cookie },
    body,
  });
  const text = await res.text();
  const actionRedirect = res.headers.get("x-action-redirect");
  if (actionRedirect) return { outcome: "redirect", body: text, location: actionRedirect.split(";")[0] };
  if (res.status >= 300 && res.status < 400) return { outcome: "redirect", body: text, location: res.headers.get("location") ?? undefined };
  // The Flight payload's line 1 is the action's return value. (The page re-rendered after the action may
  // itself answer 404, e.g. a dynamic page posted to with a placeholder segment: the action's answer counts.)
  const line = res.headers.get("content-type")?.includes("text/x-component") ? text.split("\n").find((l) => l.startsWith("1:")) : undefined;
  if (!line) return { outcome: res.status, body: text };
  const value = JSON.parse(line.slice(2)) as { status?: number } | null;
  return { outcome: value?.status ?? 200, body: text };
}
