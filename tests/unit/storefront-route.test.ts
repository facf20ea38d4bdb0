import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { basePolicy, contentSecurityPolicy, frameworkScriptHashes, isFrameworkScript } from "@/lib/http/csp.mjs";
import { internalPath, isCachedPage, requestLocale, samePageAfterSwitch } from "@/lib/http/storefront-route";

const q = (s: string) => new URLSearchParams(s);

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
