// The dashboard on a real database: the seed, a few orders placed and paid through the real code (so the ledger
// and its rollups are written as in production), then every figure is checked against an independent SQL sum
// over LedgerEntry and Order, and the chart data against the report tables (lib/server/queries/reports.ts).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { parsePeriod } from "@/lib/domain/period";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { translator } from "@/lib/i18n/translate";
import { chartCsv } from "@/lib/server/dashboard/csv";
import { dashboard, type DashboardScope } from "@/lib/server/dashboard/data";
import { chartTables } from "@/lib/server/dashboard/tables";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { salesReport } from "@/lib/server/queries/reports";
import { readCsv } from "../helpers/csv";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

const TX = { maxWait: 60_000, timeout: 60_000 };
let t: TestDatabase;
let db: Db;
let grape: string;
let canning: string;

const NOV = { from: "2026-11-01", to: "2026-11-30" };
const OCT = { from: "2026-10-01", to: "2026-10-31" };

async function paidOrder(lines: [slug: string, qty: number][], at: string): Promise<PlacedTestOrder> {
  const ids: [string, number][] = [];
  for (const [slug, q] of lines) ids.push([await productIdOf(db, slug), q]);
  const o = await placeTestOrder(db, "BANK_TRANSFER", ids, "dash", new Date(at));
  const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: o.method, amountFen: o.totalFen, bankReference: `TXZZ-${o.number}` }, new Date(at)), TX);
  expect(outcome).toBe("paid");
  return o;
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_dashboard");
  db = t.db;
  await seedDatabase(db, { demoUsers: false });
  grape = (await db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG } })).id;
  canning = (await db.cooperative.findUniqueOrThrow({ where: { slug: CANNING_COOPERATIVE_SLUG } })).id;
  // October: one wine order. November: wine and canned peaches, and a second wine order (Beijing days: the
  // last one is paid at 23:30 on 30 November Beijing time, still November).
  await paidOrder([["nanhongcheng-cabernet-sauvignon", 1]], "2026-10-12T03:00:00Z");
  await paidOrder([["nanhongcheng-cabernet-sauvignon", 2], ["hongnancheng-yellow-peach-canned", 3]], "2026-11-05T03:00:00Z");
  await paidOrder([["nanhongcheng-merlot", 1]], "2026-11-30T15:30:00Z");
  // Paid on 1 December in Beijing (16:30 UTC on 30 November): outside November.
  await paidOrder([["hongnancheng-yellow-peach-canned", 1]], "2026-11-30T16:30:00Z");
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

const n = (v: unknown) => Number(v ?? 0);

