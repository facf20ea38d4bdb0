import { describe, expect, test } from "vitest";
import { forwardedHost, forwardedProto } from "@/lib/http/forwarded";

describe("X-Forwarded-Proto: the first hop's value, or null", () => {
  test.each([
    ["https", "https"],
    ["https,http", "https"],
    [" HTTP , https", "http"],
    ["\\", null],
    ["", null],
    [null, null],
    ["ftp", null],
    ["https://x", null],
  ])("%j → %j", (value, expected) => {
    expect(forwardedProto(value)).toBe(expected);
  });
});

describe("X-Forwarded-Host: a bare host[:port] from the first hop, or null", () => {
  test.each([
    ["shop.example.cn", "shop.example.cn"],
    ["shop.example.cn:8443, proxy.internal", "shop.example.cn:8443"],
    ["127.0.0.1:3000", "127.0.0.1:3000"],
    ["[::1]:3000", "[::1]:3000"],
    ["\\", null],
    ["evil.example/path", null],
    ["user@evil.example", null],
    ["a b", null],
    ["", null],
    [undefined, null],
    ["shop.example.cn:99999", null],
  ])("%j → %j", (value, expected) => {
    expect(forwardedHost(value)).toBe(expected);
  });
});
