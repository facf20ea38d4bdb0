import { describe, expect, test } from "vitest";
import { ORG_NAV, orgNavItems, orgPageRoles } from "@/lib/domain/org-nav";
import type { OrgRole } from "@/lib/domain/permissions";

describe("the organisation area's links by role", () => {
  test.each<[string, OrgRole[], string[]]>([
    ["a purchaser", ["PURCHASER"], ["home", "orders", "gifts", "invoices", "members"]],
    ["an approver", ["APPROVER"], ["home", "orders", "approvals", "members"]],
    ["finance", ["FINANCE"], ["home", "orders", "statements", "invoices", "members"]],
    ["an organisation admin", ["ORG_ADMIN"], ["home", "orders", "statements", "invoices", "members", "settings"]],
    ["every role", ["PURCHASER", "APPROVER", "FINANCE", "ORG_ADMIN"], ORG_NAV.map((i) => i.key)],
    ["no role (never stored, but shown the common pages)", [], ["home", "orders", "members"]],
  ])("%s", (_who, roles, keys) => {
    expect(orgNavItems(roles).map((i) => i.key)).toEqual(keys);
  });

  test("each page's roles are its link's", () => {
    for (const item of ORG_NAV) expect(orgPageRoles(item.key)).toBe(item.roles);
  });
});
