import { describe, expect, test } from "vitest";
import { consoleNavItems, currentItem, isCurrentItem, type ConsoleArea } from "@/components/console/nav-items";

// The console's links must land on a page: these are the area routes that exist or that issue 13 is adding
// (a fixed list, so a typo in a link fails here rather than as a 404 in front of a manager).
const ROUTES: Record<ConsoleArea, string[]> = {
  admin: [
    "/admin",
    "/admin/certifications",
    "/admin/transfers",
    "/admin/refunds",
    "/admin/reports",
    "/admin/shipments",
    "/admin/cooperatives",
    "/admin/organizations",
    "/admin/invoices",
    "/admin/monitoring",
    "/admin/settlements",
    "/admin/users",
    "/admin/audit",
  ],
  coop: ["/coop", "/coop/orders", "/coop/products", "/coop/stock", "/coop/households", "/coop/monitoring", "/coop/income", "/coop/statements/[month]"],
};

const MONTH = "2026-12";
const route = (href: string) => href.replace(/^\/coop\/statements\/\d{4}-\d{2}$/, "/coop/statements/[month]");

describe("console navigation", () => {
  test.each(["admin", "coop"] as const)("every %s item links to a known route, once, under its own area", (area) => {
    const items = consoleNavItems(area, MONTH);
    expect(items.map((i) => route(i.href))).toEqual(ROUTES[area]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    for (const item of items) {
      expect(item.href.startsWith(`/${area}`)).toBe(true);
      // An item is current on the page it links to.
      expect(currentItem(items, item.href)).toBe(item);
    }
  });

  test("the statement link opens the month it is given", () => {
    expect(consoleNavItems("coop", MONTH).find((i) => i.key === "coop.statements")?.href).toBe("/coop/statements/2026-12");
  });

  test("links to pages that read personal data (audited) are marked so they are never prefetched", () => {
    const personal = consoleNavItems("coop", MONTH)
      .filter((i) => i.personal)
      .map((i) => i.match);
    expect(personal).toEqual(expect.arrayContaining(["/coop/orders", "/coop/households", "/coop/income", "/coop/statements"]));
    expect(consoleNavItems("coop", MONTH).find((i) => i.match === "/coop/products")?.personal).toBeFalsy();
  });

  test.each([
    ["admin", "/admin", "admin.dashboard"],
    ["admin", "/admin/", "admin.dashboard"],
    ["admin", "/admin/reports", "admin.reports"],
    ["admin", "/admin/reports/sales.csv", "admin.reports"],
    ["admin", "/admin/cooperatives/abc123", "admin.cooperatives"],
    ["admin", "/admin/nowhere", null],
    ["admin", "/administrator", null],
    ["admin", "/admin/reportsx", null],
    ["coop", "/coop", "coop.home"],
    ["coop", "/coop/products", "coop.products"],
    ["coop", "/coop/products/abc", "coop.products"],
    ["coop", "/coop/products/abc/batches/def/labels", "coop.products"],
    ["coop", "/coop/orders/c123/slip", "coop.orders"],
    ["coop", "/coop/households/import", "coop.households"],
    ["coop", "/coop/statements/2025-01", "coop.statements"],
    ["coop", "/coop/stockpile", null],
    ["coop", "/", null],
    ["coop", "/products", null],
  ] as const)("%s at %s: the current item is %s", (area, pathname, key) => {
    const items = consoleNavItems(area, MONTH);
    expect(currentItem(items, pathname)?.key ?? null).toBe(key);
    // No two items claim the same page (the home items are exact, so /coop/products is not also 首页).
    expect(items.filter((i) => isCurrentItem(i, pathname)).length).toBe(key ? 1 : 0);
  });

  test("the home item is current only on exactly the area's root", () => {
    const home = { match: "/admin", exact: true };
    expect(isCurrentItem(home, "/admin")).toBe(true);
    expect(isCurrentItem(home, "/admin/reports")).toBe(false);
    expect(isCurrentItem({ match: "/admin/reports" }, "/admin/reports/x")).toBe(true);
  });
});
