// The authorization matrix: every page, route handler and server action against every actor, over HTTP
// against the running app, with real sessions. It fails on any outcome other than the table's, and it fails
// when a page, route handler, route handler method or server action exists that the table does not list (the
// actions read from the source and from the build) — so every new route must be added here with its rule.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { DEMO_PASSWORD, SAMPLE_ORGANISATION } from "@/lib/seed";
import { actionsFromBuild, callAction, cookieHeader, signInOverHttp } from "../helpers/http-session";

const baseURL = inject("baseURL");

const ACTORS = ["anonymous", "forged", "otherBuyer", "managerA", "managerB", "admin", "buyer", "approver"] as const;
type Actor = (typeof ACTORS)[number];

const ACCOUNTS: Partial<Record<Actor, string>> = {
  buyer: "buyer@demo.tangxian.shop",
  otherBuyer: "union@demo.tangxian.shop",
  managerA: "manager@demo.tangxian.shop",
  managerB: "manager2@demo.tangxian.shop",
  admin: "admin@demo.tangxian.shop",
  // The sample union's APPROVER only (issue 15): a buyer who is a member without the purchaser's or finance's roles.
  approver: "approver@demo.tangxian.shop",
};

// ─────────────────────────── Pages and route handlers ───────────────────────────
// "signin": redirected to /sign-in; "away": a signed-in user is sent on from a sign-in page.
type PageOutcome = 200 | 400 | 401 | 403 | 404 | 405 | "signin" | "away";
type Row = Record<Actor, PageOutcome>;

const all = (o: PageOutcome): Row => Object.fromEntries(ACTORS.map((a) => [a, o])) as Row;
const signedIn = (o: PageOutcome, overrides: Partial<Row> = {}): Row => ({ ...all(o), anonymous: "signin", forged: "signin", ...overrides });
const guestOnly: Row = { ...all("away"), anonymous: 200, forged: 200 };

interface RouteCase {
  url: (ctx: Ctx) => string;
  expect: Row;
}

interface Ctx {
  productSlug: string;
  productId: string;
  buyerAddressId: string;
  /** The buyer's bank-transfer orders: one to cancel, one an admin confirms and the buyer then asks to refund. */
  orderToCancel: string;
  orderToPay: string;
  orderToPayAmount: string;
  refundId: string;
  /** Manager A's cooperative, and one of its products; manager B's cooperative. */
  coopA: string;
  coopAProduct: string;
  coopB: string;
  /** A shipment of cooperative A's, of an order the buyer placed and the admin confirmed paid. */
  coopAShipment: string;
  /** One of cooperative A's household participations (its roster row). */
  coopAParticipation: string;
  /** coopAProduct's first photo. */
  coopAImage: string;
  /** One of coopAProduct's batches, its public trace code and lot number. */
  coopABatch: string;
  traceCode: string;
  lotNumber: string;
  /** Issue 15: an invoice request of the union's (the seed's, REQUESTED: no PDF yet). */
  /** The sample union (otherBuyer's organisation), and one of its paid orders. */
  unionOrganisation: string;
  unionOrder: string;
  unionInvoiceRequest: string;
}

