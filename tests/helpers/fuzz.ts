// Hostile HTTP requests for the fuzz suite (tests/e2e/fuzz.test.ts): a seeded fast-check generator of raw
// requests (paths, query strings, headers, form, action and webhook bodies) and a sender that fires them at a
// running server a few at a time. Requests go out through node:http, not fetch, so that paths are sent
// byte for byte (fetch would resolve "../" and re-encode) and Host can be set.
import { createHmac } from "node:crypto";
import http from "node:http";
import fc from "fast-check";

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzOutcome {
  request: FuzzRequest;
  /** The HTTP status, or "timeout", or the socket error's code (e.g. "ECONNRESET"). */
  status: number | string;
  /** A page that answered < 500 but whose body carries a server error's digest (it threw after streaming). */
  hiddenError?: string;
  ms: number;
}

// ---------- building blocks ----------

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Path segments and query values a hostile client sends (already in wire form: percent-escapes kept as is). */
const hostileRaw = fc.oneof(
  pick(
    "%FF",
    "%%%",
    "%",
    "%E4%B8",
    "%00",
    "a%00b",
    "%C0%AE%C0%AE",
    "..",
    "../..",
    "..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "\\",
    "..\\..\\windows",
    "%5C",
    "%0D%0ASet-Cookie:%20x=1",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "'%3B--",
    "$%7B7*7%7D",
    "%7B%7B7*7%7D%7D",
    "null",
    "undefined",
    "NaN",
    "-1",
    "1e309",
    "0x10",
    "9".repeat(40),
    "%EF%BF%BF",
    "%F0%9F%92%A9",
    "%ED%A0%80",
    "葡萄酒",
    "𝓤𝓷𝓲𝓬𝓸𝓭𝓮",
    "\u202e\u200b",
    "_next",
    "__proto__",
    "constructor",
    "[slug]",
    "(shop)",
    "page.tsx",
    "x.csv",
    "2024-13",
    "2024-02",
    "9999-99",
    "",
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.nat({ max: 6000 }).map((n) => "A".repeat(n)),
  fc.nat({ max: 300 }).map((n) => "%FF".repeat(n)),
);

/** Makes a string sendable as a request target: node:http refuses bytes outside 0x21–0xFF, so escape those. */
function wire(s: string): string {
  let out = "";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x21 && code <= 0x7e && ch !== "#") out += ch;
    else out += encodeURIComponent(ch).replace(/%(?![0-9A-F]{2})/g, "%25");
  }
  return out;
}

/** A header value node:http will send: the string's UTF-8 bytes as latin1, minus CR, LF, NUL and controls. */
function headerValue(s: string): string {
  return [...Buffer.from(s, "utf8").toString("latin1")].filter((c) => c === "\t" || (c >= " " && c !== "\x7f")).join("");
}

const SLUGS = ["nanhongcheng-cabernet-sauvignon", "zhongfa-winery", "hongcheng-foods", "tangxian", "gaochang", "wine", "honey"];

const segment = fc.oneof({ weight: 3, arbitrary: hostileRaw.map(wire) }, { weight: 1, arbitrary: pick(...SLUGS) });

const ROUTES: Array<(s: string) => string> = [
  () => "/",
  () => "/products",
  (s) => `/products/${s}`,
  () => "/cooperatives",
  (s) => `/cooperatives/${s}`,
  () => "/villages",
  (s) => `/villages/${s}`,
  () => "/cart",
  () => "/checkout",
  () => "/account",
  () => "/account/orders",
  (s) => `/account/orders/${s}`,
  () => "/account/addresses",
  () => "/account/impact",
  () => "/coop",
  () => "/coop/products",
  (s) => `/coop/products/${s}`,
  () => "/coop/income",
  (s) => `/coop/statements/${s}`,
  (s) => `/coop/statements/${s}/statement.csv`,
  () => "/admin",
  () => "/admin/refunds",
  () => "/admin/reports",
  () => "/admin/reports/sales.csv",
  () => "/admin/transfers",
  () => "/sign-in",
  () => "/sign-up",
  () => "/forgot-password",
  (s) => `/reset-password/${s}`,
  () => "/api/health",
  () => "/api/auth/session",
  () => "/api/auth/csrf",
  () => "/api/auth/providers",
  () => "/api/auth/signin",
  () => "/api/auth/signout",
  (s) => `/api/auth/callback/${s}`,
  () => "/api/auth/callback/credentials",
  (s) => `/api/auth/${s}`,
  () => "/api/webhooks/stripe",
  () => "/dev/outbox",
  () => "/sitemap.xml",
  () => "/robots.txt",
  (s) => `/${s}`,
  (s) => `/_next/${s}`,
  (s) => `/_next/image?url=${s}&w=64&q=75`,
  (s) => `/${s}/${s}`,
];

