import { describe, expect, test } from "vitest";
import { isValidCallbackUrl, withoutBadCallbackCookie } from "@/lib/http/auth-request";
import { isWellFormedActionBody } from "@/lib/http/server-action";
import { isDecodablePath } from "@/lib/http/path";

const ORIGIN = "https://shop.example.cn";

describe("paths with bad percent-escapes are refused by the proxy", () => {
  test.each([
    ["/cooperatives/%FF", false],
    ["/reset-password/%%%", false],
    ["/products/%E4%B8", false],
    ["/products/%E8%91%A1", true],
    ["/cooperatives/tangxian-coop", true],
    ["/a%20b", true],
    ["/products/%00", false],
    ["/cooperatives/a%0Ab", false],
    ["/villages/%7F", false],
  ])("%s → decodable %s", (path, ok) => {
    expect(isDecodablePath(path)).toBe(ok);
  });
});

describe("Auth.js callbackUrl: what it would refuse with a 500 is caught first", () => {
  test.each([
    ["x", false],
    ["javascript:alert(1)", false],
    ["", false],
    ["/account", true],
    ["https://shop.example.cn/account", true],
    ["http://elsewhere.example/", true],
  ])("%j → valid %s", (value, ok) => {
    expect(isValidCallbackUrl(value, ORIGIN)).toBe(ok);
  });

  test("a bad callback-url cookie is dropped, the others kept; a good one changes nothing", () => {
    expect(withoutBadCallbackCookie("a=1; authjs.callback-url=x; b=2", ORIGIN)).toBe("a=1; b=2");
    expect(withoutBadCallbackCookie("__Secure-authjs.callback-url=%E0%A4%A; a=1", ORIGIN)).toBe(" a=1");
    expect(withoutBadCallbackCookie("authjs.callback-url=%2Faccount; a=1", ORIGIN)).toBeNull();
    expect(withoutBadCallbackCookie(null, ORIGIN)).toBeNull();
  });
});

describe("server-action bodies: only what React's callServer sends gets past the proxy", () => {
  // What React's encodeReply sends for (prevState, formData): the form's fields under a prefix, the root in "0".
  const form = new FormData();
  form.set("1_email", "a@example.cn");
  form.set("0", '["$undefined","$K1"]');
  test.each([
    ["text/plain;charset=UTF-8", '["$K1"]', true],
    ["text/plain", "[1", false],
    ["application/json", "[]", false],
    ["application/octet-stream", "xx", false],
    ["multipart/form-data; boundary=x", "garbage", false],
  ])("%s %j → %s", async (contentType, body, ok) => {
    const request = new Request("http://localhost/sign-in", { method: "POST", body, headers: contentType ? { "content-type": contentType } : {} });
    expect(await isWellFormedActionBody(request)).toBe(ok);
  });

  test("a real FormData body is accepted, and the body can still be read afterwards", async () => {
    const request = new Request("http://localhost/sign-in", { method: "POST", body: form });
    expect(await isWellFormedActionBody(request)).toBe(true);
    expect((await request.formData()).get("1_email")).toBe("a@example.cn");
  });

  test.each([
    ["no root part", [["1_email", "a@example.cn"]]],
    ["a root that is not JSON", [["0", "x"]]],
  ])("a multipart body with %s is refused", async (_name, fields) => {
    const body = new FormData();
    for (const [k, v] of fields) body.set(k!, v!);
    expect(await isWellFormedActionBody(new Request("http://localhost/sign-in", { method: "POST", body }))).toBe(false);
  });
});
