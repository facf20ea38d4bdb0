// The console lists' sort and page from the URL: an allow-list of columns, asc|desc, page ≥ 1, and anything odd
// falling back to the list's default (never an error, never a column name from the URL in ORDER BY).
import { describe, expect, test } from "vitest";
import { type ListSpec, listHref, MAX_LIST_PAGE, nextSort, nextSortParams, pageCount, pageWindow, parseListQuery, sortParams } from "@/lib/domain/list-query";
import { parseAuditQuery } from "@/lib/server/people/audit-log";
import { parseCooperativeListQuery } from "@/lib/server/people/queries";
import { parseUserListQuery } from "@/lib/server/people/users";
import { parseQueueQuery } from "@/lib/server/fulfilment/queue";
import { parseFlagListQuery } from "@/lib/server/monitoring/list";
import { parseCertifiedListQuery, parseReviewListQuery } from "@/lib/server/queries/certifications";
import { parseCoopProductQuery } from "@/lib/server/queries/coop-products";
import { parseSettlementListQuery } from "@/lib/server/settlements/queries";

const SPEC = { sorts: ["created", "name", "amount"], dirs: { name: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
const PREFIXED = { ...SPEC, prefix: "c" } as const;

describe("parseListQuery", () => {
  test.each([
    { params: {}, expected: { sort: "created", dir: "desc", page: 1 }, why: "defaults: the first column, its first direction" },
    { params: { sort: "name" }, expected: { sort: "name", dir: "asc", page: 1 }, why: "a column's own first direction" },
    { params: { sort: "name", dir: "desc" }, expected: { sort: "name", dir: "desc", page: 1 }, why: "direction given" },
    { params: { sort: "amount", dir: "asc", page: "3" }, expected: { sort: "amount", dir: "asc", page: 3 }, why: "all three" },
    { params: { sort: "passwordHash" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "not on the allow-list" },
    { params: { sort: '"nameZh"; DROP TABLE "User"' }, expected: { sort: "created", dir: "desc", page: 1 }, why: "SQL in the sort" },
    { params: { sort: "NAME" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "case matters" },
    { params: { dir: "sideways" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "unknown direction" },
    { params: { dir: "ASC" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "direction is lower case" },
    { params: { page: "0" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "page 0" },
    { params: { page: "-4" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "negative page" },
    { params: { page: "2.5" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "fractional page" },
    { params: { page: "1e9" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "exponent notation" },
    { params: { page: "abc" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "not a number" },
    { params: { page: "" }, expected: { sort: "created", dir: "desc", page: 1 }, why: "empty page" },
    { params: { page: "99999999" }, expected: { sort: "created", dir: "desc", page: MAX_LIST_PAGE }, why: "huge page clamped" },
    { params: { page: "9".repeat(40) }, expected: { sort: "created", dir: "desc", page: 1 }, why: "absurdly long page" },
    { params: { sort: ["name", "amount"], dir: ["desc", "asc"], page: ["4", "5"] }, expected: { sort: "name", dir: "desc", page: 4 }, why: "repeated: first wins" },
  ])("$why", ({ params, expected }) => expect(parseListQuery(params, SPEC)).toEqual(expected));

  test("a prefixed list reads its own parameters and ignores the other list's", () => {
    expect(parseListQuery({ sort: "name", page: "3", csort: "amount", cdir: "asc", cpage: "2" }, PREFIXED)).toEqual({ sort: "amount", dir: "asc", page: 2 });
    expect(parseListQuery({ sort: "name", page: "3" }, PREFIXED)).toEqual({ sort: "created", dir: "desc", page: 1 });
  });
});

describe("header links and paging", () => {
  test.each([
    { query: { sort: "created", dir: "desc", page: 3 }, column: "created", expected: { sort: "created", dir: "asc" }, why: "the sorted column flips" },
    { query: { sort: "created", dir: "asc", page: 1 }, column: "created", expected: { sort: "created", dir: "desc" }, why: "and flips back" },
    { query: { sort: "created", dir: "asc", page: 2 }, column: "name", expected: { sort: "name", dir: "asc" }, why: "another column starts in its own direction" },
    { query: { sort: "name", dir: "asc", page: 2 }, column: "amount", expected: { sort: "amount", dir: "desc" }, why: "desc when not named" },
  ] as const)("$why", ({ query, column, expected }) => expect(nextSort(SPEC, query, column)).toEqual(expected));

  test("prefixed links", () => {
    expect(nextSortParams(PREFIXED, { sort: "created", dir: "desc", page: 2 }, "name")).toEqual({ csort: "name", cdir: "asc" });
    expect(sortParams(PREFIXED, { sort: "amount", dir: "asc" })).toEqual({ csort: "amount", cdir: "asc" });
    expect(sortParams(SPEC, { sort: "amount", dir: "asc" })).toEqual({ sort: "amount", dir: "asc" });
  });

  test.each([
    [{}, "/admin/audit"],
    [{ who: "admin@demo", what: "", from: null, to: undefined, page: 2 }, "/admin/audit?who=admin%40demo&page=2"],
    [{ c: "coop 1", state: "toPack", sort: "paid", dir: "asc" }, "/admin/audit?c=coop+1&state=toPack&sort=paid&dir=asc"],
  ])("listHref %j", (params, href) => expect(listHref("/admin/audit", params)).toBe(href));

  test.each([
    [0, 20, 1],
    [1, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [400, 25, 16],
  ])("%d rows at %d a page fill %d pages", (total, size, pages) => expect(pageCount(total, size)).toBe(pages));

  test.each([
    [1, 20, { skip: 0, take: 20 }],
    [2, 20, { skip: 20, take: 20 }],
    [5, 25, { skip: 100, take: 25 }],
  ])("page %d at %d a page", (page, size, window) => expect(pageWindow(page, size)).toEqual(window));
});

describe("each console list's parser falls back on odd input", () => {
  const odd = { sort: "id; drop", dir: "up", page: "-1" };
  test.each([
    ["users", () => parseUserListQuery(odd), { sort: "created", dir: "desc", page: 1 }],
    ["audit", () => parseAuditQuery(odd), { sort: "created", dir: "desc", page: 1 }],
    ["cooperatives", () => parseCooperativeListQuery(odd), { sort: "created", dir: "desc", page: 1 }],
    ["coop products", () => parseCoopProductQuery({ ...odd, state: "SOLD" }), { sort: "name", dir: "asc", page: 1, state: null }],
    ["fulfilment queue", () => parseQueueQuery({ ...odd, state: "lost", from: "2026-13-45x", to: "yesterday" }), { sort: "paid", dir: "desc", page: 1, state: null, from: "", to: "" }],
    ["monitoring flags", () => parseFlagListQuery(odd), { sort: "status", dir: "asc", page: 1 }],
    ["settlements", () => parseSettlementListQuery(odd), { sort: "name", dir: "asc", page: 1 }],
    ["review queue", () => parseReviewListQuery(odd), { sort: "submitted", dir: "asc", page: 1 }],
    ["certified", () => parseCertifiedListQuery({ csort: "x", cdir: "y", cpage: "z" }), { sort: "expires", dir: "asc", page: 1 }],
  ])("%s", (_, parse, expected) => expect(parse()).toMatchObject(expected));

  test.each([
    ["users", () => parseUserListQuery({ sort: "email", page: "2" }), { sort: "email", dir: "asc", page: 2 }],
    ["audit keeps its filters", () => parseAuditQuery({ who: "Admin", what: "user.", sort: "action", dir: "desc", page: "2" }), { who: "admin", what: "user.", sort: "action", dir: "desc", page: 2 }],
    ["cooperatives", () => parseCooperativeListQuery({ sort: "name" }), { sort: "name", dir: "asc" }],
    ["coop products keep the state", () => parseCoopProductQuery({ state: "ON_SALE", sort: "stock" }), { state: "ON_SALE", sort: "stock", dir: "asc" }],
    ["queue keeps tab and days", () => parseQueueQuery({ state: "packed", from: "2026-11-01", to: "2026-11-30", sort: "number", page: "2" }), { state: "packed", from: "2026-11-01", to: "2026-11-30", sort: "number", dir: "asc", page: 2 }],
    ["flags", () => parseFlagListQuery({ sort: "household", dir: "desc" }), { sort: "household", dir: "desc" }],
    ["settlements", () => parseSettlementListQuery({ sort: "amount" }), { sort: "amount", dir: "desc" }],
  ])("%s", (_, parse, expected) => expect(parse()).toMatchObject(expected));
});