const route = fc.tuple(fc.nat({ max: ROUTES.length - 1 }), segment).map(([i, s]) => ROUTES[i]!(s));

const QUERY_KEYS = ["q", "category", "page", "sort", "min", "max", "price", "next", "callbackUrl", "cooperative", "village", "from", "to", "month", "error", "token", "_rsc", "__nextLocale"];

const queryValue = fc.oneof(
  hostileRaw.map(wire),
  pick("http://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "https:%2F%2Fevil.example", "%2F%2Fevil", "2024-01-01", "2024-99-99", "asc", "desc", "price_desc"),
);

const query = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: pick(...QUERY_KEYS) }, { weight: 1, arbitrary: hostileRaw.map(wire) }), queryValue), { maxLength: 5 })
  .map((pairs) => (pairs.length ? "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&") : ""));

const junkToken = fc.oneof(
  hostileRaw,
  fc.base64String({ maxLength: 400 }),
  pick("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z", "a.b.c.d.e", "....", "%FF%FE", "null"),
);

const COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token", "authjs.csrf-token", "authjs.callback-url", "cart", "__Host-authjs.csrf-token", "NEXT_LOCALE", "__prerender_bypass"];

const cookie = fc
  .array(fc.tuple(fc.oneof(pick(...COOKIE_NAMES), hostileRaw), junkToken), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("; "));

const ipish = fc.oneof(fc.ipV4(), fc.ipV6(), hostileRaw.map((s) => s.slice(0, 600)), pick("unknown", "1.1.1.1, 2.2.2.2, ::1", ",,,", "256.256.256.256", "[::1]:80", "::ffff:127.0.0.1"));

const CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=xyz",
  "application/json",
  "text/plain;charset=UTF-8",
  "text/x-component",
  "application/octet-stream",
  "application/x-www-form-urlencoded; charset=utf-16",
  "\u00ff/\u00ff",
  "",
];

/** Header-sized hostile values: long enough to hurt, short enough that Node does not answer 431 before Next sees them. */
const hostileHeader = hostileRaw.map((s) => s.slice(0, 600));

const headerRecord = fc.record(
  {
    "x-forwarded-for": ipish,
    "x-real-ip": ipish,
    "x-forwarded-proto": fc.oneof(pick("https,http", "\\", "gopher", "", "https", "http, https"), hostileHeader),
    "x-forwarded-host": fc.oneof(pick("evil.example", "\\", "a b/c", "127.0.0.1:0", "[::1", "localhost:99999"), hostileHeader),
    "x-forwarded-port": fc.oneof(pick("0", "-1", "65536", "abc"), hostileHeader),
    host: fc.oneof(pick("evil.example", "127.0.0.1:0", "[::1", "a b", "localhost:99999", "\\"), hostileHeader),
    cookie: cookie.map((c) => c.slice(0, 3000)),
    "accept-language": fc.oneof(pick("zh-CN,zh;q=0.9", "*", "q=;;;", "en-US;q=NaN", "xx-YYYY-zzzz;q=2"), hostileHeader),
    accept: pick("text/x-component", "text/html", "*/*", "application/json", "image/avif"),
    rsc: pick("1", "0", "x"),
    "next-router-state-tree": fc.oneof(pick("%5B%22%22%5D", "[", "null", "%FF"), hostileHeader),
    "next-router-prefetch": pick("1", "x"),
    "next-url": hostileHeader,
    "content-type": fc.oneof(pick(...CONTENT_TYPES), hostileHeader),
    origin: fc.oneof(pick("null", "http://evil.example", "file://", "http://127.0.0.1"), hostileHeader),
    referer: hostileHeader,
    "user-agent": hostileHeader,
    range: pick("bytes=0-", "bytes=-1", "bytes=a-b"),
    "if-none-match": hostileHeader,
    "if-modified-since": pick("yesterday", "Thu, 01 Jan 1970 00:00:00 GMT"),
    "x-middleware-subrequest": pick("middleware", "proxy:proxy:proxy:proxy:proxy", "src/middleware"),
    "x-nextjs-data": pick("1"),
    "x-invoke-path": hostileHeader,
  },
  { requiredKeys: [] },
);

/** Up to six of those headers per request. */
const headerPairs = fc
  .tuple(headerRecord, fc.nat({ max: 6 }))
  .map(([h, n]) => Object.fromEntries(Object.entries(h).slice(0, n)) as Record<string, string>);

