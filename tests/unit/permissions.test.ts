import { describe, expect, test } from "vitest";
import { type Access, type Actor, type Decision, decide, decideOrganisationRead, decisionStatus, homeFor, type Role, safeNext } from "@/lib/domain/permissions";

const anonymous = null;
const buyer: Actor = { id: "u-buyer", role: "BUYER", cooperativeIds: [] };
const managerA: Actor = { id: "u-manager-a", role: "MANAGER", cooperativeIds: ["coop-a"] };
const managerB: Actor = { id: "u-manager-b", role: "MANAGER", cooperativeIds: ["coop-b"] };
const admin: Actor = { id: "u-admin", role: "ADMIN", cooperativeIds: [] };

const ACTORS = [
  ["anonymous", anonymous],
  ["buyer", buyer],
  ["manager of A", managerA],
  ["manager of B", managerB],
  ["admin", admin],
] as const;

// Every Access kind must appear below: adding a kind to the union without a row fails to compile.
const KINDS_COVERED: Record<Access["kind"], true> = { public: true, signedIn: true, role: true, cooperative: true, owner: true, organisation: true };

// One row per access, one expected decision per actor, in the order of ACTORS:
//                                                       anonymous          buyer        manager A    manager B    admin
const MATRIX: [string, Access, [Decision, Decision, Decision, Decision, Decision]][] = [
  ["public", { kind: "public" }, ["allow", "allow", "allow", "allow", "allow"]],
  ["signed in", { kind: "signedIn" }, ["unauthenticated", "allow", "allow", "allow", "allow"]],
  ["role BUYER", { kind: "role", roles: ["BUYER"] }, ["unauthenticated", "allow", "forbidden", "forbidden", "forbidden"]],
  ["role MANAGER", { kind: "role", roles: ["MANAGER"] }, ["unauthenticated", "forbidden", "allow", "allow", "forbidden"]],
  ["role ADMIN", { kind: "role", roles: ["ADMIN"] }, ["unauthenticated", "forbidden", "forbidden", "forbidden", "allow"]],
  ["role MANAGER or ADMIN", { kind: "role", roles: ["MANAGER", "ADMIN"] }, ["unauthenticated", "forbidden", "allow", "allow", "allow"]],
  ["role (none listed)", { kind: "role", roles: [] }, ["unauthenticated", "forbidden", "forbidden", "forbidden", "forbidden"]],
  // Someone else's cooperative is "not found"; non-managers (admins too) are "forbidden".
  ["cooperative A", { kind: "cooperative", cooperativeId: "coop-a" }, ["unauthenticated", "forbidden", "allow", "notFound", "forbidden"]],
  ["cooperative B", { kind: "cooperative", cooperativeId: "coop-b" }, ["unauthenticated", "forbidden", "notFound", "allow", "forbidden"]],
  ["cooperative C (nobody's)", { kind: "cooperative", cooperativeId: "coop-c" }, ["unauthenticated", "forbidden", "notFound", "notFound", "forbidden"]],
  // Records are private to their owner: anyone else (an admin too) gets "not found".
  ["owner: the buyer", { kind: "owner", ownerId: "u-buyer" }, ["unauthenticated", "allow", "notFound", "notFound", "notFound"]],
  ["owner: manager A", { kind: "owner", ownerId: "u-manager-a" }, ["unauthenticated", "notFound", "allow", "notFound", "notFound"]],
  ["owner: the admin", { kind: "owner", ownerId: "u-admin" }, ["unauthenticated", "notFound", "notFound", "notFound", "allow"]],
  // None of these five belongs to an organisation: its area is not theirs (admins read through decideOrganisationRead).
  ["organisation: own, any member", { kind: "organisation", roles: [] }, ["unauthenticated", "forbidden", "forbidden", "forbidden", "forbidden"]],
  ["organisation X, finance", { kind: "organisation", organisationId: "org-x", roles: ["FINANCE"] }, ["unauthenticated", "forbidden", "forbidden", "forbidden", "forbidden"]],
];