const ROUTES: Record<string, RouteCase> = {
  "/": { url: () => "/", expect: all(200) },
  "/products": { url: () => "/products", expect: all(200) },
  // /products with a query (proxy.ts sends it to this per-request route; /catalog itself is the same page).
  "/catalog": { url: () => "/products?category=wine", expect: all(200) },
  // Any other URL: the reader's language's not-found page.
  "/[...rest]": { url: () => "/no/such/page", expect: all(404) },
  // The storefront header's per-reader part: the caller's own role and cart count, or none.
  "/api/me": { url: () => "/api/me", expect: all(200) },
  // A product's units on sale now (its page asks): public, like the page.
  "/api/products/[id]/stock": { url: (c) => `/api/products/${c.productId}/stock`, expect: all(200) },
  "/products/[slug]": { url: (c) => `/products/${c.productSlug}`, expect: all(200) },
  "/villages": { url: () => "/villages", expect: all(200) },
  "/villages/[slug]": { url: () => "/villages/nanhongcheng", expect: all(200) },
  "/cooperatives": { url: () => "/cooperatives", expect: all(200) },
  "/cooperatives/[slug]": { url: () => "/cooperatives/nanhongcheng-grape", expect: all(200) },
  "/sitemap.xml": { url: () => "/sitemap.xml", expect: all(200) },
  "/robots.txt": { url: () => "/robots.txt", expect: all(200) },
  "/sign-in": { url: () => "/sign-in", expect: guestOnly },
  "/sign-up": { url: () => "/sign-up", expect: guestOnly },
  "/forgot-password": { url: () => "/forgot-password", expect: all(200) },
  "/reset-password/[token]": { url: () => "/reset-password/not-a-real-token", expect: all(200) },
  "/account": { url: () => "/account", expect: signedIn(200) },
  "/account/addresses": { url: () => "/account/addresses", expect: signedIn(200) },
  "/coop": { url: () => "/coop", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  "/admin": { url: () => "/admin", expect: signedIn(403, { admin: 200 }) },
  // Development outbox: served in tests (DEV_OUTBOX=1); 404 in production otherwise (tests/e2e/http.test.ts).
  "/cart": { url: () => "/cart", expect: all(200) },
  // Buyers only; a buyer with an empty cart is sent back to the cart.
  "/checkout": { url: () => "/checkout", expect: signedIn(403, { buyer: "away", otherBuyer: "away", approver: "away" }) },
  "/account/orders": { url: () => "/account/orders", expect: signedIn(200) },
  "/account/orders/[id]": { url: (c) => `/account/orders/${c.orderToCancel}`, expect: signedIn(404, { buyer: 200 }) },
  "/admin/transfers": { url: () => "/admin/transfers", expect: signedIn(403, { admin: 200 }) },
  "/admin/refunds": { url: () => "/admin/refunds", expect: signedIn(403, { admin: 200 }) },
  // POST only (Stripe's webhook); with no Stripe keys configured it answers 404 to POST too.
  "/api/webhooks/stripe": { url: () => "/api/webhooks/stripe", expect: all(405) },
  "/dev/outbox": { url: () => "/dev/outbox", expect: all(200) },
  "/api/health": { url: () => "/api/health", expect: all(200) },
  "/api/auth/[...nextauth]": { url: () => "/api/auth/session", expect: all(200) },
  "/account/impact": { url: () => "/account/impact", expect: signedIn(200) },
  // Reports: admins only. Route handlers answer 401 to a forged session (proxy.ts redirects the cookie-less).
  "/admin/reports": { url: () => "/admin/reports?by=village&from=2026-01-01&to=2026-12-31", expect: signedIn(403, { admin: 200 }) },
  "/admin/reports/sales.csv": { url: () => "/admin/reports/sales.csv?by=village&from=2026-01-01&to=2026-12-31", expect: { ...all(403), anonymous: "signin", forged: 401, admin: 200 } },
  // The cooperative area: manager B asking for cooperative A's data is told it does not exist. Admins are not
  // cooperative managers: decide() answers "forbidden" for { kind: "cooperative" }, so they get 403 here.
  "/coop/products": { url: () => "/coop/products", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  "/coop/products/[id]": { url: (c) => `/coop/products/${c.coopAProduct}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  // Admins open any cooperative's statements and household income too (issue 13: the platform pays them).
  "/coop/income": { url: (c) => `/coop/income?cooperative=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404, admin: 200 }) },
  "/coop/statements/[month]": { url: (c) => `/coop/statements/2026-11?cooperative=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404, admin: 200 }) },
  "/coop/statements/[month]/statement.csv": {
    url: (c) => `/coop/statements/2026-11/statement.csv?cooperative=${c.coopA}`,
    expect: { ...all(403), anonymous: "signin", forged: 401, managerA: 200, managerB: 404, admin: 200 },
  },
  // Issue 11: listing products. Each sub-page of A's product is A's only; the trace page is public.
  "/coop/products/new": { url: () => "/coop/products/new", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  "/coop/products/[id]/stock": { url: (c) => `/coop/products/${c.coopAProduct}/stock`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/products/[id]/batches": { url: (c) => `/coop/products/${c.coopAProduct}/batches`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/products/[id]/batches/[batchId]/labels": {
    url: (c) => `/coop/products/${c.coopAProduct}/batches/${c.coopABatch}/labels`,
    expect: signedIn(403, { managerA: 200, managerB: 404 }),
  },
  "/coop/stock": { url: (c) => `/coop/stock?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/trace/[code]": { url: (c) => `/trace/${c.traceCode}`, expect: all(200) },
  "/coop/products/[id]/photos": { url: (c) => `/coop/products/${c.coopAProduct}/photos`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  // Public: uploaded photos by their unguessable key. One that does not exist is 404 for everyone.
  "/media/[...key]": { url: () => "/media/products/x/0123456789abcdef01234567-320.webp", expect: all(404) },
  "/admin/certifications": { url: () => "/admin/certifications", expect: signedIn(403, { admin: 200 }) },
  // Issue 12: fulfilment. The queue and a shipment show buyers' addresses: the cooperative's managers only.
  "/coop/orders": { url: (c) => `/coop/orders?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/orders/[shipmentId]": { url: (c) => `/coop/orders/${c.coopAShipment}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/orders/[shipmentId]/slip": { url: (c) => `/coop/orders/${c.coopAShipment}/slip`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/orders/bulk": { url: (c) => `/coop/orders/bulk?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/admin/shipments": { url: () => "/admin/shipments", expect: signedIn(403, { admin: 200 }) },
  // The roster: household names are masked; a cooperative's roster is its managers' and the admins' (read-only).
  "/coop/households": { url: (c) => `/coop/households?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/coop/households/import": { url: (c) => `/coop/households/import?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/admin/cooperatives": { url: () => "/admin/cooperatives", expect: signedIn(403, { admin: 200 }) },
  "/admin/cooperatives/[id]": { url: (c) => `/admin/cooperatives/${c.coopA}`, expect: signedIn(403, { admin: 200 }) },
  // Issue 13: cooperatives and people, the audit log (admins); an invitation link is public (the form, or why not).
  "/admin/dashboard.csv": { url: () => "/admin/dashboard.csv?chart=village&from=2026-11-01&to=2026-11-30", expect: { ...all(403), anonymous: "signin", forged: 401, admin: 200 } },
  "/admin/monitoring": { url: () => "/admin/monitoring", expect: signedIn(403, { admin: 200 }) },
  "/admin/monitoring/flags.csv": { url: () => "/admin/monitoring/flags.csv", expect: { ...all(403), anonymous: "signin", forged: 401, admin: 200 } },
  "/coop/monitoring": { url: (c) => `/coop/monitoring?cooperative=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  "/admin/settlements": { url: () => "/admin/settlements?month=2026-11", expect: signedIn(403, { admin: 200 }) },
  "/admin/settlements/settlements.csv": { url: () => "/admin/settlements/settlements.csv?month=2026-11", expect: { ...all(403), anonymous: "signin", forged: 401, admin: 200 } },
  "/admin/cooperatives/new": { url: () => "/admin/cooperatives/new", expect: signedIn(403, { admin: 200 }) },
  "/admin/users": { url: () => "/admin/users", expect: signedIn(403, { admin: 200 }) },
  "/admin/audit": { url: () => "/admin/audit", expect: signedIn(403, { admin: 200 }) },
  "/invite/[token]": { url: () => `/invite/${"x".repeat(43)}`, expect: all(200) },
  // Issue 15: institutional buying. otherBuyer (union@) is ORG_ADMIN, PURCHASER and FINANCE of the sample union;
  // the buyer belongs to no organisation (403 on /org pages); admins read organisations under /admin.
  // ── issue 15: organisations ──
  // /org: members of the organisation (otherBuyer is ORG_ADMIN+PURCHASER+FINANCE, approver is APPROVER); anyone
  // else is no member (403), whatever their role. Each page asks its own roles (lib/domain/org-nav.ts).
  "/org": { url: () => "/org", expect: signedIn(403, { otherBuyer: 200, approver: 200 }) },
  "/org/orders": { url: () => "/org/orders", expect: signedIn(403, { otherBuyer: 200, approver: 200 }) },
  "/org/orders/[id]": { url: (c) => `/org/orders/${c.unionOrder}`, expect: signedIn(403, { otherBuyer: 200, approver: 200 }) },
  "/org/approvals": { url: () => "/org/approvals", expect: signedIn(403, { approver: 200 }) },
  "/org/members": { url: () => "/org/members", expect: signedIn(403, { otherBuyer: 200, approver: 200 }) },
  "/org/settings": { url: () => "/org/settings", expect: signedIn(403, { otherBuyer: 200 }) },
  // This year's statement: finance and organisation admins are sent on to it.
  "/org/statements": { url: () => "/org/statements", expect: signedIn(403, { otherBuyer: "away" }) },
  // Without ?organisation= a county admin names none: 403 (the case below names one).
  "/org/statements/[year]": { url: () => "/org/statements/2026", expect: signedIn(403, { otherBuyer: 200 }) },
  "/org/statements/[year]/statement.csv": { url: () => "/org/statements/2026/statement.csv", expect: { ...all(403), anonymous: "signin", forged: 401, otherBuyer: 200 } },
  // Any signed-in person may open an invitation link (a bogus one says why it does not work).
  "/org/invite/[token]": { url: () => `/org/invite/${"x".repeat(43)}`, expect: signedIn(200) },
  "/admin/organizations": { url: () => "/admin/organizations", expect: signedIn(403, { admin: 200 }) },
  "/admin/organizations/new": { url: () => "/admin/organizations/new", expect: signedIn(403, { admin: 200 }) },
  "/admin/organizations/[id]": { url: (c) => `/admin/organizations/${c.unionOrganisation}`, expect: signedIn(403, { admin: 200 }) },
  "/admin/organizations/progress.csv": { url: () => "/admin/organizations/progress.csv?year=2026&sort=reached", expect: { ...all(403), anonymous: "signin", forged: 401, admin: 200 } },
  // ── issue 15: price tiers ──
  // ── issue 15: invoices ──
  // Purchasers, finance members and organisation admins (otherBuyer); no one else is a member of an organisation.
  "/org/invoices": { url: () => "/org/invoices", expect: signedIn(403, { otherBuyer: 200 }) },
  // An invoice's PDF: the organisation's finance members and admins, and platform admins. The union's request is
  // not issued yet, so there is no PDF (404) for those who may read it; non-members 403. The issued case, a
  // purchaser-only member (403) and another organisation's member (404) are in tests/integration/invoices.test.ts.
  "/org/invoices/[id]/pdf": {
    url: (c) => `/org/invoices/${c.unionInvoiceRequest}/pdf`,
    expect: { ...all(403), anonymous: "signin", forged: 401, otherBuyer: 404, admin: 404 },
  },
  "/admin/invoices": { url: () => "/admin/invoices", expect: signedIn(403, { admin: 200 }) },
  // ── issue 15: gift orders ──
  // A union's gift lists: the organisation's purchasers (otherBuyer). A list id is refused for anyone else, and one
  // that is not the caller's organisation's is not found (tests/integration/gift-orders.test.ts: another
  // organisation's real list; the union's own preview is opened by the browser test that uploads one).
  "/org/gifts": { url: () => "/org/gifts", expect: signedIn(403, { otherBuyer: 200 }) },
  "/org/gifts/[id]": { url: () => "/org/gifts/no-such-list", expect: signedIn(403, { otherBuyer: 404 }) },
  // The template, a column per product on sale: a route handler, not behind proxy.ts (401 with no session).
  "/org/gifts/template.csv": { url: () => "/org/gifts/template.csv", expect: { ...all(403), anonymous: "signin", forged: 401, otherBuyer: 200 } },
};

// More cases for routes already in ROUTES: bad parameters, and each manager on their own cooperative.
const MORE_CASES: (RouteCase & { pattern: string; name: string })[] = [
  // Issue 15: an organisation's papers read by a county admin naming it; a member reads no other organisation's orders.
  { pattern: "/org/statements/[year]", name: "the union's, named (admins read any)", url: (c) => `/org/statements/2026?organisation=${c.unionOrganisation}`, expect: signedIn(403, { otherBuyer: 200, admin: 200 }) },
  { pattern: "/org/statements/[year]", name: "an organisation that does not exist", url: () => "/org/statements/2026?organisation=no-such-organisation", expect: signedIn(403, { otherBuyer: 404, approver: 404, admin: 404 }) },
  { pattern: "/org/statements/[year]", name: "a year that is not one", url: () => "/org/statements/20x6", expect: signedIn(403, { otherBuyer: 404 }) },
  {
    pattern: "/org/statements/[year]/statement.csv",
    name: "the union's, named, for an admin",
    url: (c) => `/org/statements/2026/statement.csv?organisation=${c.unionOrganisation}`,
    expect: { ...all(403), anonymous: "signin", forged: 401, otherBuyer: 200, admin: 200 },
  },
  { pattern: "/org/orders/[id]", name: "a private buyer's order is no organisation's", url: (c) => `/org/orders/${c.orderToCancel}`, expect: signedIn(403, { otherBuyer: 404, approver: 404 }) },
  { pattern: "/admin/organizations/[id]", name: "an organisation that does not exist", url: () => "/admin/organizations/no-such-organisation", expect: signedIn(403, { admin: 404 }) },
  // ── issue 15: invoices ──
  { pattern: "/org/invoices/[id]/pdf", name: "a request that does not exist", url: () => "/org/invoices/no-such-request/pdf", expect: { ...all(403), anonymous: "signin", forged: 401, otherBuyer: 404, admin: 404 } },
  { pattern: "/admin/invoices", name: "every status", url: () => "/admin/invoices?status=all&page=2", expect: signedIn(403, { admin: 200 }) },
  { pattern: "/admin/invoices", name: "an unknown status is the waiting list", url: () => "/admin/invoices?status=BOGUS", expect: signedIn(403, { admin: 200 }) },
  { pattern: "/api/products/[id]/stock", name: "a product that does not exist", url: () => "/api/products/nope/stock", expect: all(404) },
  { pattern: "/coop/products/new", name: "for cooperative A", url: (c) => `/coop/products/new?c=${c.coopA}`, expect: signedIn(403, { managerA: 200, managerB: 404 }) },
  { pattern: "/coop/products/new", name: "for cooperative B", url: (c) => `/coop/products/new?c=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200 }) },
  { pattern: "/coop/products/new", name: "for a cooperative that does not exist", url: () => "/coop/products/new?c=no-such-cooperative", expect: signedIn(403, { managerA: 404, managerB: 404 }) },
  { pattern: "/coop/products", name: "drafts only", url: () => "/coop/products?state=DRAFT", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  { pattern: "/coop/stock", name: "no cooperative named: each manager's own", url: () => "/coop/stock", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  { pattern: "/coop/stock", name: "cooperative B's", url: (c) => `/coop/stock?c=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200 }) },
  {
    pattern: "/coop/products/[id]/batches/[batchId]/labels",
    name: "a batch that is not the product's",
    url: (c) => `/coop/products/${c.coopAProduct}/batches/no-such-batch/labels`,
    expect: signedIn(403, { managerA: 404, managerB: 404 }),
  },
  { pattern: "/trace/[code]", name: "an unknown code", url: () => "/trace/zzzzzzzzzz", expect: all(404) },
  { pattern: "/coop", name: "cooperative B's dashboard", url: (c) => `/coop?c=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200 }) },
  { pattern: "/admin", name: "this year's dashboard", url: () => "/admin?period=thisYear", expect: signedIn(403, { admin: 200 }) },
  {
    pattern: "/admin/dashboard.csv",
    name: "a period that ends before it starts is 400, after the role check",
    url: () => "/admin/dashboard.csv?chart=village&from=2026-12-31&to=2026-01-01",
    expect: { ...all(403), anonymous: "signin", forged: 401, admin: 400 },
  },
  { pattern: "/coop/orders", name: "no cooperative named: each manager's own", url: () => "/coop/orders", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  { pattern: "/coop/orders", name: "cooperative B's", url: (c) => `/coop/orders?c=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200 }) },
  { pattern: "/coop/households", name: "no cooperative named: each manager's own", url: () => "/coop/households", expect: signedIn(403, { managerA: 200, managerB: 200 }) },
  { pattern: "/coop/households", name: "cooperative B's", url: (c) => `/coop/households?c=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200 }) },
  { pattern: "/coop/households/import", name: "an import that does not exist", url: (c) => `/coop/households/import?c=${c.coopA}&id=no-such-import`, expect: signedIn(403, { managerA: 404, managerB: 404 }) },
  { pattern: "/admin/cooperatives/[id]", name: "a cooperative that does not exist", url: () => "/admin/cooperatives/no-such-cooperative", expect: signedIn(403, { admin: 404 }) },
  { pattern: "/coop/orders/[shipmentId]", name: "a shipment that does not exist", url: () => "/coop/orders/no-such-shipment", expect: signedIn(403, { managerA: 404, managerB: 404 }) },
  { pattern: "/trace/[code]", name: "a code of the wrong shape", url: () => "/trace/..%2F..%2Fetc", expect: all(404) },
  {
    pattern: "/admin/reports/sales.csv",
    name: "a reversed range is 400 for the admin, after the role check",
    url: () => "/admin/reports/sales.csv?by=village&from=2026-12-31&to=2026-01-01",
    expect: { ...all(403), anonymous: "signin", forged: 401, admin: 400 },
  },
  {
    pattern: "/admin/reports/sales.csv",
    name: "a date that does not exist is 400",
    url: () => "/admin/reports/sales.csv?by=month&from=2026-02-30&to=2026-03-31",
    expect: { ...all(403), anonymous: "signin", forged: 401, admin: 400 },
  },
  {
    pattern: "/admin/reports/sales.csv",
    name: "an unknown dimension is 400",
    url: () => "/admin/reports/sales.csv?by=province",
    expect: { ...all(403), anonymous: "signin", forged: 401, admin: 400 },
  },
  // The page shows the error in the page itself.
  { pattern: "/admin/reports", name: "a reversed range is shown as an error", url: () => "/admin/reports?from=2026-12-31&to=2026-01-01", expect: signedIn(403, { admin: 200 }) },
  { pattern: "/coop/income", name: "no cooperative named: each manager's own", url: () => "/coop/income", expect: signedIn(403, { managerA: 200, managerB: 200, admin: 404 }) },
  { pattern: "/coop/income", name: "cooperative B's", url: (c) => `/coop/income?cooperative=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200, admin: 200 }) },
  { pattern: "/coop/income", name: "a cooperative that does not exist", url: () => "/coop/income?cooperative=no-such-cooperative", expect: signedIn(403, { managerA: 404, managerB: 404, admin: 404 }) },
  { pattern: "/coop/statements/[month]", name: "cooperative B's", url: (c) => `/coop/statements/2026-11?cooperative=${c.coopB}`, expect: signedIn(403, { managerA: 404, managerB: 200, admin: 200 }) },
  { pattern: "/coop/statements/[month]", name: "a month that is not one", url: (c) => `/coop/statements/2026-13?cooperative=${c.coopA}`, expect: signedIn(403, { managerA: 404, managerB: 404, admin: 404 }) },
  {
    pattern: "/coop/statements/[month]/statement.csv",
    name: "cooperative B's",
    url: (c) => `/coop/statements/2026-11/statement.csv?cooperative=${c.coopB}`,
    expect: { ...all(403), anonymous: "signin", forged: 401, managerA: 404, managerB: 200, admin: 200 },
  },
  {
    pattern: "/coop/statements/[month]/statement.csv",
    name: "a month that is not one is 400, after the cooperative check",
    url: (c) => `/coop/statements/2026-13/statement.csv?cooperative=${c.coopA}`,
    expect: { ...all(403), anonymous: "signin", forged: 401, managerA: 400, managerB: 404, admin: 400 },
  },
];

// ─────────────────────── Route handlers' other methods ───────────────────────
// Each asked as every actor; none may hand out a session. Their own rules are tested beside them: the Stripe
// webhook's signature in tests/integration/stripe-webhook.test.ts, Auth.js's sign-in in tests/e2e/accounts.test.ts.
interface WriteCase {
  url: string;
  method: "POST";
  contentType: string;
  body: string;
  expect: Row;
}

const WRITE_HANDLERS: Record<string, WriteCase> = {
  // The browser suites run without Stripe keys: 404 whoever asks (with keys, no Stripe-Signature header is a 400).
  "/api/webhooks/stripe POST": { url: "/api/webhooks/stripe", method: "POST", contentType: "application/json", body: '{"type":"checkout.session.completed"}', expect: all(404) },
  // Auth.js's own credentials callback without its CSRF token: no one is signed in (the app signs in through its
  // sign-in action, which checks the password throttle first).
  "/api/auth/[...nextauth] POST": {
    url: "/api/auth/callback/credentials",
    method: "POST",
    contentType: "application/x-www-form-urlencoded",
    body: new URLSearchParams({ email: "buyer@demo.tangxian.shop", password: DEMO_PASSWORD }).toString(),
    expect: all("away"),
  },
};

// ─────────────────────────────── Server actions ───────────────────────────────
type ActionOutcome = number | "redirect";
type ActionRow = Record<Actor, ActionOutcome>;
const allA = (o: ActionOutcome): ActionRow => Object.fromEntries(ACTORS.map((a) => [a, o])) as ActionRow;
// Signed-in actions live on private pages: with no session cookie at all, proxy.ts sends the request to sign in
// before it reaches the action; a forged cookie gets past the proxy and is refused by the action itself.
const userA = (o: ActionOutcome, overrides: Partial<ActionRow> = {}): ActionRow => ({ ...allA(o), anonymous: "redirect", forged: 401, ...overrides });

/** The seeded union's profile as its form sends it (lib/seed/organisation.ts): saving it changes nothing. */
const UNION_PROFILE = {
  kind: SAMPLE_ORGANISATION.kind,
  name: SAMPLE_ORGANISATION.name,
  creditCode: SAMPLE_ORGANISATION.creditCode,
  invoiceTitle: SAMPLE_ORGANISATION.invoiceTitle,
  taxId: "",
  address: SAMPLE_ORGANISATION.address,
  district: SAMPLE_ORGANISATION.district,
  approvalThreshold: (SAMPLE_ORGANISATION.approvalThresholdFen / 100).toFixed(2),
  approvalWindowHours: "48",
  beijingOnlyDelivery: "on",
};

const address = { recipient: "测试收货人", phone: "13800138000", district: "chaoyang", street: "朝阳门外大街 1 号" };

interface ActionCase {
  action: string;
  name: string;
  fields: (ctx: Ctx, actor: Actor) => Record<string, string | Blob>;
  expect: ActionRow;
  /** Plain `<form action>` actions take only the form data, not (previous state, form data). */
  formOnly?: boolean;
}

const ACTIONS: ActionCase[] = [
  // Sets the reader's cookie and sends them back to the page they were on, now in that language.
  { action: "lib/server/actions/locale/set-locale.ts#setLocale", name: "switch language", fields: () => ({ locale: "zh-CN" }), expect: allA("redirect"), formOnly: true },
  { action: "lib/server/actions/auth/sign-in.ts#signInAction", name: "wrong password", fields: (_c, actor) => ({ email: `nobody-${actor.toLowerCase()}@example.com`, password: "wrong-password-1" }), expect: allA(401) },
  // A taken email gets the answer a new one gets (issue 10, point 7): 200, its owner is mailed a notice.
  { action: "lib/server/actions/auth/sign-up.ts#signUpAction", name: "email taken", fields: () => ({ name: "x", email: "buyer@demo.tangxian.shop", password: "a-Valid-password-9" }), expect: allA(200) },
  { action: "lib/server/actions/auth/request-password-reset.ts#requestPasswordResetAction", name: "unknown email", fields: () => ({ email: "nobody@example.com" }), expect: allA(200) },
  { action: "lib/server/actions/auth/reset-password.ts#resetPasswordAction", name: "bogus token", fields: () => ({ token: "x".repeat(43), password: "a-Valid-password-9" }), expect: allA(410) },
  { action: "lib/server/actions/account/update-profile.ts#updateProfileAction", name: "own profile", fields: () => ({ name: "矩阵测试", phone: "" }), expect: userA(200) },
  { action: "lib/server/actions/account/save-address.ts#saveAddressAction", name: "add own address", fields: () => address, expect: userA(200) },
  { action: "lib/server/actions/account/save-address.ts#saveAddressAction", name: "edit the buyer's address", fields: (c) => ({ ...address, id: c.buyerAddressId }), expect: userA(404, { buyer: 200 }) },
  { action: "lib/server/actions/account/save-institution.ts#saveInstitutionAction", name: "institution details", fields: () => ({ unitName: "北京某工会", invoiceTitle: "北京某工会", taxId: "81110105MA01TX268P" }), expect: userA(403, { buyer: 200, otherBuyer: 200, approver: 200 }) },
  // Someone else's saved address is not found (looked up by the caller's user id); the buyer's own gets past it to
  // an empty cart (409). Before the delete case below, while the address exists.
  {
    action: "lib/server/actions/checkout/place-order.ts#placeOrderAction",
    name: "an order to the buyer's saved address",
    fields: (c) => ({ method: "BANK_TRANSFER", addressId: c.buyerAddressId, note: "", fingerprint: "" }),
    expect: { ...allA(403), anonymous: 401, forged: 401, buyer: 409, otherBuyer: 404, approver: 404 },
  },
  // The buyer goes last in ACTORS, so everyone else has tried (and failed) to delete the address first.
  { action: "lib/server/actions/account/delete-address.ts#deleteAddressAction", name: "delete the buyer's address", fields: (c) => ({ id: c.buyerAddressId }), expect: userA(404, { buyer: 200 }) },
  { action: "lib/server/actions/cart/add-to-cart.ts#addToCartAction", name: "add to own cart", fields: (c) => ({ productId: c.productId, quantity: "1" }), expect: allA(200) },
  // No session and no guest cookie: there is no cart to change.
  { action: "lib/server/actions/cart/set-cart-quantity.ts#setCartQuantityAction", name: "remove from own cart", fields: (c) => ({ productId: c.productId, quantity: "0" }), expect: { ...allA(200), anonymous: 404, forged: 404 } },
  // Buyers get past the role check and find their cart empty (409); nobody else may order.
  { action: "lib/server/actions/checkout/place-order.ts#placeOrderAction", name: "place an order", fields: () => ({ method: "BANK_TRANSFER", ...address, note: "", fingerprint: "" }), expect: { ...allA(403), anonymous: 401, forged: 401, buyer: 409, approver: 409, otherBuyer: 400 } },
  { action: "lib/server/actions/orders/cancel-order.ts#cancelOrderAction", name: "cancel the buyer's order", fields: (c) => ({ orderId: c.orderToCancel }), expect: userA(404, { buyer: 200 }) },
  { action: "lib/server/actions/admin/confirm-transfer.ts#confirmTransferAction", name: "confirm a transfer", fields: (c) => ({ orderId: c.orderToPay, amount: c.orderToPayAmount }), expect: userA(403, { admin: 200 }) },
  { action: "lib/server/actions/orders/request-refund.ts#requestRefundAction", name: "refund the buyer's paid order", fields: (c) => ({ orderId: c.orderToPay, reason: "矩阵测试退款" }), expect: userA(404, { buyer: 200 }) },
  { action: "lib/server/actions/admin/decide-refund.ts#decideRefundAction", name: "approve a refund", fields: (c) => ({ refundId: c.refundId, decision: "approve" }), expect: userA(403, { admin: 200 }) },
  // Past every check, manager A's rule is refused as invalid (400), so the matrix changes no product.
  {
    action: "lib/server/actions/coop/save-product-terms.ts#saveProductTermsAction",
    name: "cooperative A's benefit rule",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, ruleType: "PERCENT_OF_REVENUE", percent: "-5" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  // Manager A names B's cooperative; manager B names their own with A's product: both are told it does not exist.
  {
    action: "lib/server/actions/coop/save-product-terms.ts#saveProductTermsAction",
    name: "cooperative A's product under cooperative B",
    fields: (c) => ({ cooperativeId: c.coopB, productId: c.coopAProduct, ruleType: "PERCENT_OF_REVENUE", percent: "-5" }),
    expect: userA(403, { managerA: 404, managerB: 404 }),
  },
  // Issue 12, fulfilment: A packs its own parcel; B is told it does not exist; a bad tracking number is refused
  // after the cooperative check; a string where the pickup list goes is bad input for any manager.
  {
    action: "lib/server/actions/coop/pack-shipment.ts#packShipmentAction",
    name: "pack cooperative A's parcel",
    fields: (c) => ({ cooperativeId: c.coopA, shipmentId: c.coopAShipment }),
    expect: userA(403, { managerA: 200, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/ship-shipment.ts#shipShipmentAction",
    name: "ship cooperative A's parcel with a tracking number SF never issued",
    fields: (c) => ({ cooperativeId: c.coopA, shipmentId: c.coopAShipment, carrier: "SF", trackingNumber: "NOT-A-NUMBER" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/bulk-ship.ts#bulkShipAction",
    name: "a string instead of the pickup list",
    fields: (c) => ({ cooperativeId: c.coopA, file: "not a file" }),
    expect: userA(403, { managerA: 400, managerB: 400 }),
  },
  // A file gets past the input check, so the cooperative check decides: B is told A does not exist; A's "x" is no
  // pickup list (422).
  {
    action: "lib/server/actions/coop/bulk-ship.ts#bulkShipAction",
    name: "a pickup list for cooperative A",
    fields: (c) => ({ cooperativeId: c.coopA, file: new File(["x"], "pickup.csv", { type: "text/csv" }) }),
    expect: userA(403, { managerA: 422, managerB: 404 }),
  },
  // Issue 12, the roster: nothing is written (bad input, or ids that do not exist); reading a name is allowed to
  // A's managers and admins, audited.
  {
    action: "lib/server/actions/coop/household-add.ts#addHouseholdAction",
    name: "a household code of no village",
    fields: (c) => ({ cooperativeId: c.coopA, code: "bad", village: "南洪城村", headName: "矩阵", memberCount: "3", status: "REGISTERED", benefitType: "WAGES", landMu: "", weight: "1" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/household-change.ts#changeHouseholdAction",
    name: "a participation that does not exist",
    fields: (c) => ({ cooperativeId: c.coopA, participationId: "no-such-participation", status: "REGISTERED", weight: "1", benefitType: "WAGES", landMu: "" }),
    expect: userA(403, { managerA: 404, managerB: 404 }),
  },
  { action: "lib/server/actions/coop/household-end.ts#endHouseholdAction", name: "a participation that does not exist", fields: (c) => ({ cooperativeId: c.coopA, participationId: "no-such-participation" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  { action: "lib/server/actions/coop/household-show-name.ts#showHouseholdNameAction", name: "a name on cooperative A's roster", fields: (c) => ({ cooperativeId: c.coopA, participationId: c.coopAParticipation }), expect: userA(403, { managerA: 200, managerB: 404 }) },
  { action: "lib/server/actions/coop/roster-preview.ts#previewRosterAction", name: "a string instead of a file", fields: (c) => ({ cooperativeId: c.coopA, file: "not a file" }), expect: userA(403, { managerA: 400, managerB: 400 }) },
  // A file: B must not learn which household codes are on A's roster; A's "x" is no roster (422).
  {
    action: "lib/server/actions/coop/roster-preview.ts#previewRosterAction",
    name: "a roster file for cooperative A",
    fields: (c) => ({ cooperativeId: c.coopA, file: new File(["x"], "roster.csv", { type: "text/csv" }) }),
    expect: userA(403, { managerA: 422, managerB: 404 }),
  },
  { action: "lib/server/actions/coop/roster-commit.ts#commitRosterAction", name: "an import that does not exist", fields: (c) => ({ cooperativeId: c.coopA, importId: "no-such-import" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  { action: "lib/server/actions/admin/roster-show-name.ts#adminShowHouseholdNameAction", name: "a name on cooperative A's roster", fields: (c) => ({ cooperativeId: c.coopA, participationId: c.coopAParticipation }), expect: userA(403, { admin: 200 }) },
  // Issue 13: every admin action refuses everyone else; the admin's own calls here change nothing (an unknown id,
  // bad input). Accepting an invitation is public: a token that was never issued is gone (410) for everyone.
  { action: "lib/server/actions/admin/cooperative-create.ts#createCooperativeAction", name: "no village", fields: () => ({ villageId: "", nameZh: "矩阵", nameEn: "Matrix" }), expect: userA(403, { admin: 400 }) },
  { action: "lib/server/actions/admin/cooperative-status.ts#cooperativeStatusAction", name: "a cooperative that does not exist", fields: () => ({ cooperativeId: "no-such-cooperative", change: "suspend" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/manager-invite.ts#managerInviteAction", name: "not an email", fields: (c) => ({ cooperativeId: c.coopA, email: "not-an-email" }), expect: userA(403, { admin: 400 }) },
  { action: "lib/server/actions/admin/manager-remove.ts#managerRemoveAction", name: "someone who is not a manager", fields: (c) => ({ cooperativeId: c.coopA, userId: "no-such-user" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/user-disable.ts#userDisableAction", name: "a user that does not exist", fields: () => ({ userId: "no-such-user", change: "disable" }), expect: userA(403, { admin: 404 }) },
  {
    action: "lib/server/actions/auth/accept-invite.ts#acceptInviteAction",
    name: "a token never issued",
    fields: () => ({ token: "x".repeat(43), name: "矩阵", password: "a-Valid-password-9" }),
    expect: allA(410),
  },
  // 防返贫 monitoring: flags that do not exist; the line must be an amount; running the rules is idempotent.
  { action: "lib/server/actions/admin/monitoring-follow-up.ts#monitoringFollowUpAction", name: "a flag that does not exist", fields: () => ({ flagId: "no-such-flag", kind: "VISITED", note: "矩阵" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/monitoring-decide.ts#monitoringDecideAction", name: "a flag that does not exist", fields: () => ({ flagId: "no-such-flag", decision: "KEPT" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/monitoring-mark-household.ts#monitoringMarkHouseholdAction", name: "a flag that does not exist", fields: () => ({ flagId: "no-such-flag" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/monitoring-set-line.ts#monitoringSetLineAction", name: "not an amount", fields: () => ({ lineYuan: "abc" }), expect: userA(403, { admin: 400 }) },
  { action: "lib/server/actions/admin/monitoring-run.ts#monitoringRunAction", name: "run the rules", fields: () => ({}), expect: userA(403, { admin: 200 }) },
  { action: "lib/server/actions/coop/monitoring-follow-up.ts#coopMonitoringFollowUpAction", name: "a flag that does not exist", fields: (c) => ({ cooperativeId: c.coopA, flagId: "no-such-flag", kind: "VISITED", note: "矩阵" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  { action: "lib/server/actions/coop/monitoring-decide.ts#coopMonitoringDecideAction", name: "a flag that does not exist", fields: (c) => ({ cooperativeId: c.coopA, flagId: "no-such-flag", decision: "KEPT" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  { action: "lib/server/actions/coop/monitoring-mark-household.ts#coopMonitoringMarkHouseholdAction", name: "a flag that does not exist", fields: (c) => ({ cooperativeId: c.coopA, flagId: "no-such-flag" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  // Settlements: a month that is not one, statements that do not exist; a manager confirms or disputes only
  // their own cooperative's statements, and an admin does not act for them.
  { action: "lib/server/actions/admin/settlement-generate.ts#generateSettlementsAction", name: "a month that is not one", fields: () => ({ month: "2026-13" }), expect: userA(403, { admin: 400 }) },
  { action: "lib/server/actions/admin/settlement-pay.ts#paySettlementAction", name: "a statement that does not exist", fields: () => ({ settlementId: "no-such-statement", paidOn: "2026-12-01", reference: "X" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/admin/settlement-reopen.ts#reopenSettlementAction", name: "a statement that does not exist", fields: () => ({ settlementId: "no-such-statement" }), expect: userA(403, { admin: 404 }) },
  { action: "lib/server/actions/coop/settlement-confirm.ts#confirmSettlementAction", name: "a statement that does not exist", fields: (c) => ({ cooperativeId: c.coopA, settlementId: "no-such-statement" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  { action: "lib/server/actions/coop/settlement-dispute.ts#disputeSettlementAction", name: "a statement that does not exist", fields: (c) => ({ cooperativeId: c.coopA, settlementId: "no-such-statement", note: "矩阵测试" }), expect: userA(403, { managerA: 404, managerB: 404 }) },
  // Issue 12, the buyer's side: a parcel that is not theirs (here: none at all) is not found for anyone; the mail
  // preference is each user's own.
  { action: "lib/server/actions/orders/confirm-receipt.ts#confirmReceiptAction", name: "a parcel that is not the caller's", fields: () => ({ shipmentId: "no-such-shipment" }), expect: userA(404) },
  { action: "lib/server/actions/account/mail-preferences.ts#saveMailPreferencesAction", name: "own mail preference", fields: () => ({ nonEssential: "on" }), expect: userA(200) },
  // Issue 11. Each call passes the role and cooperative checks and is then refused on its input or state (no
  // product changes): manager B is told A's product does not exist.
  {
    action: "lib/server/actions/coop/save-product.ts#saveProductAction",
    name: "cooperative A's product, unknown category",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, nameZh: "矩阵", nameEn: "Matrix", unitZh: "瓶", unitEn: "bottle", categoryId: "no-such-category", originVillageId: "x", price: "10" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/move-listing.ts#moveListingAction",
    name: "submit cooperative A's product already on sale",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, event: "submit" }),
    expect: userA(403, { managerA: 409, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/delete-product.ts#deleteProductAction",
    name: "delete cooperative A's product that has orders",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, confirm: "on" }),
    expect: userA(403, { managerA: 409, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/adjust-stock.ts#adjustStockAction",
    name: "cooperative A's stock, units not a number",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, reason: "RECEIVED", units: "abc" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/set-low-stock.ts#setLowStockAction",
    name: "cooperative A's threshold, out of range",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, threshold: "-1" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/create-batch.ts#createBatchAction",
    name: "cooperative A's batch, a lot number already used",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, lotNumber: c.lotNumber, productionDate: "2026-09-01", quantity: "10" }),
    expect: userA(403, { managerA: 409, managerB: 404 }),
  },
  // Photos: a string where the file goes is bad input for any manager (parsed before the cooperative check);
  // moving the cover to the front changes nothing; an image that is not the product's is not found.
  {
    action: "lib/server/actions/coop/photo-upload.ts#uploadPhotoAction",
    name: "a string instead of a photo",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, file: "not a file" }),
    expect: userA(403, { managerA: 400, managerB: 400 }),
  },
  {
    action: "lib/server/actions/coop/photo-reorder.ts#reorderPhotoAction",
    name: "the cover to the front",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, imageId: c.coopAImage, to: "first" }),
    expect: userA(403, { managerA: 200, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/photo-alt.ts#setPhotoAltAction",
    name: "an image that is not the product's",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, imageId: "no-such-image", altZh: "矩阵", altEn: "Matrix" }),
    expect: userA(403, { managerA: 404, managerB: 404 }),
  },
  {
    action: "lib/server/actions/coop/photo-delete.ts#deletePhotoAction",
    name: "an image that is not the product's",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, imageId: "no-such-image" }),
    expect: userA(403, { managerA: 404, managerB: 404 }),
  },
  // Admins decide; a product on sale is not in review (409), a revocation needs its reason (400).
  {
    action: "lib/server/actions/admin/certify-product.ts#certifyProductAction",
    name: "approve a product not in review",
    fields: (c) => ({ productId: c.coopAProduct, certificateNumber: "TX-MATRIX-0001", validFrom: "2026-12-01", validUntil: "2027-12-01" }),
    expect: userA(403, { admin: 409 }),
  },
  { action: "lib/server/actions/admin/reject-product.ts#rejectProductAction", name: "reject a product not in review", fields: (c) => ({ productId: c.coopAProduct, reason: "矩阵测试" }), expect: userA(403, { admin: 409 }) },
  { action: "lib/server/actions/admin/revoke-certificate.ts#revokeCertificateAction", name: "revoke without a reason", fields: (c) => ({ productId: c.coopAProduct, reason: "" }), expect: userA(403, { admin: 400 }) },
  { action: "lib/server/actions/admin/set-featured.ts#setFeaturedAction", name: "feature a product that does not exist", fields: () => ({ productId: "no-such-product", featured: "true" }), expect: userA(403, { admin: 404 }) },
  // ── issue 15: organisations (actions) ──
  // Profile, year and member changes: an ORG_ADMIN of the organisation or a county admin, decided in the write's
  // transaction — a member without the role is 403, anyone not in it 404 (lib/server/orgs/scope.ts checkOrgAdmin).
  {
    action: "lib/server/actions/org/organisation-create.ts#createOrganisationAction",
    name: "a credit code with a wrong check character",
    fields: () => ({ kind: "UNION", name: "矩阵工会", creditCode: "81110105MA01TX2680", invoiceTitle: "矩阵工会", address: "朝阳区矩阵路 1 号", district: "chaoyang", approvalWindowHours: "48" }),
    expect: userA(403, { admin: 400 }),
  },
  {
    action: "lib/server/actions/org/organisation-update.ts#updateOrganisationAction",
    name: "the union's profile as it is",
    fields: (c) => ({ organisationId: c.unionOrganisation, ...UNION_PROFILE }),
    expect: userA(404, { otherBuyer: 200, admin: 200, approver: 403 }),
  },
  {
    action: "lib/server/actions/org/year-save.ts#saveOrganisationYearAction",
    name: "the union's figures for 2030",
    fields: (c) => ({ organisationId: c.unionOrganisation, year: "2030", budget: "100000", percent: "30" }),
    expect: userA(404, { otherBuyer: 200, admin: 200, approver: 403 }),
  },
  {
    action: "lib/server/actions/org/member-invite.ts#inviteMemberAction",
    name: "someone already a member",
    fields: (c) => ({ organisationId: c.unionOrganisation, email: "union@demo.tangxian.shop", role_PURCHASER: "on" }),
    expect: userA(404, { otherBuyer: 409, admin: 409, approver: 403 }),
  },
  {
    action: "lib/server/actions/org/member-roles.ts#changeMemberRolesAction",
    name: "a member who does not exist",
    fields: (c) => ({ organisationId: c.unionOrganisation, memberId: "no-such-member", role_FINANCE: "on" }),
    expect: userA(404, { approver: 403 }),
  },
  {
    action: "lib/server/actions/org/member-remove.ts#removeMemberAction",
    name: "a member who does not exist",
    fields: (c) => ({ organisationId: c.unionOrganisation, memberId: "no-such-member" }),
    expect: userA(404, { approver: 403 }),
  },
  { action: "lib/server/actions/org/invite-accept.ts#acceptOrgInviteAction", name: "a link that does not exist", fields: () => ({ token: "x".repeat(43) }), expect: userA(410) },
  // Approvers of the caller's own organisation; the order is looked up within it.
  {
    action: "lib/server/actions/org/approval-decide.ts#decideApprovalAction",
    name: "an order that is not the organisation's",
    fields: (c) => ({ orderId: c.orderToCancel, decision: "approve", note: "" }),
    expect: userA(403, { approver: 404 }),
  },
  // ── issue 15: price tiers (actions) ──
  // Past the role and cooperative checks, manager A's tiers are refused as invalid (60% off: 400), so the matrix
  // changes no product; manager B is told A's product does not exist.
  {
    action: "lib/server/actions/coop/save-price-tiers.ts#savePriceTiersAction",
    name: "cooperative A's quantity prices, 60% off",
    fields: (c) => ({ cooperativeId: c.coopA, productId: c.coopAProduct, minOrderQuantity: "1", "tier.0.from": "50", "tier.0.discount": "60" }),
    expect: userA(403, { managerA: 400, managerB: 404 }),
  },
  // ── issue 15: invoices (actions) ──
  // Purchasers, finance members and organisation admins request (otherBuyer); everyone else is refused before the
  // input is read. /org is not one of proxy.ts's private areas, so a request with no session reaches the chain (401).
  // Each call is refused on its state, so the matrix writes no request: a month not over yet (409), and the buyer's
  // private order, not the union's (404).
  {
    action: "lib/server/actions/org/invoice-request.ts#requestInvoiceAction",
    name: "a month not over yet",
    fields: () => ({ kind: "GENERAL", scope: "MONTH", month: "2099-12" }),
    expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 409 },
  },
  {
    action: "lib/server/actions/org/invoice-request.ts#requestInvoiceAction",
    name: "an order that is not the organisation's",
    fields: (c) => ({ kind: "GENERAL", scope: "ORDER", orderId: c.orderToPay }),
    expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 404 },
  },
  { action: "lib/server/actions/org/invoice-cancel.ts#cancelInvoiceAction", name: "a request that does not exist", fields: () => ({ requestId: "no-such-request" }), expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 404 } },
  // Admins record the issued invoice: a string where the PDF goes is bad input (400), so the union's request stays.
  {
    action: "lib/server/actions/admin/invoice-issue.ts#issueInvoiceAction",
    name: "a string instead of the PDF",
    fields: (c) => ({ requestId: c.unionInvoiceRequest, invoiceNumber: "12345678", issuedOn: "2026-11-30", file: "not a file" }),
    expect: userA(403, { admin: 400 }),
  },
  { action: "lib/server/actions/admin/invoice-cancel.ts#adminCancelInvoiceAction", name: "a request that does not exist", fields: () => ({ requestId: "no-such-request" }), expect: userA(403, { admin: 404 }) },
  // ── issue 15: gift orders (actions) ──
  // Purchasers only (otherBuyer); everyone else is refused before the input is read (with no session at all,
  // proxy.ts sends the request to sign in, as for every /org page). Each call is refused on its input, so the matrix writes no gift list or order:
  // a string where the file goes (400), a list that does not exist (404).
  { action: "lib/server/actions/org/gift-upload.ts#uploadGiftListAction", name: "a string instead of the file", fields: () => ({ file: "not a file" }), expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 400 } },
  { action: "lib/server/actions/org/gift-place.ts#placeGiftListAction", name: "a list that does not exist", fields: () => ({ giftListId: "no-such-list" }), expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 404 } },
  { action: "lib/server/actions/org/gift-discard.ts#discardGiftListAction", name: "a list that does not exist", fields: () => ({ giftListId: "no-such-list" }), expect: { ...allA(403), anonymous: "redirect", forged: 401, otherBuyer: 404 } },
  // Both end every session of the user (the session version rises), so they come last: this one first, then
  // sign-out finds every actor's session already dead and, being public, still redirects.
  { action: "lib/server/actions/auth/sign-out-everywhere.ts#signOutEverywhereAction", name: "sign out of all devices", fields: () => ({}), expect: userA("redirect") },
  { action: "lib/server/actions/auth/sign-out.ts#signOutAction", name: "sign out", fields: () => ({}), expect: allA("redirect") },
];

/** The value of the first hidden input with this name in a page (attribute order varies). */
function hiddenValue(html: string, name: string): string {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  const value = input && /value="([^"]*)"/.exec(input)?.[1];
  if (value === undefined || value === null) throw new Error(`no hidden input ${name}`);
  return value.replace(/&amp;/g, "&");
}

// ───────────────────────────── Discovery ─────────────────────────────
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every page and route handler file in the app directory, with its URL pattern (route groups removed). */
function routeFiles(): { pattern: string; file: string }[] {
  const out: { pattern: string; file: string }[] = [];
  for (const file of walk("app")) {
    const rel = path.relative("app", file).split(path.sep).join("/");
    const m = /^(.*?)\/?(page\.[jt]sx?|route\.[jt]sx?|sitemap\.ts|robots\.ts)$/.exec(rel);
    if (!m) continue;
    // The [locale] segment is the proxy's rewrite, not part of any URL.
    const dir = `/${m[1]}`.replace(/^\/\[locale\]/, "").replace(/\/\([^)]+\)/g, "").replace(/\/$/, "");
    const special = m[2] === "sitemap.ts" ? "/sitemap.xml" : m[2] === "robots.ts" ? "/robots.txt" : "";
    out.push({ pattern: special ? `${dir}${special}` : dir || "/", file });
  }
  return out;
}

/** Every URL pattern the app directory defines. */
function discoverRoutes(): string[] {
  return [...new Set(routeFiles().map((r) => r.pattern))].sort();
}

/** Every method besides GET that a route handler exports, as "pattern METHOD" (`export const POST`, `export async
 * function POST`, `export const { GET, POST } = …`, `export { x as POST }`). */
function discoverWriteMethods(): string[] {
  const methods = /\b(HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;
  const isMethod = (name: string) => new RegExp(`^${methods.source}$`).test(name);
  const out: string[] = [];
  for (const { pattern, file } of routeFiles().filter((r) => /route\.[jt]sx?$/.test(r.file))) {
    const src = readFileSync(file, "utf8");
    const exported = [
      ...[...src.matchAll(/export\s+(?:async\s+function|function|const|let)\s+(\w+)/g)].map((m) => m[1]!),
      ...[...src.matchAll(/export\s+(?:const|let)\s*\{([^}]*)\}/g), ...src.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => [...m[1]!.matchAll(methods)].map((x) => x[1]!)),
    ];
    for (const name of new Set(exported)) if (isMethod(name)) out.push(`${pattern} ${name}`);
  }
  return out.sort();
}

/** Every exported server action in the source ("use server" files, comments before the directive allowed), as
 * "file#export". The build's own list (actionsFromBuild) is compared too, over HTTP below: it also has any
 * inline or re-exported action this reading of the source would miss. */
function discoverActions(): string[] {
  const out: string[] = [];
  for (const file of ["app", "lib", "components"].flatMap((dir) => walk(dir))) {
    if (!/\.[jt]sx?$/.test(file)) continue;
    const src = readFileSync(file, "utf8");
    if (!/^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(src)) continue;
    for (const m of src.matchAll(/export\s+(?:const|async function|function)\s+(\w+)/g)) out.push(`${file.split(path.sep).join("/")}#${m[1]}`);
  }
  return out.sort();
}

describe("the matrix lists everything", () => {
  test("every page and route handler in app/ has a row, and every row exists", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(discoverRoutes());
  });

  test("every extra case is for a route in the table", () => {
    for (const c of MORE_CASES) expect(Object.keys(ROUTES)).toContain(c.pattern);
  });

  test("every server action has at least one case, and every case names a real action", () => {
    expect([...new Set(ACTIONS.map((a) => a.action))].sort()).toEqual(discoverActions());
  });

  test("every route handler's method besides GET has a case, and every case names a real one", () => {
    expect(Object.keys(WRITE_HANDLERS).sort()).toEqual(discoverWriteMethods());
  });
});

