import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error -- Next's own copy of path-to-regexp (v6, the one its router compiles matchers and rewrites with) ships no declarations.
import * as untypedPathToRegexp from "next/dist/compiled/path-to-regexp";
import { prepareDestination } from "next/dist/shared/lib/router/utils/prepare-destination";
import { describe, expect, test } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (checked with @ts-check) and ships no declarations.
import { I18N_ROUTING as untypedI18nRouting } from "../../next.config.js";
import { cachedPageRewrites, proxyMatcher } from "@/lib/http/cached-routes.mjs";
import { defaultLocale, LOCALE_COOKIE, locales } from "@/lib/i18n/config";
import { basePolicy, contentSecurityPolicy, frameworkScriptHashes, isFrameworkScript } from "@/lib/http/csp.mjs";
import { internalPath, isCachedPage, requestLocale, samePageAfterSwitch } from "@/lib/http/storefront-route";

const q = (s: string) => new URLSearchParams(s);

const { match, pathToRegexp } = untypedPathToRegexp as {
  pathToRegexp: (path: string) => RegExp;
  match: (path: string) => (pathname: string) => { params: Record<string, string> } | false;
};
const I18N_ROUTING = untypedI18nRouting as { locales: string[]; defaultLocale: string; cookie: string };

describe("the locale of a request is its cookie, else Simplified Chinese", () => {
  test.each([
    [undefined, "zh-CN"],
    ["en", "en"],
    ["zh-CN", "zh-CN"],
    ["EN", "zh-CN"],
    ["fr", "zh-CN"],
    ["", "zh-CN"],
  ])("%s → %s", (cookie, locale) => expect(requestLocale(cookie)).toBe(locale));
});

describe("each URL is rewritten to its path inside the app", () => {
  test.each([
    ["/", "", "zh-CN", "/zh-CN"],
    ["/", "", "en", "/en"],
    ["/products", "", "zh-CN", "/zh-CN/products"],
    // Next's own RSC cache buster is not a query of the page's.
    ["/products", "_rsc=abc12", "en", "/en/products"],
    ["/products", "q=葡萄", "zh-CN", "/zh-CN/catalog"],
    ["/products", "page=2", "en", "/en/catalog"],
    ["/products", "category=wine&_rsc=1", "zh-CN", "/zh-CN/catalog"],
    // Only the catalog's own parameters, with a value, make a query (as Next's has/missing see them).
    ["/products", "utm_source=wechat", "zh-CN", "/zh-CN/products"],
    ["/products", "q=", "en", "/en/products"],
    ["/products", "q=&q=", "en", "/en/catalog"],
    ["/products", "max=80", "en", "/en/catalog"],
    ["/products/tang-wine", "q=x", "zh-CN", "/zh-CN/products/tang-wine"],
    ["/account/orders/1", "", "en", "/en/account/orders/1"],
    ["/admin", "tab=x", "zh-CN", "/zh-CN/admin"],
    // An URL that already starts with a locale is an unknown page inside that locale.
    ["/en/products", "", "zh-CN", "/zh-CN/en/products"],
  ])("%s?%s (%s) → %s", (path, search, locale, internal) => {
    expect(internalPath(path, q(search), locale as "zh-CN" | "en")).toBe(internal);
  });
});

describe("which responses are cached pages", () => {
  test.each([
    ["GET", "/", "", true],
    ["HEAD", "/", "", true],
    ["GET", "/products", "", true],
    ["GET", "/products", "_rsc=1", true],
    ["GET", "/products", "q=葡萄", false],
    ["GET", "/products", "sort=newest", false],
    ["GET", "/products", "utm_source=x", true],
    ["GET", "/products/Not-A-Slug", "", true],
    ["GET", "/products/tang-wine", "", true],
    ["GET", "/products/tang-wine", "utm_source=x", true],
    ["GET", "/villages", "", true],
    ["GET", "/villages/x", "", true],
    ["GET", "/cooperatives", "", true],
    ["GET", "/cooperatives/x", "", true],
    ["POST", "/products/tang-wine", "", false],
    ["GET", "/products/a/b", "", false],
    ["GET", "/cart", "", false],
    ["GET", "/trace/ABC", "", false],
    ["GET", "/account", "", false],
    ["GET", "/catalog", "", false],
    ["GET", "/sign-in", "", false],
  ])("%s %s?%s → %s", (method, path, search, cached) => {
    expect(isCachedPage(method, path, q(search))).toBe(cached);
  });
});