// Members of organisation X with different roles, against the organisation kind and the admins' read.
const purchaserX: Actor = { id: "u-p", role: "BUYER", cooperativeIds: [], organisation: { id: "org-x", roles: ["PURCHASER"] } };
const financeX: Actor = { id: "u-f", role: "BUYER", cooperativeIds: [], organisation: { id: "org-x", roles: ["FINANCE", "APPROVER"] } };
const adminOfY: Actor = { id: "u-y", role: "BUYER", cooperativeIds: [], organisation: { id: "org-y", roles: ["ORG_ADMIN", "PURCHASER", "APPROVER", "FINANCE"] } };
const ORG_TABLE: [string, Actor | null, Access, Decision][] = [
  ["purchaser of X, own organisation, any member", purchaserX, { kind: "organisation", roles: [] }, "allow"],
  ["purchaser of X, own organisation, purchasers", purchaserX, { kind: "organisation", roles: ["PURCHASER"] }, "allow"],
  ["purchaser of X, own organisation, finance only", purchaserX, { kind: "organisation", roles: ["FINANCE"] }, "forbidden"],
  ["purchaser of X, X named, purchasers", purchaserX, { kind: "organisation", organisationId: "org-x", roles: ["PURCHASER"] }, "allow"],
  ["purchaser of X, Y named", purchaserX, { kind: "organisation", organisationId: "org-y", roles: [] }, "notFound"],
  ["finance and approver of X, approvers or admins", financeX, { kind: "organisation", roles: ["APPROVER", "ORG_ADMIN"] }, "allow"],
  ["finance of X, organisation admins only", financeX, { kind: "organisation", organisationId: "org-x", roles: ["ORG_ADMIN"] }, "forbidden"],
  ["every role in Y, X named", adminOfY, { kind: "organisation", organisationId: "org-x", roles: ["ORG_ADMIN"] }, "notFound"],
  ["ids match exactly", { ...purchaserX, organisation: { id: "ORG-X", roles: ["PURCHASER"] } }, { kind: "organisation", organisationId: "org-x", roles: [] }, "notFound"],
  ["signed out", null, { kind: "organisation", roles: [] }, "unauthenticated"],
];

describe("organisations", () => {
  test.each(ORG_TABLE)("%s", (_why, actor, access, expected) => {
    expect(decide(actor, access)).toBe(expected);
  });

  test.each([
    ["an admin reads any organisation", admin, "org-x", ["FINANCE"], "allow"],
    ["finance of X reads X", financeX, "org-x", ["FINANCE"], "allow"],
    ["a purchaser of X is not finance", purchaserX, "org-x", ["FINANCE"], "forbidden"],
    ["a member of Y reads nothing of X", adminOfY, "org-x", ["FINANCE", "ORG_ADMIN"], "notFound"],
    ["a buyer of no organisation", buyer, "org-x", ["FINANCE"], "forbidden"],
    ["signed out", null, "org-x", [], "unauthenticated"],
  ] as const)("read: %s → %s", (_why, actor, organisationId, roles, expected) => {
    expect(decideOrganisationRead(actor, organisationId, roles)).toBe(expected);
  });
});

const TABLE = MATRIX.flatMap(([accessName, access, expected]) =>
  ACTORS.map(([actorName, actor], i) => [actorName, actor, accessName, access, expected[i]!] as const),
);

describe("decide", () => {
  test("the table covers every actor × access pair and every access kind", () => {
    expect(TABLE).toHaveLength(ACTORS.length * MATRIX.length);
    expect(new Set(MATRIX.map(([, a]) => a.kind))).toEqual(new Set(Object.keys(KINDS_COVERED)));
  });

  test.each(TABLE)("%s × %s → %s", (_actorName, actor, _accessName, access, expected) => {
    expect(decide(actor, access)).toBe(expected);
  });

  test.each([
    ["a buyer listed on a cooperative is still not its manager", { id: "u-odd", role: "BUYER", cooperativeIds: ["coop-a"] }, "forbidden"],
    ["an admin listed on a cooperative is still not its manager", { id: "u-odd", role: "ADMIN", cooperativeIds: ["coop-a"] }, "forbidden"],
    ["a manager of several cooperatives manages each of them", { id: "u-both", role: "MANAGER", cooperativeIds: ["coop-b", "coop-a"] }, "allow"],
    ["a manager of no cooperative", { id: "u-none", role: "MANAGER", cooperativeIds: [] }, "notFound"],
    ["cooperative ids match exactly, not by prefix", { id: "u-ab", role: "MANAGER", cooperativeIds: ["coop-a-2", "coop-"] }, "notFound"],
    ["cooperative ids are case-sensitive", { id: "u-A", role: "MANAGER", cooperativeIds: ["COOP-A"] }, "notFound"],
  ] satisfies [string, Actor, Decision][])("cooperative A: %s → %s", (_why, actor, expected) => {
    expect(decide(actor, { kind: "cooperative", cooperativeId: "coop-a" })).toBe(expected);
  });

  test.each([
    ["an empty owner id", ""],
    ["an owner id differing in case", "U-BUYER"],
    ["an owner id with a trailing space", "u-buyer "],
  ])("owner: %s is someone else", (_why, ownerId) => {
    expect(decide(buyer, { kind: "owner", ownerId })).toBe("notFound");
  });
});

describe("decisionStatus", () => {
  test.each([
    ["allow", 200],
    ["unauthenticated", 401],
    ["forbidden", 403],
    ["notFound", 404],
  ] as const)("%s → %i", (decision, status) => {
    expect(decisionStatus[decision]).toBe(status);
  });

  test("has exactly the four decisions", () => {
    expect(Object.keys(decisionStatus).sort()).toEqual(["allow", "forbidden", "notFound", "unauthenticated"]);
  });
});

