// The console's navigation (admin and cooperative areas): which items, where they go, and which one is the
// current page. Pure: no React, no Next, so the rule is unit-tested (tests/unit/console.test.ts).

export type ConsoleArea = "admin" | "coop";

export interface ConsoleNavItem {
  /** Message key under `console.` (the label). */
  key: string;
  href: string;
  /** The path this item owns: it is current on this path and everything below it (`/coop/statements/…`). */
  match: string;
  /** Current only on exactly `match` (an area's home, which every other path is below). */
  exact?: boolean;
  /**
   * Pages that show personal data (buyers' addresses, household names) write an audit row on every read, so a
   * link to them must not be prefetched: only a person's click may cause the read.
   */
  personal?: boolean;
}

const ADMIN: readonly ConsoleNavItem[] = [
  { key: "admin.dashboard", href: "/admin", match: "/admin", exact: true },
  { key: "admin.certifications", href: "/admin/certifications", match: "/admin/certifications" },
  { key: "admin.transfers", href: "/admin/transfers", match: "/admin/transfers" },
  { key: "admin.refunds", href: "/admin/refunds", match: "/admin/refunds" },
  { key: "admin.reports", href: "/admin/reports", match: "/admin/reports" },
  { key: "admin.shipments", href: "/admin/shipments", match: "/admin/shipments" },
  { key: "admin.cooperatives", href: "/admin/cooperatives", match: "/admin/cooperatives" },
  { key: "admin.organizations", href: "/admin/organizations", match: "/admin/organizations" },
  { key: "admin.invoices", href: "/admin/invoices", match: "/admin/invoices" },
  { key: "admin.monitoring", href: "/admin/monitoring", match: "/admin/monitoring" },
  { key: "admin.settlements", href: "/admin/settlements", match: "/admin/settlements" },
  { key: "admin.users", href: "/admin/users", match: "/admin/users" },
  { key: "admin.audit", href: "/admin/audit", match: "/admin/audit" },
];

/** The cooperative area's items; the statement link opens `month` (YYYY-MM, this Beijing month). */
function coopItems(month: string): ConsoleNavItem[] {
  return [
    { key: "coop.home", href: "/coop", match: "/coop", exact: true },
    { key: "coop.orders", href: "/coop/orders", match: "/coop/orders", personal: true },
    { key: "coop.products", href: "/coop/products", match: "/coop/products" },
    { key: "coop.stock", href: "/coop/stock", match: "/coop/stock" },
    { key: "coop.households", href: "/coop/households", match: "/coop/households", personal: true },
    { key: "coop.monitoring", href: "/coop/monitoring", match: "/coop/monitoring", personal: true },
    { key: "coop.income", href: "/coop/income", match: "/coop/income", personal: true },
    { key: "coop.statements", href: `/coop/statements/${month}`, match: "/coop/statements", personal: true },
  ];
}

export function consoleNavItems(area: ConsoleArea, month: string): readonly ConsoleNavItem[] {
  return area === "admin" ? ADMIN : coopItems(month);
}

/** Whether `item` is the page at `pathname`: the same path, or (unless exact) a path below it, by segments. */
export function isCurrentItem(item: Pick<ConsoleNavItem, "match" | "exact">, pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (path === item.match) return true;
  return !item.exact && path.startsWith(`${item.match}/`);
}

/** The one current item (the longest match wins, should two ever overlap), or null. */
export function currentItem<T extends Pick<ConsoleNavItem, "match" | "exact">>(items: readonly T[], pathname: string): T | null {
  let best: T | null = null;
  for (const item of items) if (isCurrentItem(item, pathname) && (!best || item.match.length > best.match.length)) best = item;
  return best;
}