describe("the language switch sends the reader back to the same page of this shop only", () => {
  test.each([
    ["http://shop.test/products?q=%E8%91%A1", "shop.test", "/products?q=%E8%91%A1"],
    ["https://shop.test/", "shop.test", "/"],
    ["https://evil.test/products", "shop.test", "/"],
    ["javascript:alert(1)", "shop.test", "/"],
    ["not a url", "shop.test", "/"],
    [null, "shop.test", "/"],
    ["http://shop.test/cart", null, "/"],
  ])("%s at %s → %s", (referer, host, path) => expect(samePageAfterSwitch(referer, host)).toBe(path));
});

const sha = (s: string) => createHash("sha256").update(s).digest("base64");

describe("the hashes of a cached page list Next's inline scripts and nothing else", () => {
  test.each([
    ["(self.__next_f=self.__next_f||[]).push([0])", true],
    ['self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[1234,[],\\"default\\"]\\n"])', true],
    ['self.__next_f.push([2,""])', true],
    // Anything more than one push of one JSON string is not Next's.
    ['self.__next_f.push([1,"x"]);alert(1)', false],
    ['self.__next_f.push([1,"x"])\nalert(1)', false],
    ['self.__next_f.push([1,"x","y"])', false],
    ['self.__next_f.push([1,"a"+alert(1)+"b"])', false],
    ['self.__next_f.push([1,"a\\"]);alert(1);(["])', true], // an escaped quote stays inside the string: data only
    ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/2_xf99yxhp4od.js"],"runtimeModuleIds":[94553]});', true],
    ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["https://evil.test/x.js"]});', false],
    ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});alert(1);', false],
    ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"onload":"alert(1)"});', false],
    ["alert(1)", false],
    ["", false],
  ])("%s → %s", (body, framework) => expect(isFrameworkScript(body)).toBe(framework));

  test("inline scripts of a page: framework ones hashed once each, external and injected ones not", () => {
    const a = "(self.__next_f=self.__next_f||[]).push([0])";
    const b = 'self.__next_f.push([1,"payload"])';
    const html = `<html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body>
      <p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script>alert("injected")</script>
      <script>${a}</script><script nonce="x">${b}</script><script>${b}</script></body></html>`;
    expect(frameworkScriptHashes(html).sort()).toEqual([sha(a), sha(b)].sort());
  });

  test("the policies", () => {
    expect(contentSecurityPolicy({ hashes: ["AAA=", "BBB="] }, false, true)).toContain("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(contentSecurityPolicy({ hashes: [] }, false, false)).not.toContain("unsafe-inline'; script");
    expect(contentSecurityPolicy({ nonce: "n0" }, false, false)).toContain("script-src 'self' 'nonce-n0' 'strict-dynamic'");
    expect(contentSecurityPolicy({ nonce: "n0" }, true, false)).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n0" }, false, true)).toContain("upgrade-insecure-requests");
    // The proxy's part of a cached page's policy says nothing about scripts, so the page's own decides.
    expect(basePolicy(false)).not.toMatch(/script-src|default-src/);
    expect(basePolicy(false)).toContain("frame-ancestors 'none'");
  });
});

