import { describe, expect, test } from "vitest";
import { catalogHref, MAX_PAGE, parseCatalogQuery } from "@/lib/validation/catalog";

const base = { q: null, category: null, village: null, cooperative: null, minFen: null, maxFen: null, sort: "featured", page: 1 };

describe("parseCatalogQuery", () => {
  test.each([
    { params: {}, expected: base, why: "no parameters" },
    { params: { q: "  葡萄酒  " }, expected: { ...base, q: "葡萄酒" }, why: "Chinese query trimmed" },
    { params: { q: "ＷＩＮＥ" }, expected: { ...base, q: "WINE" }, why: "full-width letters normalised" },
    { params: { q: "x".repeat(500) }, expected: { ...base, q: "x".repeat(60) }, why: "long query cut" },
    { params: { category: "wine" }, expected: { ...base, category: "wine" }, why: "a slug" },
    { params: { category: "WINE" }, expected: { ...base, category: "wine" }, why: "slug lower-cased" },
    { params: { category: "'; drop table" }, expected: base, why: "not a slug: ignored" },
    { params: { category: ["wine", "honey"] }, expected: { ...base, category: "wine" }, why: "repeated: first wins" },
    { params: { min: "10", max: "99.9" }, expected: { ...base, minFen: 1000, maxFen: 9990 }, why: "yuan to fen" },
    { params: { min: "100", max: "10" }, expected: { ...base, minFen: 1000, maxFen: 10000 }, why: "reversed range swapped" },
    { params: { min: "-5", max: "abc" }, expected: base, why: "nonsense prices ignored" },
    { params: { sort: "price-asc" }, expected: { ...base, sort: "price-asc" }, why: "known sort" },
    { params: { sort: "random" }, expected: base, why: "unknown sort → default" },
    { params: { page: "3" }, expected: { ...base, page: 3 }, why: "page" },
    { params: { page: "0" }, expected: base, why: "page below 1 clamped" },
    { params: { page: "-7" }, expected: base, why: "negative page clamped" },
    { params: { page: "1e9" }, expected: base, why: "1e9 parses as 1" },
    { params: { page: "99999999" }, expected: { ...base, page: MAX_PAGE }, why: "huge page clamped" },
    { params: { page: "abc" }, expected: base, why: "not a number" },
  ])("$why", ({ params, expected }) => {
    expect(parseCatalogQuery(params)).toEqual(expected);
  });
});

describe("catalogHref", () => {
  test.each([
    [{}, "/products"],
    [{ category: "wine" }, "/products?category=wine"],
    [{ q: "罐头", page: 2, sort: "price-desc" as const }, "/products?q=%E7%BD%90%E5%A4%B4&sort=price-desc&page=2"],
    [{ minFen: 1050, maxFen: 20000, sort: "featured" as const, page: 1 }, "/products?min=10.5&max=200"],
  ])("%j → %s", (query, href) => {
    expect(catalogHref(query)).toBe(href);
  });

  test("round-trips through the parser", () => {
    const q = parseCatalogQuery({ q: "蜂蜜", village: "nanhongcheng", min: "5", max: "50", sort: "newest", page: "2" });
    const href = catalogHref(q);
    const again = parseCatalogQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(again).toEqual(q);
  });
});
