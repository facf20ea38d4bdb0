// Plain HTTP checks against the running app: health, bad parameters, sitemap, robots.
import http from "node:http";
import { describe, expect, inject, test } from "vitest";
import { actionsFromBuild } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";

const baseURL = inject("baseURL");

describe.skipIf(!baseURL)("HTTP", () => {
  test("GET /api/health answers ok when the database answers", async () => {
    const res = await fetch(`${baseURL}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
  });

  test.each([
    "/products?page=-3",
    "/products?page=99999999",
    "/products?min=abc&max=-1",
    "/products?min=500&max=1",
    "/products?sort=%27%3Bdrop",
    "/products?category=%3Cscript%3E",
    "/products?village=nope&cooperative=",
    `/products?q=${"葡".repeat(400)}`,
    "/products?page=1.5&page=2",
  ])("nonsense parameters are ignored or clamped: %s", async (path) => {
    const res = await fetch(`${baseURL}${path}`);
    expect(res.status).toBe(200);
  });

  test.each([
    ["/", { "x-forwarded-proto": "https,http" }],
    ["/", { "x-forwarded-host": "\\" }],
    ["/products", { "x-forwarded-proto": "\\", "x-forwarded-host": "a b/c" }],
    ["/api/auth/session", { "x-forwarded-proto": "https,http", "x-forwarded-host": "\\" }],
  ])("odd X-Forwarded-* headers change nothing: %s %j", async (path, headers) => {
    const res = await fetch(`${baseURL}${path}`, { headers });
    expect(res.status).toBe(200);
    // A page's session read used to throw "Invalid URL" after the shell had streamed: status 200, but the RSC
    // payload carried the error's digest instead of the page.
    if (path !== "/api/auth/session") expect(await res.text()).not.toMatch(/digest\\?"\s*:\s*\\?"\d+/);
  });

  test("Auth.js redirects name SITE_URL, not the request's host", async () => {
    const res = await fetch(`${baseURL}/api/auth/signin`, { redirect: "manual", headers: { "x-forwarded-host": "evil.example" } });
    expect(res.headers.get("location") ?? "").not.toContain("evil.example");
  });

  test.each([
    "/api/auth/session?callbackUrl=x",
    "/api/auth/csrf?callbackUrl=x",
    "/api/auth/providers?callbackUrl=javascript:alert(1)",
    "/api/auth/callback/credentials?callbackUrl=/ok&callbackUrl=%F1%B8%82%8F",
  ])(
    "a bad callbackUrl is a 400, not a 500: %s",
    async (path) => {
      expect((await fetch(`${baseURL}${path}`)).status).toBe(400);
    },
  );

  test("a bad callback-url cookie is dropped, not a 500", async () => {
    const res = await fetch(`${baseURL}/api/auth/session`, { headers: { cookie: "authjs.callback-url=x" } });
    expect(res.status).toBe(200);
  });

  test.each(["/cooperatives/%FF", "/reset-password/%%%", "/products/%E4%B8"])("a bad percent-escape in the path is a 400: %s", async (path) => {
    expect((await fetch(`${baseURL}${path}`)).status).toBe(400);
  });

  test("a NUL byte in the search box is cleaned, not a 500", async () => {
    expect((await fetch(`${baseURL}/products?q=a%00b`)).status).toBe(200);
  });

  test.each(["application/json", "application/octet-stream", "text/plain", "multipart/form-data; boundary=x"])(
    "a server action with a malformed %s body is a 4xx, never a 500",
    async (contentType) => {
      // Next itself refuses these before any action runs (400 for a malformed id or body, 409 for an unknown id).
      for (const action of ["abc", "0".repeat(42)]) {
        const res = await fetch(`${baseURL}/sign-in`, { method: "POST", headers: { "next-action": action, "content-type": contentType }, body: "[1" });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    },
  );

  // A real action id, and arguments whose JSON parses but names parts the body does not hold (or holds after
  // the root): React's decoder throws on these inside Next ("Connection closed.", "Invalid forward reference."),
  // so the proxy refuses them first (lib/http/action-reply.ts). A prefetch header must not route around it.
  test.each([
    ["text/plain;charset=UTF-8", '["$1"]', {}],
    ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$Q1"]\r\n--b--\r\n', {}],
    ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$1:a"]\r\n--b\r\nContent-Disposition: form-data; name="1"\r\n\r\n{"a":1}\r\n--b--\r\n', {}],
    ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name=""\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[]\r\n--b--\r\n', {}],
    ["text/plain;charset=UTF-8", '["$1"]', { purpose: "prefetch" }],
    ["text/plain;charset=UTF-8", '["$1"]', { "next-router-prefetch": "1" }],
  ])("a real action with a %s reply React cannot decode is a 400 (%#)", async (contentType, body, extra) => {
    const action = actionsFromBuild().get("lib/server/actions/cart/add-to-cart.ts#addToCartAction")!;
    const res = await fetch(`${baseURL}${action.page}`, {
      method: "POST",
      headers: { "next-action": action.id, "content-type": contentType, accept: "text/x-component", ...extra },
      body,
    });
    expect(res.status).toBe(400);
  });

  test("a server action without a Host header is a 400 (Next needs it to hand the call to another worker)", async () => {
    const action = actionsFromBuild().get("lib/server/actions/auth/sign-up.ts#signUpAction")!;
    const { port } = new URL(baseURL);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port, method: "POST", path: "/villages", setHost: false, headers: { host: "", "next-action": action.id, "content-type": "text/plain;charset=UTF-8" } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on("error", reject);
      req.end("[]");
    });
    expect(status).toBe(400);
  });

  test("sitemap lists products, villages and cooperatives", async () => {
    const res = await fetch(`${baseURL}/sitemap.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toMatch(/\/products\/[a-z0-9-]+<\/loc>/);
    expect(xml).toContain("/villages/nanhongcheng</loc>");
    expect(xml).toMatch(/\/cooperatives\/[a-z0-9-]+<\/loc>/);
  });

  test("robots.txt points at the sitemap", async () => {
    const text = await (await fetch(`${baseURL}/robots.txt`)).text();
    expect(text).toContain("Sitemap:");
  });

  test("English via the locale cookie", async () => {
    const res = await fetch(`${baseURL}/products`, { headers: { cookie: "locale=en" } });
    const html = await res.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("All products");
  });
});

describe.skipIf(!baseURL || !inject("databaseUrl"))("as deployed (DEV_OUTBOX off)", () => {
  test("the developer outbox, which lists every reset and invitation link, is not served", async () => {
    const port = await freePort();
    const server = await startServer(port, { DATABASE_URL: inject("databaseUrl")!, DEV_OUTBOX: "0" });
    try {
      const outbox = await fetch(`http://127.0.0.1:${port}/dev/outbox`);
      const html = await outbox.text();
      expect(outbox.status).toBe(404);
      expect(html).not.toMatch(/\/reset-password\/|\/invite\//);
      // The same server as the suites', otherwise: the outbox is served there.
      expect((await fetch(`${baseURL}/dev/outbox`)).status).toBe(200);
    } finally {
      server.kill("SIGTERM");
    }
  });
});

describe.skipIf(!baseURL)("with the database down", () => {
  test("health says 503 db:error, and pages show a translated error", async () => {
    const port = await freePort();
    // Port 9 (discard) on loopback: nothing listens, so every connection is refused at once.
    const server = await startServer(port, { DATABASE_URL: "postgresql://shop@127.0.0.1:9/down", EMBEDDED_DB_DIR: "" });
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "degraded", db: "error" });
      // The layout has streamed by the time the page's read fails, so the status may already be 200;
      // what matters is that the reader gets the translated error, not a blank page or a stack trace.
      for (const [path, cookie, text] of [
        ["/products", "", "出了点问题"],
        ["/", "locale=en", "Something went wrong"],
      ] as const) {
        const page = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
        expect([200, 500]).toContain(page.status);
        const html = await page.text();
        expect(html).toContain(text);
        expect(html).not.toMatch(/ECONNREFUSED|at async|PrismaClient/);
      }
    } finally {
      server.kill("SIGTERM");
    }
  });
});

