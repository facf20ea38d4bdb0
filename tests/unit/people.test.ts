// The pure parts of administering cooperatives and people: slugs, the yuan → fen shipping terms, the audit log's
// and users list's URL parsing, and the invite link's states.
import { describe, expect, test } from "vitest";
import { compactMetadata, parseAuditQuery } from "@/lib/server/people/audit-log";
import { slugBase } from "@/lib/server/people/cooperatives";
import { inviteState } from "@/lib/server/people/invites";
import { parseUserListQuery } from "@/lib/server/people/users";
import { cooperativeCreateSchema } from "@/lib/validation/people";

describe("slugBase", () => {
  test.each([
    ["Tang County Honey Cooperative", "tang-county-honey-cooperative"],
    ["  Xiwang  Sweet-Potato  Noodles! ", "xiwang-sweet-potato-noodles"],
    ["Café Ñandú", "cafe-nandu"],
    ["唐县合作社", "cooperative"],
    ["a".repeat(80), "a".repeat(50)],
  ])("%j → %j", (name, slug) => expect(slugBase(name)).toBe(slug));
});

describe("shipping terms typed in yuan", () => {
  const base = { villageId: "v1", nameZh: "社", nameEn: "Coop", freeShippingMin: "99" };
  test.each([
    ["10", 1000],
    ["12.5", 1250],
    ["０", 0],
    ["¥8.88", 888],
    ["1000", 100_000],
  ])("fee %j → %d fen", (fee, fen) => {
    const r = cooperativeCreateSchema.safeParse({ ...base, shippingFee: fee });
    expect(r.success && r.data.shippingFee).toBe(fen);
  });
  test.each(["", "-1", "1.234", "1000.01", "abc", "1e3"])("fee %j is refused", (fee) => {
    const r = cooperativeCreateSchema.safeParse({ ...base, shippingFee: fee });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("people.errors.shippingFeeInvalid");
  });
  test("optional fields: empty becomes null, the account number loses its spaces", () => {
    const r = cooperativeCreateSchema.parse({ ...base, shippingFee: "10", enterpriseId: "", contactPhone: "", bankAccountNumber: "6230 0000 1111" });
    expect(r).toMatchObject({ enterpriseId: null, contactPhone: null, bankName: null, bankAccountNumber: "623000001111" });
  });
  test("a NUL byte is refused, not sent to PostgreSQL", () => {
    expect(cooperativeCreateSchema.safeParse({ ...base, shippingFee: "10", nameZh: "社\u0000" }).success).toBe(false);
  });
});

describe("audit log filters from the URL", () => {
  test.each([
    [{ from: "2026-11-01", to: "2026-11-30" }, { from: "2026-11-01", to: "2026-11-30", badDates: false }],
    [{ from: "2026-11-30", to: "2026-11-01" }, { from: null, to: null, badDates: true }],
    [{ from: "2026-02-29" }, { from: null, badDates: true }],
    [{ from: "2024-02-29" }, { from: "2024-02-29", badDates: false }],
    [{ to: "yesterday" }, { to: null, badDates: true }],
    [{ page: "0" }, { page: 1 }],
    [{ page: ["3", "4"] }, { page: 3 }],
    [{ who: " Admin@Demo\u0000 " }, { who: "admin@demo" }],
  ])("%j", (params, expected) => expect(parseAuditQuery(params)).toMatchObject(expected));

  test("metadata in one short line", () => {
    expect(compactMetadata({ email: "a@b.cn", products: 3 })).toBe("email=a@b.cn · products=3");
    expect(compactMetadata(null)).toBe("");
    expect(compactMetadata({ long: "x".repeat(500) }).length).toBe(160);
  });
});

describe("users list from the URL", () => {
  test.each([
    [{}, { q: "", sort: "created", dir: "desc", page: 1 }],
    [{ sort: "lastSignIn", dir: "asc", page: "2" }, { sort: "lastSignIn", dir: "asc", page: 2 }],
    [{ sort: "passwordHash" }, { sort: "created" }],
  ])("%j", (params, expected) => expect(parseUserListQuery(params)).toMatchObject(expected));
});

describe("invite link states", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  test.each([
    [null, "invalid"],
    [{ expiresAt: new Date("2026-12-01T00:00:00Z"), usedAt: null }, "ok"],
    [{ expiresAt: now, usedAt: null }, "expired"],
    [{ expiresAt: new Date("2026-12-01T00:00:00Z"), usedAt: now }, "used"],
    [{ expiresAt: new Date("2026-11-01T00:00:00Z"), usedAt: now }, "used"],
  ] as const)("%j → %s", (row, state) => expect(inviteState(row, now)).toBe(state));
});