const formBody = fc
  .array(
    fc.tuple(
      fc.oneof(pick("email", "password", "name", "quantity", "productId", "token", "csrfToken", "callbackUrl", "$ACTION_ID_x", "1_$ACTION_ID_x", "$ACTION_REF_1", "0"), hostileRaw),
      fc.oneof(hostileRaw, fc.nat({ max: 200_000 }).map((n) => "x".repeat(n)), pick("a\u0000b", "\u0000".repeat(50), "admin@example.com")),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

const rawBody = fc.oneof(
  formBody,
  fc.string({ unit: "binary", maxLength: 300 }),
  pick("[]", "[\"$undefined\"]", "[\"$K1\"]", "[\"$@1\"]", "[\"$Q1\",\"$W2\"]", "{", "null", "\"\"", "[1,2", "--xyz\r\nContent-Disposition: form-data; name=\"0\"\r\n\r\n[\"$K1\"]\r\n--xyz--", "--xyz"),
  fc.json({ maxDepth: 3 }),
);

/** JSON models of React's reply format: tags and references to parts that may be missing, late or wrong. */
const replyModel = fc
  .array(
    pick("$K1", "$undefined", "$T", "$1", "$2", "$0:0", "$1:a", "$Q1", "$W2", "$i1", "$@1", "$h1", "$B1", "$A1", "$R1", "$n1", "$nx", "$D2026", "$", "$Zz", "$1g", "$$"),
    { maxLength: 4 },
  )
  .map((items) => JSON.stringify(items));

/** Multipart bodies the way Next's client encodes an action call: "1_name" fields plus a "0" argument list. */
const multipartBody = fc
  .tuple(fc.array(fc.tuple(fc.oneof(pick("1_email", "1_password", "1_quantity", "1_productId", "1_token", "0", "1", "2", "_1_name", "1_$ACTION_ID_x"), hostileRaw), fc.oneof(hostileRaw, replyModel)), { maxLength: 5 }), fc.oneof(replyModel, pick("x", "")))
  .map(([fields, args]) => {
    const b = "----fuzz" + fields.length;
    const parts = [...fields, ["0", args] as [string, string]].map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, "")}"\r\n\r\n${v}\r\n`);
    return { body: parts.join("") + `--${b}--\r\n`, contentType: `multipart/form-data; boundary=${b}` };
  });

// ---------- requests ----------

type Kind = "get" | "post" | "action" | "webhook" | "other";

