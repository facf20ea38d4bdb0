// The organisation area's links and the roles that open each (the pages check the same roles themselves; a link
// nobody may follow is not shown). Pure, tested in tests/unit/org-nav.test.ts.
import type { OrgRole } from "./permissions";

export interface OrgNavItem {
  key: "home" | "orders" | "approvals" | "gifts" | "statements" | "invoices" | "members" | "settings";
  href: string;
  /** Any of these roles opens it; empty: every member. */
  roles: readonly OrgRole[];
}

export const ORG_NAV: readonly OrgNavItem[] = [
  { key: "home", href: "/org", roles: [] },
  { key: "orders", href: "/org/orders", roles: [] },
  { key: "approvals", href: "/org/approvals", roles: ["APPROVER"] },
  { key: "gifts", href: "/org/gifts", roles: ["PURCHASER"] },
  { key: "statements", href: "/org/statements", roles: ["FINANCE", "ORG_ADMIN"] },
  { key: "invoices", href: "/org/invoices", roles: ["PURCHASER", "FINANCE", "ORG_ADMIN"] },
  { key: "members", href: "/org/members", roles: [] },
  { key: "settings", href: "/org/settings", roles: ["ORG_ADMIN"] },
];

/** The links a member with these roles sees, in order. */
export function orgNavItems(roles: readonly OrgRole[]): OrgNavItem[] {
  return ORG_NAV.filter((i) => i.roles.length === 0 || i.roles.some((r) => roles.includes(r)));
}

/** The roles a page under /org asks for, by its link (the pages import these so the nav and the guard agree). */
export const orgPageRoles = (key: OrgNavItem["key"]): readonly OrgRole[] => ORG_NAV.find((i) => i.key === key)!.roles;