describe("the cached pages bypass the proxy: next.config.js rewrites them by the cookie", () => {
  test("proxy.ts's matcher (literals Next reads at build time) is proxyMatcher()", async () => {
    // Read as text: importing proxy.ts would load the server's environment.
    const source = readFileSync(path.join(__dirname, "../../proxy.ts"), "utf8");
    const literal = source.slice(source.indexOf("export const config = ") + "export const config = ".length, source.lastIndexOf("};") + 1);
    // The object literal as JSON: its keys quoted, trailing commas dropped.
    const json = literal.replace(/([{,]\s*)([A-Za-z]+):/g, '$1"$2":').replace(/,(\s*[\]}])/g, "$1");
    const config = JSON.parse(json) as { matcher: unknown };
    expect(config.matcher).toEqual(proxyMatcher());
  });

  test("next.config.js routes with lib/i18n/config.ts's locales, default and cookie", () => {
    expect(I18N_ROUTING).toEqual({ locales: [...locales], defaultLocale, cookie: LOCALE_COOKIE });
  });

  // Each path as Next's router sees it: the proxy first (its matcher, compiled the way Next compiles it), then
  // the beforeFiles rewrites; what the proxy takes, it rewrites itself (internalPath).
  const rewrites = cachedPageRewrites(I18N_ROUTING);
  const matchers = proxyMatcher().map((m) => (typeof m === "string" ? { source: m, has: [] } : m));
  function route(url: string, opts: { locale?: string; action?: boolean } = {}): string {
    const u = new URL(url, "http://shop.test");
    const query = Object.fromEntries([...new Set(u.searchParams.keys())].map((k) => [k, u.searchParams.getAll(k).length > 1 ? u.searchParams.getAll(k) : u.searchParams.get(k)!]));
    const req = { headers: opts.action ? { "next-action": "abc" } : {}, cookies: opts.locale ? { locale: opts.locale } : {}, query };
    const hasOne = (h: { type: string; key: string; value?: string }) => {
      const v = h.type === "header" ? (req.headers as Record<string, string>)[h.key] : h.type === "cookie" ? (req.cookies as Record<string, string>)[h.key] : req.query[h.key];
      if (!v) return false;
      return h.value === undefined || new RegExp(`^${h.value}$`).test(String(v));
    };
    const proxied = matchers.some((m) => pathToRegexp(m.source).test(u.pathname) && m.has.every(hasOne));
    // The proxy passes the API through (it only checks the path); pages it rewrites to their locale.
    if (proxied) return `proxy → ${u.pathname.startsWith("/api/") ? u.pathname : internalPath(u.pathname, u.searchParams, requestLocale(opts.locale))}`;
    for (const r of rewrites) {
      const m = match(r.source)(u.pathname);
      if (!m || !(r.has ?? []).every(hasOne) || (r.missing ?? []).some(hasOne)) continue;
      // The destination as Next's router fills it (it refuses a parameter the source left out).
      return `config → ${prepareDestination({ appendParamsToQuery: false, destination: r.destination, params: m.params, query: {} }).parsedDestination.pathname}`;
    }
    return `as is → ${u.pathname}`;
  }

  test.each([
    ["/", {}, "config → /zh-CN"],
    ["/", { locale: "en" }, "config → /en"],
    ["/", { locale: "fr" }, "config → /zh-CN"],
    ["/products", { locale: "en" }, "config → /en/products"],
    ["/products?_rsc=1x", {}, "config → /zh-CN/products"],
    ["/products?utm_source=wechat", {}, "config → /zh-CN/products"],
    ["/products?q=", {}, "config → /zh-CN/products"],
    ["/products?q=%E8%91%A1", { locale: "en" }, "proxy → /en/catalog"],
    ["/products?page=2", {}, "proxy → /zh-CN/catalog"],
    ["/products/tang-wine", {}, "config → /zh-CN/products/tang-wine"],
    ["/products/tang-wine", { locale: "en" }, "config → /en/products/tang-wine"],
    ["/villages/xiyu", {}, "config → /zh-CN/villages/xiyu"],
    ["/villages", {}, "config → /zh-CN/villages"],
    ["/villages?page=2", { locale: "en" }, "config → /en/villages"],
    ["/cooperatives", { locale: "en" }, "config → /en/cooperatives"],
    ["/cooperatives/taihang-fruit", { locale: "en" }, "config → /en/cooperatives/taihang-fruit"],
    ["/villagesx", {}, "proxy → /zh-CN/villagesx"],
    // A server action on a cached page still has its body checked by the proxy.
    ["/products/tang-wine", { action: true }, "proxy → /zh-CN/products/tang-wine"],
    ["/", { action: true, locale: "en" }, "proxy → /en"],
    // Not a well-formed slug: the proxy (percent-escapes checked), then the page's 404.
    ["/products/Tang%2Fwine", {}, "proxy → /zh-CN/products/Tang%2Fwine"],
    ["/products/a/b", {}, "proxy → /zh-CN/products/a/b"],
    ["/cart", {}, "proxy → /zh-CN/cart"],
    ["/account/orders", { locale: "en" }, "proxy → /en/account/orders"],
    ["/productsx", {}, "proxy → /zh-CN/productsx"],
    ["/api/me", {}, "as is → /api/me"],
    ["/api/auth/session", {}, "proxy → /api/auth/session"],
  ])("%s %o → %s", (url, opts, expected) => expect(route(url, opts)).toBe(expected));
});