describe.skipIf(!baseURL)("authorization matrix over HTTP", () => {
  const cookies = new Map<Actor, string>();
  const ctx: Ctx = {
    productSlug: "",
    productId: "",
    buyerAddressId: "",
    orderToCancel: "",
    orderToPay: "",
    orderToPayAmount: "",
    refundId: "",
    coopA: "",
    coopAProduct: "",
    coopB: "",
    coopAShipment: "",
    coopAParticipation: "",
    coopAImage: "",
    coopABatch: "",
    traceCode: "",
    lotNumber: "",
    unionInvoiceRequest: "",
    unionOrganisation: "",
    unionOrder: "",
  };
  const page = async (path: string, actor: Actor) => (await fetch(`${baseURL}${path}`, { headers: { cookie: cookies.get(actor)! } })).text();

  beforeAll(async () => {
    cookies.set("anonymous", "");
    // A well-formed cookie name with a value that is no valid session: gets past proxy.ts, must get nothing else.
    cookies.set("forged", "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.forged.forged.forged");
    for (const [actor, email] of Object.entries(ACCOUNTS)) {
      cookies.set(actor as Actor, cookieHeader(await signInOverHttp(baseURL, email, DEMO_PASSWORD)));
    }
    const sitemap = await (await fetch(`${baseURL}/sitemap.xml`)).text();
    ctx.productSlug = /\/products\/([a-z0-9-]+)<\/loc>/.exec(sitemap)![1]!;
    // The buyer's address that the others will try to edit and delete.
    const actions = actionsFromBuild();
    const save = actions.get("lib/server/actions/account/save-address.ts#saveAddressAction")!;
    expect((await callAction(baseURL, save, { ...address, street: "建国路 88 号 矩阵" }, cookies.get("buyer")!)).outcome).toBe(200);
    const html = await page("/account/addresses", "buyer");
    ctx.buyerAddressId = hiddenValue(html, "id");

    // Two bank-transfer orders of the buyer's, placed through the real actions.
    ctx.productId = hiddenValue(await page(`/products/${ctx.productSlug}`, "buyer"), "productId");
    const add = actions.get("lib/server/actions/cart/add-to-cart.ts#addToCartAction")!;
    const place = actions.get("lib/server/actions/checkout/place-order.ts#placeOrderAction")!;
    const orderIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const added = await callAction(baseURL, add, { productId: ctx.productId, quantity: "1" }, cookies.get("buyer")!);
      expect(added.outcome, `${add.page} ${ctx.productId} ${added.body.slice(0, 300)}`).toBe(200);
      const fingerprint = hiddenValue(await page("/checkout", "buyer"), "fingerprint");
      const placed = await callAction(baseURL, place, { method: "BANK_TRANSFER", addressId: ctx.buyerAddressId, note: "", fingerprint }, cookies.get("buyer")!);
      expect(placed.outcome).toBe("redirect");
      orderIds.push(/\/account\/orders\/([a-z0-9]+)/.exec(placed.location ?? "")![1]!);
    }
    [ctx.orderToCancel, ctx.orderToPay] = orderIds as [string, string];
    // A product on sale with orders (the listing e2e suite may have added a draft): a cuid, not "new".
    ctx.coopAProduct = /href="\/coop\/products\/(c[a-z0-9]{20,})"/.exec(await page("/coop/products?state=ON_SALE", "managerA"))![1]!;
    const coopOf = async (actor: Actor) => /\/coop\/statements\/[0-9-]+\?cooperative=([a-z0-9]+)/.exec(await page("/coop/income", actor))![1]!;
    ctx.coopA = await coopOf("managerA");
    ctx.coopB = await coopOf("managerB");
    expect(ctx.coopB).not.toBe(ctx.coopA);
    const batches = await page(`/coop/products/${ctx.coopAProduct}/batches`, "managerA");
    ctx.coopABatch = new RegExp(`/coop/products/${ctx.coopAProduct}/batches/([a-z0-9]+)/labels`).exec(batches)![1]!;
    ctx.traceCode = /\/trace\/([a-z0-9]+)/.exec(batches)![1]!;
    ctx.lotNumber = /data-lot="([^"]+)"/.exec(batches)![1]!;
    ctx.coopAImage = /data-image-id="([a-z0-9]+)"/.exec(await page(`/coop/products/${ctx.coopAProduct}/photos`, "managerA"))![1]!;

    // A paid order of cooperative A's product, so that A has a shipment to pack.
    const coopAProductId = hiddenValue(await page(`/coop/products/${ctx.coopAProduct}/stock`, "managerA"), "productId");
    expect((await callAction(baseURL, add, { productId: coopAProductId, quantity: "1" }, cookies.get("buyer")!)).outcome).toBe(200);
    const fingerprintA = hiddenValue(await page("/checkout", "buyer"), "fingerprint");
    const placedA = await callAction(baseURL, place, { method: "BANK_TRANSFER", addressId: ctx.buyerAddressId, note: "", fingerprint: fingerprintA }, cookies.get("buyer")!);
    const orderA = /\/account\/orders\/([a-z0-9]+)/.exec(placedA.location ?? "")![1]!;
    const amountA = new RegExp(`data-order="${orderA}" data-amount="([\\d.]+)"`).exec(await page("/admin/transfers", "admin"))![1]!;
    const confirm = actions.get("lib/server/actions/admin/confirm-transfer.ts#confirmTransferAction")!;
    expect((await callAction(baseURL, confirm, { orderId: orderA, amount: amountA }, cookies.get("admin")!)).outcome).toBe(200);
    ctx.coopAShipment = /href="\/coop\/orders\/(c[a-z0-9]{20,})"/.exec(await page(`/coop/orders?c=${ctx.coopA}`, "managerA"))![1]!;
    ctx.coopAParticipation = hiddenValue(await page(`/coop/households?c=${ctx.coopA}`, "managerA"), "participationId");
    const transfers = await page("/admin/transfers", "admin");
    ctx.orderToPayAmount = new RegExp(`data-order="${ctx.orderToPay}" data-amount="([\\d.]+)"`).exec(transfers)![1]!;
    // ── issue 15: ctx ──
    ctx.unionOrganisation = /data-organisation="([a-z0-9]+)"/.exec(await page("/admin/organizations", "admin"))![1]!;
    ctx.unionOrder = /href="\/org\/orders\/(c[a-z0-9]{20,})"/.exec(await page("/org/orders", "otherBuyer"))![1]!;
    // The union's invoice request waiting to be issued (the seed's): its cancel form carries its id.
    ctx.unionInvoiceRequest = hiddenValue(await page("/org/invoices", "otherBuyer"), "requestId");
  });

  async function pageOutcome(url: string, cookie: string): Promise<"signin" | "away" | number> {
    const res = await fetch(`${baseURL}${url}`, { redirect: "manual", headers: { cookie } });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get("location") ?? "";
      return new URL(location, baseURL).pathname === "/sign-in" ? "signin" : "away";
    }
    return res.status;
  }

  test.each(Object.entries(ROUTES))("%s", async (_pattern, route) => {
    const got: Partial<Row> = {};
    for (const actor of ACTORS) got[actor] = (await pageOutcome(route.url(ctx), cookies.get(actor)!)) as PageOutcome;
    expect(got).toEqual(route.expect);
  });

  test.each(MORE_CASES.map((c) => [`${c.pattern} — ${c.name}`, c] as const))("%s", async (_name, route) => {
    const got: Partial<Row> = {};
    for (const actor of ACTORS) got[actor] = (await pageOutcome(route.url(ctx), cookies.get(actor)!)) as PageOutcome;
    expect(got).toEqual(route.expect);
  });

  test("the build's server actions are exactly the table's (inline and re-exported ones included)", () => {
    expect([...actionsFromBuild().keys()].sort()).toEqual([...new Set(ACTIONS.map((a) => a.action))].sort());
  });

  test.each(Object.entries(WRITE_HANDLERS))("%s", async (_name, c) => {
    const got: Partial<Row> = {};
    for (const actor of ACTORS) {
      const res = await fetch(`${baseURL}${c.url}`, { method: c.method, redirect: "manual", headers: { cookie: cookies.get(actor)!, "content-type": c.contentType, origin: baseURL }, body: c.body });
      await res.text();
      expect(res.headers.getSetCookie().filter((v) => /session-token=[^;]/.test(v)), `${actor} was given a session`).toEqual([]);
      got[actor] = res.status >= 300 && res.status < 400 ? "away" : (res.status as PageOutcome);
    }
    expect(got).toEqual(c.expect);
  });

  test.each(ACTIONS.map((a) => [`${a.action.split("/").pop()} — ${a.name}`, a] as const))("%s", async (_name, c) => {
    if (c.action.endsWith("#decideRefundAction")) ctx.refundId = hiddenValue(await page("/admin/refunds", "admin"), "refundId");
    const action = actionsFromBuild().get(c.action);
    expect(action, `${c.action} is not in the build`).toBeDefined();
    const got: Partial<ActionRow> = {};
    for (const actor of ACTORS) got[actor] = (await callAction(baseURL, action!, c.fields(ctx, actor), cookies.get(actor)!, c.formOnly)).outcome;
    expect(got).toEqual(c.expect);
  });
});