describe("homeFor", () => {
  test.each([
    ["BUYER", "/account"],
    ["MANAGER", "/coop"],
    ["ADMIN", "/admin"],
  ] as const)("%s → %s", (role, home) => {
    expect(homeFor(role)).toBe(home);
  });
});

const ROLES: readonly Role[] = ["BUYER", "MANAGER", "ADMIN"];
const SHOP = "https://shop.example";

describe("safeNext", () => {
  // Each attempt × each role: always back home.
  const refused = [
    "//evil.com",
    "//evil.com/account",
    "///evil.com",
    "https://evil.com",
    "http://evil.com/admin",
    "HTTPS://EVIL.COM",
    "/\\evil.com",
    "/\\/evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "\t//evil.com",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.com",
    "%2f%2fevil.com",
    "%2F%5Cevil.com",
    "%252F%252Fevil.com",
    "evil.com",
    "account",
    " /account",
    "",
    "/api/auth/signout",
    "/api/webhooks/stripe",
  ];
  test.each(refused.flatMap((next) => ROLES.map((role) => [next, role] as const)))("refuses %j for %s → home", (next, role) => {
    expect(safeNext(next, role)).toBe(homeFor(role));
  });

  test.each(ROLES.flatMap((role) => [[null, role] as const, [undefined, role] as const]))("%s for %s → home", (next, role) => {
    expect(safeNext(next, role)).toBe(homeFor(role));
  });

  // Local paths stay as given where the role may go; /admin is for admins, /coop for managers.
  test.each([
    ["/account/orders", "BUYER", "/account/orders"],
    ["/account/orders", "MANAGER", "/account/orders"],
    ["/account/orders", "ADMIN", "/account/orders"],
    ["/products/grape?variant=5kg#reviews", "BUYER", "/products/grape?variant=5kg#reviews"],
    ["/checkout", "BUYER", "/checkout"],
    ["/", "BUYER", "/"],
    ["/", "ADMIN", "/"],
    ["/villages/xiahe", "MANAGER", "/villages/xiahe"],
    ["/admin", "ADMIN", "/admin"],
    ["/admin/reports?month=2025-09", "ADMIN", "/admin/reports?month=2025-09"],
    ["/admin/reports", "BUYER", "/account"],
    ["/admin/reports", "MANAGER", "/coop"],
    ["/admin", "BUYER", "/account"],
    ["/coop", "MANAGER", "/coop"],
    ["/coop/products/new", "MANAGER", "/coop/products/new"],
    ["/coop/products", "BUYER", "/account"],
    ["/coop/income", "ADMIN", "/admin"],
    ["/api", "BUYER", "/account"],
    ["/apiary", "BUYER", "/apiary"],
    // Encoded slashes in a local path stay in the path: the browser does not decode them into a host.
    ["/%2F%2Fevil.com", "BUYER", "/%2F%2Fevil.com"],
    ["/%5Cevil.com", "BUYER", "/%5Cevil.com"],
  ] as const)("%j for %s → %s", (next, role, expected) => {
    expect(safeNext(next, role)).toBe(expected);
  });

  test.each(ROLES)("the home of %s is a destination it may go to", (role) => {
    expect(safeNext(homeFor(role), role)).toBe(homeFor(role));
  });

  // Resolving each result as a browser would: it must stay on the shop.
  test.each([...refused, "/%2F%2Fevil.com", "/%5Cevil.com", "/account", "/ /evil.com"].flatMap((next) => ROLES.map((role) => [next, role] as const)))(
    "%j for %s resolves on the shop's own origin",
    (next, role) => {
      expect(new URL(safeNext(next, role), SHOP).origin).toBe(SHOP);
    },
  );

  // Found by these tests and fixed: browsers drop ASCII tab, LF and CR anywhere in a URL before parsing it
  // (WHATWG URL), so "/\t/evil.com" became "//evil.com" — another site (via ?next=/%09/evil.com).
  test.each(["/\t/evil.com", "/\n/evil.com", "/\r\n/evil.com", "/\t\\evil.com"].flatMap((next) => ROLES.map((role) => [next, role] as const)))(
    "%j for %s (control characters) resolves on the shop's own origin",
    (next, role) => {
      expect(new URL(safeNext(next, role), SHOP).origin).toBe(SHOP);
    },
  );

  // Found by these tests and fixed: the prefix test `startsWith("/coop")` also matched the public pages
  // /cooperatives and /cooperatives/[slug], so buyers signing in from a cooperative's page were sent home.
  test.each([
    ["/cooperatives", "BUYER"],
    ["/cooperatives/grape", "BUYER"],
    ["/cooperatives/grape", "ADMIN"],
  ] as const)("public page %j for %s is kept", (next, role) => {
    expect(safeNext(next, role)).toBe(next);
  });

  test("a manager may return to a cooperative's public page (the /coop prefix matches and is allowed)", () => {
    expect(safeNext("/cooperatives/grape", "MANAGER")).toBe("/cooperatives/grape");
  });
});