/** Independent sums over the ledger (and orders for buyers), optionally for one cooperative. */
async function ledgerSums(r: { from: string; to: string }, coop: string | null) {
  const c = coop ?? "";
  const [row] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT COALESCE(SUM("amountFen"),0) AS sales, COALESCE(SUM("units"),0) AS units,
            COALESCE(SUM("amountFen") FILTER (WHERE "kind"='HOUSEHOLD_BENEFIT'),0) AS benefit,
            COUNT(DISTINCT "orderId") FILTER (WHERE "refundId" IS NULL) AS orders
     FROM "LedgerEntry" WHERE "day" BETWEEN $1::date AND $2::date AND ($3 = '' OR "cooperativeId" = $3)`,
    r.from, r.to, c,
  );
  const [reach] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT COUNT(*) AS households, COUNT(DISTINCT h."villageId") AS villages FROM (
       SELECT "householdId" FROM "LedgerEntry" WHERE "kind"='HOUSEHOLD_BENEFIT' AND "day" BETWEEN $1::date AND $2::date AND ($3 = '' OR "cooperativeId" = $3)
       GROUP BY 1 HAVING SUM("amountFen") > 0) x JOIN "Household" h ON h."id" = x."householdId"`,
    r.from, r.to, c,
  );
  const [buyers] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT COUNT(DISTINCT o."buyerId") AS buyers FROM "Order" o
     WHERE (o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $1::date AND $2::date
       AND EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."orderId" = o."id" AND ($3 = '' OR i."cooperativeId" = $3))`,
    r.from, r.to, c,
  );
  return { salesFen: n(row?.sales), units: n(row?.units), benefitFen: n(row?.benefit), orders: n(row?.orders), householdsReached: n(reach?.households), villagesReached: n(reach?.villages), buyers: n(buyers?.buyers) };
}

describe("the county's dashboard", () => {
  test("a custom November period is compared with October", () => {
    const p = parsePeriod({ period: "custom", ...NOV }, new Date("2026-12-05T00:00:00Z"));
    expect(p).toMatchObject({ ok: true, previous: OCT });
  });

  test("figures equal independent sums over LedgerEntry and Order, for the period and the one before", async () => {
    const d = await dashboard(db, { kind: "county" }, NOV, OCT);
    expect(d).not.toBeNull();
    const now = await ledgerSums(NOV, null);
    const before = await ledgerSums(OCT, null);
    expect(now.salesFen).toBeGreaterThan(0);
    expect(now.orders).toBe(2);
    expect(now.buyers).toBe(2);
    expect(before.orders).toBe(1);
    for (const [fig, sums] of [[d!.current, now], [d!.before, before]] as const) {
      expect(fig).toMatchObject(sums);
      expect(fig.averageBenefitFen).toBe(Math.floor(sums.benefitFen / sums.householdsReached));
    }
  });

  test("chart data equals the report tables for the same period", async () => {
    const d = (await dashboard(db, { kind: "county" }, NOV, OCT))!;
    const [village, category, coop, month] = await Promise.all(
      (["village", "category", "cooperative", "month"] as const).map((by) => salesReport(db, { by, ...NOV })),
    );
    const shape = (rows: { key: string; revenueFen: number; orders: number; units: number; householdBenefitFen: number; householdsReached: number }[]) =>
      rows.map((r) => ({ key: r.key, salesFen: r.revenueFen, orders: r.orders, units: r.units, benefitFen: r.householdBenefitFen, householdsReached: r.householdsReached }));
    expect(d.byVillage.map(({ labelZh: _z, labelEn: _e, ...r }) => r)).toEqual(shape(village!.rows));
    expect(d.byCategory.map(({ labelZh: _z, labelEn: _e, ...r }) => r)).toEqual(shape(category!.rows));
    expect(d.topCooperatives.map(({ labelZh: _z, labelEn: _e, ...r }) => r)).toEqual(shape(coop!.rows));
    expect(d.byMonth).toEqual(month!.rows.map((r) => ({ month: r.key, salesFen: r.revenueFen, benefitFen: r.householdBenefitFen, orders: r.orders })));
    // The totals line up with the stat cards.
    expect(d.current.salesFen).toBe(month!.total.revenueFen);
    expect(d.current.householdsReached).toBe(month!.total.householdsReached);
    // Top products: the ledger's lines by product.
    const products = await db.$queryRawUnsafe<{ key: string; sales: bigint }[]>(
      `SELECT i."productId" AS key, SUM(l."amountFen") AS sales FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId"
       WHERE l."day" BETWEEN $1::date AND $2::date GROUP BY 1 ORDER BY 2 DESC`, NOV.from, NOV.to);
    expect(d.topProducts.map((p) => [p.key, p.salesFen])).toEqual(products.map((p) => [p.key, n(p.sales)]));
  });

  // Whole months come from the monthly rollups, ragged ends from the daily ones (lib/server/rollups/source.ts):
  // every way a range can cut the months must give the ledger's figures.
  test.each([
    ["ragged ends only, across a month boundary", { from: "2026-10-12", to: "2026-11-05" }],
    ["a ragged start and a whole month", { from: "2026-10-12", to: "2026-11-30" }],
    ["a whole month and one day after it", { from: "2026-11-01", to: "2026-12-01" }],
    ["ragged both ends around whole months", { from: "2026-09-15", to: "2026-12-01" }],
    ["one day, the first of the month", { from: "2026-11-01", to: "2026-11-01" }],
    ["one day with a sale", { from: "2026-11-05", to: "2026-11-05" }],
    ["the last day, 23:30 in Beijing", { from: "2026-11-30", to: "2026-11-30" }],
    ["two whole months", { from: "2026-10-01", to: "2026-11-30" }],
  ])("%s: figures and top products equal the ledger, for the county and each cooperative", async (_name, range) => {
    for (const coop of [null, grape, canning]) {
      const scope: DashboardScope = coop ? { kind: "cooperative", cooperativeIds: [coop], cooperativeId: coop } : { kind: "county" };
      const d = (await dashboard(db, scope, range, range))!;
      expect(d.current, `${coop ?? "county"} ${range.from}…${range.to}`).toMatchObject(await ledgerSums(range, coop));
      const products = await db.$queryRawUnsafe<{ key: string; sales: bigint }[]>(
        `SELECT i."productId" AS key, SUM(l."amountFen") AS sales FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId"
         WHERE l."day" BETWEEN $1::date AND $2::date AND ($3 = '' OR l."cooperativeId" = $3) GROUP BY 1 ORDER BY 2 DESC, 1`,
        range.from, range.to, coop ?? "");
      expect(d.topProducts.map((p) => [p.key, p.salesFen]).sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0])))).toEqual(products.map((p) => [p.key, n(p.sales)]));
    }
  });

  test("benefit by village: the village's produce and the households living there differ as they should", async () => {
    const d = (await dashboard(db, { kind: "county" }, NOV, OCT))!;
    const ids = Object.fromEntries((await db.village.findMany({ select: { slug: true, id: true } })).map((v) => [v.slug, v.id]));
    const row = (slug: string) => d.benefitByVillage.find((r) => r.key === ids[slug]);
    // Residents' benefit: the ledger grouped by where each household lives.
    const residents = await db.$queryRawUnsafe<{ key: string; fen: bigint; households: bigint }[]>(
      `SELECT h."villageId" AS key, SUM(x.fen) AS fen, COUNT(*) FILTER (WHERE x.fen > 0) AS households FROM (
         SELECT "householdId", SUM("amountFen") AS fen FROM "LedgerEntry" WHERE "kind"='HOUSEHOLD_BENEFIT' AND "day" BETWEEN $1::date AND $2::date GROUP BY 1
       ) x JOIN "Household" h ON h."id" = x."householdId" GROUP BY 1`, NOV.from, NOV.to);
    expect(residents.length).toBeGreaterThan(0);
    for (const r of residents) expect(d.benefitByVillage.find((x) => x.key === r.key)).toMatchObject({ residentsBenefitFen: n(r.fen), residentHouseholds: n(r.households) });
    // 北洪城村 sold nothing of its own, yet its households shared in the 南洪城村 wine.
    const bei = row("beihongcheng");
    expect(bei?.produceBenefitFen ?? 0).toBe(0);
    expect(bei?.residentsBenefitFen).toBeGreaterThan(0);
    // 南洪城村's produce paid more benefit than its own households received (some went to other villages).
    const nan = row("nanhongcheng")!;
    expect(nan.produceBenefitFen).toBeGreaterThan(nan.residentsBenefitFen);
    // Both meanings add up to the same benefit paid.
    const sum = (k: "produceBenefitFen" | "residentsBenefitFen") => d.benefitByVillage.reduce((s, r) => s + r[k], 0);
    expect(sum("produceBenefitFen")).toBe(d.current.benefitFen);
    expect(sum("residentsBenefitFen")).toBe(d.current.benefitFen);
  });
});

describe("the charts' tables and CSV", () => {
  test("the village CSV has the village table's rows, money in yuan, in the reader's language", async () => {
    const d = (await dashboard(db, { kind: "county" }, NOV, OCT))!;
    for (const locale of ["zh-CN", "en"] as const) {
      const tables = chartTables(d, translator(locale), locale, true);
      expect(tables.map((x) => x.key)).toEqual(["month", "village", "category", "benefit", "products", "cooperatives"]);
      const village = tables.find((x) => x.key === "village")!;
      const rows = readCsv(chartCsv(village).replace(/^\uFEFF/, ""));
      expect(rows[0]?.[0]).toBe(locale === "en" ? "Village" : "村");
      expect(rows.slice(1).filter((r) => r.length > 1)).toEqual(
        d.byVillage.map((r) => [locale === "en" ? r.labelEn : r.labelZh, (r.salesFen / 100).toFixed(2), String(r.orders), String(r.units), (r.benefitFen / 100).toFixed(2), String(r.householdsReached)]),
      );
    }
    // A cooperative's dashboard has no cooperatives' table.
    expect(chartTables(d, translator("zh-CN"), "zh-CN", false).map((x) => x.key)).not.toContain("cooperatives");
  });
});

describe("a cooperative's dashboard", () => {
  const scopeOf = (id: string): DashboardScope => ({ kind: "cooperative", cooperativeIds: [id], cooperativeId: id });

  test.each([["grape"], ["canning"]])("%s: figures equal the ledger filtered by the cooperative", async (which) => {
    const id = which === "grape" ? grape : canning;
    const d = (await dashboard(db, scopeOf(id), NOV, OCT))!;
    expect(d.current).toMatchObject(await ledgerSums(NOV, id));
    expect(d.before).toMatchObject(await ledgerSums(OCT, id));
    expect(d.topCooperatives).toEqual([]);
    // Its sales by village add up to its sales.
    expect(d.byVillage.reduce((s, r) => s + r.salesFen, 0)).toBe(d.current.salesFen);
    expect(d.byCategory.reduce((s, r) => s + r.units, 0)).toBe(d.current.units);
  });

  test("the grape cooperative's figures leave out the canning cooperative's sales", async () => {
    const g = (await dashboard(db, scopeOf(grape), NOV, OCT))!;
    const c = (await dashboard(db, scopeOf(canning), NOV, OCT))!;
    const county = (await dashboard(db, { kind: "county" }, NOV, OCT))!;
    expect(g.current.salesFen + c.current.salesFen).toBe(county.current.salesFen);
    expect(g.topProducts.every((p) => p.labelZh.length > 0)).toBe(true);
    expect(c.byCategory.map((r) => r.labelEn)).toEqual(["Canned fruit"]);
  });

  test("another cooperative's id is refused (null), whatever the caller checked", async () => {
    expect(await dashboard(db, { kind: "cooperative", cooperativeIds: [grape], cooperativeId: canning }, NOV, OCT)).toBeNull();
  });
});