describe.skipIf(!baseURL)("compression", () => {
  /** The Content-Encoding of a file of the build (no database needed to serve it), asked for as a browser asks. */
  async function encodingOf(base: string, file: string) {
    return new Promise<string | undefined>((resolve, reject) => {
      http
        .get(`${base}${file}`, { headers: { "accept-encoding": "gzip, br" } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers["content-encoding"]));
        })
        .on("error", reject);
    });
  }

  test("a cached page has no ETag (Next would hash the page on every response); a public file still answers 304", async () => {
    await (await fetch(`${baseURL}/products`)).text();
    const page = await fetch(`${baseURL}/products`);
    await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get("x-nextjs-cache")).toMatch(/HIT|STALE/);
    expect(page.headers.get("etag")).toBeNull();
    const file = await fetch(`${baseURL}/images/products/tangxian-yellow-millet.svg`);
    await file.arrayBuffer();
    const lastModified = file.headers.get("last-modified");
    expect(lastModified).toBeTruthy();
    // Over node:http: fetch adds `Cache-Control: no-cache` to a request with a conditional header, which no server
    // answers with a 304.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(`${baseURL}/images/products/tangxian-yellow-millet.svg`, { headers: { "if-modified-since": lastModified! } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode));
        })
        .on("error", reject);
    });
    expect(status).toBe(304);
  });

  test("the app gzips by default; with COMPRESSION=proxy it leaves that to the proxy in front", async () => {
    // The stylesheet: above the 1 KB under which nothing is compressed (some scripts are smaller).
    const css = (await (await fetch(`${baseURL}/`)).text()).match(/\/_next\/static\/chunks\/[\w.-]+\.css/)?.[0];
    expect(css).toBeTruthy();
    expect(await encodingOf(baseURL, css!)).toBe("gzip");
    const port = await freePort();
    // The database is not needed for a file of the build; port 9 (discard) refuses at once.
    const server = await startServer(port, { COMPRESSION: "proxy", DATABASE_URL: "postgresql://shop@127.0.0.1:9/down", EMBEDDED_DB_DIR: "" });
    try {
      expect(await encodingOf(`http://127.0.0.1:${port}`, css!)).toBeUndefined();
    } finally {
      server.kill("SIGTERM");
    }
  });
});