export function requestArbitrary(actions: Array<{ id: string; page: string }>): fc.Arbitrary<FuzzRequest> {
  const actionId = fc.oneof(
    ...(actions.length ? [{ weight: 3, arbitrary: fc.constantFrom(...actions) }] : []),
    { weight: 1, arbitrary: fc.record({ id: fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 40, maxLength: 42 }), hostileRaw.map(headerValue)), page: route }) },
  );

  const get = fc.record({ path: route, q: query, headers: headerPairs, method: pick("GET", "GET", "GET", "HEAD") }).map(
    ({ path, q, headers, method }): FuzzRequest => ({ method, path: path + q, headers }),
  );

  const post = fc.record({ path: route, q: query, headers: headerPairs, body: fc.oneof(rawBody, multipartBody.map((m) => m.body)) }).map(
    ({ path, q, headers, body }): FuzzRequest => ({ method: "POST", path: path + q, headers, body: Buffer.from(body) }),
  );

  const action = fc
    .record({
      a: actionId,
      pathFromAction: fc.boolean(),
      otherPath: route,
      q: query,
      headers: headerPairs,
      body: fc.oneof(multipartBody, rawBody.map((b) => ({ body: b, contentType: undefined as string | undefined }))),
      sameOrigin: fc.boolean(),
    })
    .map(({ a, pathFromAction, otherPath, q, headers, body, sameOrigin }): FuzzRequest => {
      const h: Record<string, string> = { ...headers, "next-action": a.id, accept: "text/x-component" };
      if (body.contentType && !("content-type" in headers)) h["content-type"] = body.contentType;
      if (sameOrigin) {
        delete h.host;
        delete h["x-forwarded-host"];
        h.origin = "SAME";
      }
      return { method: "POST", path: (pathFromAction ? a.page : otherPath) + q, headers: h, body: Buffer.from(body.body) };
    });

  const webhook = fc
    .record({
      payload: fc.oneof(
        fc.json({ maxDepth: 4 }),
        rawBody,
        fc.record({ id: fc.string(), type: pick("checkout.session.completed", "checkout.session.expired", "charge.refunded", "x"), data: fc.record({ object: fc.record({ metadata: fc.option(fc.record({ orderId: hostileRaw })), client_reference_id: fc.option(hostileRaw) }) }) }).map((o) => JSON.stringify(o)),
      ),
      sig: fc.oneof(
        pick("", "t=", "v1=", "t=1,v1=", "t=abc,v1=zz", "t=99999999999999999999,v1=00", "t=1,v1=" + "0".repeat(64), ",,,", "t=1,t=2,v1=a,v1=b"),
        hostileRaw.map(headerValue),
        fc.constant("SIGN"),
      ),
      contentType: pick("application/json", "text/plain", "", "application/json; charset=utf-16"),
    })
    .map(({ payload, sig, contentType }): FuzzRequest => {
      const headers: Record<string, string> = {};
      if (contentType) headers["content-type"] = contentType;
      if (sig === "SIGN") {
        // Signed with a secret the server does not have.
        const t = Math.floor(Date.now() / 1000);
        headers["stripe-signature"] = `t=${t},v1=${createHmac("sha256", "whsec_wrong").update(`${t}.${payload}`).digest("hex")}`;
      } else if (sig) headers["stripe-signature"] = sig;
      return { method: "POST", path: "/api/webhooks/stripe", headers, body: Buffer.from(payload) };
    });

  const other = fc.record({ path: route, headers: headerPairs, method: pick("PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "FOO"), body: rawBody }).map(
    // Node's HTTP parser rejects a method it does not know and closes the connection before reading a body.
    ({ path, headers, method, body }): FuzzRequest => ({ method, path, headers, ...(method === "FOO" ? {} : { body: Buffer.from(body) }) }),
  );

  const weighted: Array<{ weight: number; arbitrary: fc.Arbitrary<FuzzRequest>; kind: Kind }> = [
    { weight: 10, arbitrary: get, kind: "get" },
    { weight: 3, arbitrary: post, kind: "post" },
    { weight: 5, arbitrary: action, kind: "action" },
    { weight: 2, arbitrary: webhook, kind: "webhook" },
    { weight: 1, arbitrary: other, kind: "other" },
  ];
  return fc.oneof(...weighted.map(({ weight, arbitrary }) => ({ weight, arbitrary })));
}

/** `count` requests, the same ones for the same seed. */
export function generateRequests(seed: number, count: number, actions: Array<{ id: string; page: string }>): FuzzRequest[] {
  return fc.sample(requestArbitrary(actions), { seed, numRuns: count });
}

// ---------- sending ----------

/**
 * A render error streamed into a page or RSC payload: `E{"digest":"3210779924"}`. notFound() and redirect()
 * also carry digests, but theirs start with NEXT_; a numeric one is a server exception.
 */
export const SERVER_ERROR_DIGEST = /digest\\?"\s*:\s*\\?"\d+/;

/** Sends one request as-is; "SAME" as an Origin becomes the server's own origin. */
export function send(baseURL: string, req: FuzzRequest, agent: http.Agent, timeoutMs: number): Promise<FuzzOutcome> {
  const base = new URL(baseURL);
  const started = Date.now();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = k === "origin" && v === "SAME" ? base.origin : headerValue(v);
  if (req.body) headers["content-length"] = String(req.body.length);
  return new Promise((resolve) => {
    let done = false;
    const finish = (status: FuzzOutcome["status"], hiddenError?: string) => {
      if (done) return;
      done = true;
      resolve({ request: req, status, ms: Date.now() - started, ...(hiddenError ? { hiddenError } : {}) });
    };
    let r: http.ClientRequest;
    try {
      r = http.request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent, setHost: !("host" in headers), maxHeaderSize: 1 << 20 });
    } catch (e) {
      // The client refused to send it (nothing reached the server): a generator bug, reported as such.
      finish(`client:${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return;
    }
    r.setTimeout(timeoutMs, () => {
      finish("timeout");
      r.destroy();
    });
    r.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        if (size < 4_000_000) chunks.push(c);
        size += c.length;
      });
      res.on("end", () => finish(res.statusCode ?? 0, SERVER_ERROR_DIGEST.exec(Buffer.concat(chunks).toString("utf8"))?.[0]));
      res.on("error", () => finish(res.statusCode ?? 0));
    });
    r.on("error", (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    r.end(req.body);
  });
}

/** Sends every request, `concurrency` at a time. */
export async function sendAll(baseURL: string, requests: FuzzRequest[], concurrency: number, timeoutMs: number): Promise<FuzzOutcome[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const out: FuzzOutcome[] = new Array(requests.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const i = next++;
        out[i] = await send(baseURL, requests[i]!, agent, timeoutMs);
      }
    }),
  );
  agent.destroy();
  return out;
}

/** One line per request, short enough to read in an assertion message and exact enough to replay. */
export function describeRequest(o: FuzzOutcome): string {
  const r = o.request;
  const body = r.body ? ` body(${r.body.length}B)=${JSON.stringify(r.body.subarray(0, 200).toString("latin1"))}` : "";
  const path = r.path.length > 300 ? `${r.path.slice(0, 300)}…(${r.path.length} chars)` : r.path;
  const headers = JSON.stringify(r.headers, (_k, v: unknown) => (typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v));
  return `${o.status}${o.hiddenError ? ` (body: ${o.hiddenError})` : ""} ${r.method} ${path} headers=${headers}${body} (${o.ms} ms)`;
}
