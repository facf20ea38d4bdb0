import { describe, expect, test } from "vitest";
// @ts-expect-error -- next.config.js is plain JavaScript (checked with @ts-check) and ships no declarations.
import { hstsHeaders as untypedHstsHeaders } from "../../next.config.js";

const hstsHeaders = untypedHstsHeaders as (siteUrl: string | undefined) => { key: string; value: string }[];

describe("Strict-Transport-Security only when SITE_URL is https", () => {
  test.each([
    ["https://shop.example.cn", true],
    ["https://shop.example.cn:8443/", true],
    ["http://localhost:3000", false],
    ["http://shop.example.cn", false],
    [undefined, false],
    ["not a url", false],
  ])("%s → HSTS %s", (siteUrl, expected) => {
    const headers = hstsHeaders(siteUrl);
    expect(headers.some((h) => h.key === "Strict-Transport-Security")).toBe(expected);
  });
});
