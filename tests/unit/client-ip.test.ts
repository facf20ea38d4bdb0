import { describe, expect, test } from "vitest";
import { clientIpFrom, normalizeAddress } from "@/lib/domain/client-ip";

const h = (xff?: string, extra: Record<string, string> = {}) => new Headers({ ...(xff === undefined ? {} : { "x-forwarded-for": xff }), ...extra });

describe("clientIpFrom", () => {
  test.each([
    // No trusted proxy: nothing in the header is believed, whatever it holds.
    { why: "0 hops, no header", xff: undefined, hops: 0, ip: "unknown" },
    { why: "0 hops, one address (could be the client's own)", xff: "203.0.113.7", hops: 0, ip: "unknown" },
    { why: "0 hops, a chain", xff: "1.1.1.1, 203.0.113.7", hops: 0, ip: "unknown" },
    // One proxy (nginx appending $remote_addr): the right-most entry is the one it wrote.
    { why: "1 hop, the proxy's entry only", xff: "203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { why: "1 hop, spoofed left-most value ignored", xff: "1.2.3.4, 203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { why: "1 hop, several spoofed values ignored", xff: "10.0.0.1,8.8.8.8 , 1.2.3.4,203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { why: "1 hop, garbage spoofed value ignored", xff: "<script>, 203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { why: "1 hop, the proxy's entry is garbage", xff: "1.2.3.4, not-an-ip", hops: 1, ip: "unknown" },
    { why: "1 hop, empty header", xff: "", hops: 1, ip: "unknown" },
    { why: "1 hop, only commas", xff: ",,,", hops: 1, ip: "unknown" },
    { why: "1 hop, trailing comma (empty proxy entry)", xff: "203.0.113.7,", hops: 1, ip: "unknown" },
    // Two proxies (CDN, then nginx): the CDN's entry is second from the right.
    { why: "2 hops, client then CDN", xff: "203.0.113.7, 198.51.100.2", hops: 2, ip: "203.0.113.7" },
    { why: "2 hops, spoofed chain before the CDN's entry", xff: "6.6.6.6, 7.7.7.7, 203.0.113.7, 198.51.100.2", hops: 2, ip: "203.0.113.7" },
    { why: "2 hops but one entry: the request skipped a proxy", xff: "203.0.113.7", hops: 2, ip: "unknown" },
    { why: "5 hops", xff: "9.9.9.9, 203.0.113.7, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4", hops: 5, ip: "203.0.113.7" },
    // IPv6 and the forms proxies write it in.
    { why: "IPv6", xff: "2001:db8::1", hops: 1, ip: "2001:db8::1" },
    { why: "IPv6, upper case: one client, one key", xff: "2001:DB8::1", hops: 1, ip: "2001:db8::1" },
    { why: "IPv6 in brackets with a port", xff: "[2001:db8::1]:4711", hops: 1, ip: "2001:db8::1" },
    { why: "IPv6 with a zone index", xff: "fe80::1%eth0", hops: 1, ip: "fe80::1" },
    { why: "IPv4-mapped IPv6 is the IPv4 client", xff: "::ffff:203.0.113.7", hops: 1, ip: "203.0.113.7" },
    { why: "IPv4 with a port", xff: "203.0.113.7:51234", hops: 1, ip: "203.0.113.7" },
    { why: "IPv6 loopback", xff: "::1", hops: 1, ip: "::1" },
    // Garbage.
    { why: "an out-of-range IPv4", xff: "256.1.1.1", hops: 1, ip: "unknown" },
    { why: "a host name", xff: "evil.example", hops: 1, ip: "unknown" },
    { why: "\"unknown\" (what some proxies write)", xff: "unknown", hops: 1, ip: "unknown" },
    { why: "an IPv6 with a stray bracket", xff: "[2001:db8::1", hops: 1, ip: "unknown" },
    { why: "a SQL fragment", xff: "1.2.3.4' OR '1'='1", hops: 1, ip: "unknown" },
    { why: "a control character", xff: "1.2.3.4\u0007", hops: 1, ip: "unknown" },
    { why: "a very long chain: its right end still counts", xff: `${Array.from({ length: 5000 }, () => "1.1.1.1").join(",")},203.0.113.7`, hops: 1, ip: "203.0.113.7" },
    // Misconfigured hop counts are not believed.
    { why: "negative hops", xff: "203.0.113.7", hops: -1, ip: "unknown" },
    { why: "fractional hops", xff: "203.0.113.7", hops: 1.5, ip: "unknown" },
    { why: "more hops than allowed", xff: "1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5,6.6.6.6", hops: 6, ip: "unknown" },
  ])("$why → $ip", ({ xff, hops, ip }) => {
    expect(clientIpFrom(h(xff), hops)).toBe(ip);
  });

  test("X-Real-IP from the client is never believed", () => {
    expect(clientIpFrom(h(undefined, { "x-real-ip": "1.2.3.4" }), 0)).toBe("unknown");
    expect(clientIpFrom(h("203.0.113.7", { "x-real-ip": "1.2.3.4" }), 1)).toBe("203.0.113.7");
  });

  test("a new spoofed value on every request still gives one address (one throttle key)", () => {
    const seen = new Set(Array.from({ length: 25 }, (_, i) => clientIpFrom(h(`10.9.8.${i}, 203.0.113.7`), 1)));
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  test("two X-Forwarded-For headers are read as one chain (the Fetch API joins them with a comma)", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "1.2.3.4");
    headers.append("x-forwarded-for", "203.0.113.7");
    expect(clientIpFrom(headers, 1)).toBe("203.0.113.7");
  });
});

describe("normalizeAddress", () => {
  test.each([
    ["  203.0.113.7 ", "203.0.113.7"],
    ["0.0.0.0", "0.0.0.0"],
    ["::", "::"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["[::1]", "::1"],
    ["1.2.3", null],
    ["1.2.3.4.5", null],
    ["", null],
    ["[]", null],
    ["1.2.3.4:99999999", null],
    ["1.2.3.4\u0000", null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});
