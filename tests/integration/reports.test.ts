// Reports on a real database (PostgreSQL from TEST_DATABASE_URL, else embedded PGlite), seeded, with a hand-made
// ledger: two cooperatives, lines from two villages, two months and their edges, refunds. The rollups are built
// from that ledger in SQL; every expected number is computed here in plain TypeScript from the same fixture.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseMonth, type ReportBy, type ReportQuery } from "@/lib/domain/reports";
import { translator } from "@/lib/i18n/translate";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { householdIncomeByMonth, salesReport, settlementStatement } from "@/lib/server/queries/reports";
import { salesCsv, statementCsv } from "@/lib/server/reports-csv";
import { rebuildRollups } from "@/lib/server/rollups/rebuild";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { readCsv } from "../helpers/csv";

let t: TestDatabase;

// ───────────────────────────── The fixture ─────────────────────────────

interface Entry {
  kind: "COOPERATIVE_REVENUE" | "HOUSEHOLD_BENEFIT";
  orderId: string;
  orderItemId: string;
  refundId: string | null;
  cooperativeId: string;
  householdId: string | null;
  villageId: string;
  categoryId: string;
  amountFen: number;
  units: number;
  day: string;
}

/** What the test knows about the seeded rows it uses. */
interface World {
  coopA: { id: string; slug: string };
  coopB: { id: string; slug: string };
  villageA: string; // 南洪城村, coop A's village
  villageB: string; // 洪南城村, coop B's village
  wine: string;
  canned: string;
  productA: string;
  productB: string;
  /** Two of coop A's households, one of coop B's. */
  h1: string;
  h2: string;
  h3: string;
  buyerId: string;
}

let w: World;
const entries: Entry[] = [];

/** A manager's scope for one cooperative of theirs (tests/integration/coop-scope.test.ts tries the others'). */
const own = (cooperativeId: string) => ({ cooperativeIds: [cooperativeId], cooperativeId });

/** One order line, paid on `day`, split into the cooperative's share and the households'. */
interface Line {
  item: string;
  product: "A" | "B";
  coop: "A" | "B";
  village: "A" | "B";
  category: "wine" | "canned";
  units: number;
  coopFen: number;
  households: [household: "h1" | "h2" | "h3", fen: number][];
}

interface OrderSpec {
  number: string;
  paidOn: string;
  lines: Line[];
  /** Refunds: which parties of which item get back how much (positive here, written negative). */
  refunds?: { on: string; parts: { item: string; coopFen: number; households: [household: "h1" | "h2" | "h3", fen: number][] }[] }[];
}

const ORDERS: OrderSpec[] = [
  // Before the report range (30 September), inside the income window.
  { number: "TXR-01", paidOn: "2026-09-30", lines: [{ item: "i1", product: "A", coop: "A", village: "A", category: "wine", units: 1, coopFen: 9_000, households: [["h2", 1_000]] }] },
  // October: two lines of coop A.
  {
    number: "TXR-02",
    paidOn: "2026-10-05",
    lines: [{ item: "i2", product: "A", coop: "A", village: "A", category: "wine", units: 2, coopFen: 17_000, households: [["h1", 1_800], ["h2", 1_200]] }],
  },
  // October, coop B; refunded in full in November: household 3's net over October–November is nothing.
  {
    number: "TXR-03",
    paidOn: "2026-10-20",
    lines: [{ item: "i3", product: "B", coop: "B", village: "B", category: "canned", units: 3, coopFen: 8_000, households: [["h3", 1_200]] }],
    refunds: [{ on: "2026-11-10", parts: [{ item: "i3", coopFen: 8_000, households: [["h3", 1_200]] }] }],
  },
  // November, coop A: one line from its own village, one whose produce came from village B (origin counts).
  {
    number: "TXR-04",
    paidOn: "2026-11-03",
    lines: [
      { item: "i4a", product: "A", coop: "A", village: "A", category: "wine", units: 1, coopFen: 8_550, households: [["h1", 450]] },
      { item: "i4b", product: "A", coop: "A", village: "B", category: "canned", units: 4, coopFen: 4_000, households: [["h1", 300], ["h2", 300]] },
    ],
  },
  // November, coop B, but household 1 (coop A's) benefits: not one of coop B's households.
  { number: "TXR-05", paidOn: "2026-11-12", lines: [{ item: "i5", product: "B", coop: "B", village: "B", category: "canned", units: 1, coopFen: 2_500, households: [["h1", 500]] }] },
  // The last day of November, partly refunded the same day.
  {
    number: "TXR-06",
    paidOn: "2026-11-30",
    lines: [{ item: "i6", product: "A", coop: "A", village: "A", category: "wine", units: 2, coopFen: 15_000, households: [["h1", 600], ["h2", 400]] }],
    refunds: [{ on: "2026-11-30", parts: [{ item: "i6", coopFen: 7_500, households: [["h1", 300], ["h2", 200]] }] }],
  },
  // After the range, and after November.
  { number: "TXR-07", paidOn: "2026-12-01", lines: [{ item: "i7", product: "A", coop: "A", village: "A", category: "wine", units: 1, coopFen: 4_000, households: [["h2", 100]] }] },
  // Before the six-month income window (June to November).
  { number: "TXR-08", paidOn: "2026-05-31", lines: [{ item: "i8", product: "A", coop: "A", village: "A", category: "wine", units: 1, coopFen: 3_000, households: [["h2", 700]] }] },
];

async function loadWorld(): Promise<World> {
  const db = t.db;
  const coop = (slug: string) => db.cooperative.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, villageId: true } });
  const [a, b] = await Promise.all([coop(GRAPE_COOPERATIVE_SLUG), coop(CANNING_COOPERATIVE_SLUG)]);
  const category = async (slug: string) => (await db.category.findUniqueOrThrow({ where: { slug } })).id;
  const product = async (cooperativeId: string) => (await db.product.findFirstOrThrow({ where: { cooperativeId }, orderBy: { slug: "asc" } })).id;
  const households = async (cooperativeId: string) =>
    (await db.householdParticipation.findMany({ where: { cooperativeId, active: true }, orderBy: { household: { code: "asc" } }, select: { householdId: true } })).map((p) => p.householdId);
  const [allA, hB] = await Promise.all([households(a.id), households(b.id)]);
  // Households of one cooperative only, so "not one of coop B's households" holds for household 1.
  const hA = allA.filter((id) => !hB.includes(id));
  expect(a.villageId).not.toBe(b.villageId);
  expect(hA.length).toBeGreaterThan(2);
  return {
    coopA: { id: a.id, slug: a.slug },
    coopB: { id: b.id, slug: b.slug },
    villageA: a.villageId,
    villageB: b.villageId,
    wine: await category("wine"),
    canned: await category("canned-fruit"),
    productA: await product(a.id),
    productB: await product(b.id),
    h1: hA[0]!,
    h2: hA[1]!,
    h3: hB.find((id) => !hA.includes(id))!,
    buyerId: (await db.user.findUniqueOrThrow({ where: { email: "buyer@demo.tangxian.shop" } })).id,
  };
}

const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** Writes orders, items, payments, refunds and the ledger; then the rollups, from the ledger, in SQL. */
async function writeFixture() {
  const db = t.db;
  const itemIds = new Map<string, string>();
  for (const o of ORDERS) {
    const lineFen = (l: Line) => l.coopFen + l.households.reduce((s, [, f]) => s + f, 0);
    const itemsFen = o.lines.reduce((s, l) => s + lineFen(l), 0);
    const order = await db.order.create({
      data: {
        number: o.number,
        buyerId: w.buyerId,
        status: "PAID",
        paymentMethod: "BANK_TRANSFER",
        itemsFen,
        shippingFen: 1_000,
        totalFen: itemsFen + 1_000,
        recipient: "报表测试",
        phone: "13800138000",
        district: "chaoyang",
        street: "朝阳门外大街 1 号",
        placedAt: midnight(o.paidOn),
        paidAt: midnight(o.paidOn),
        items: {
          create: o.lines.map((l) => ({
            productId: l.product === "A" ? w.productA : w.productB,
            cooperativeId: l.coop === "A" ? w.coopA.id : w.coopB.id,
            categoryId: l.category === "wine" ? w.wine : w.canned,
            originVillageId: l.village === "A" ? w.villageA : w.villageB,
            nameZh: `商品 ${l.item}`,
            nameEn: `Product ${l.item}`,
            unitPriceFen: Math.floor(lineFen(l) / l.units),
            quantity: l.units,
            lineTotalFen: lineFen(l),
            benefitRuleType: "PERCENT_OF_REVENUE" as const,
            benefitBasisPoints: 1000,
            beneficiaries: [],
          })),
        },
      },
      select: { id: true, items: { select: { id: true, nameEn: true } } },
    });
    for (const i of order.items) itemIds.set(i.nameEn.replace("Product ", ""), i.id);
    const payment = await db.payment.create({ data: { orderId: order.id, method: "BANK_TRANSFER", status: "SUCCEEDED", amountFen: itemsFen + 1_000, succeededAt: midnight(o.paidOn) } });
    const base = (l: Line) => ({
      orderId: order.id,
      orderItemId: itemIds.get(l.item)!,
      cooperativeId: l.coop === "A" ? w.coopA.id : w.coopB.id,
      villageId: l.village === "A" ? w.villageA : w.villageB,
      categoryId: l.category === "wine" ? w.wine : w.canned,
    });
    for (const l of o.lines) {
      entries.push({ ...base(l), kind: "COOPERATIVE_REVENUE", refundId: null, householdId: null, amountFen: l.coopFen, units: l.units, day: o.paidOn });
      for (const [h, fen] of l.households) entries.push({ ...base(l), kind: "HOUSEHOLD_BENEFIT", refundId: null, householdId: w[h], amountFen: fen, units: 0, day: o.paidOn });
    }
    for (const r of o.refunds ?? []) {
      const amountFen = r.parts.reduce((s, p) => s + p.coopFen + p.households.reduce((x, [, f]) => x + f, 0), 0);
      const refund = await db.refund.create({ data: { orderId: order.id, paymentId: payment.id, amountFen, items: [], status: "SUCCEEDED", succeededAt: midnight(r.on) } });
      for (const p of r.parts) {
        const l = o.lines.find((x) => x.item === p.item)!;
        entries.push({ ...base(l), kind: "COOPERATIVE_REVENUE", refundId: refund.id, householdId: null, amountFen: -p.coopFen, units: 0, day: r.on });
        for (const [h, fen] of p.households) entries.push({ ...base(l), kind: "HOUSEHOLD_BENEFIT", refundId: refund.id, householdId: w[h], amountFen: -fen, units: 0, day: r.on });
      }
    }
    await db.ledgerEntry.createMany({
      data: entries
        .filter((e) => e.orderId === order.id)
        .map((e, n) => ({
          ...e,
          idempotencyKey: `${e.refundId ? `refund:${e.refundId}` : "paid"}:${e.orderItemId}:${e.householdId ?? "cooperative"}:${n}`,
          paymentId: payment.id,
          day: midnight(e.day),
        })),
    });
  }
  // The rollups, as the payment transaction keeps them (orders counted when paid, money net of refunds), grouped from
  // the fixture's ledger.
  await rebuildRollups(db);
  await db.settlement.create({ data: { cooperativeId: w.coopA.id, periodStart: midnight("2026-11-01"), periodEnd: midnight("2026-11-30"), amountFen: 0, status: "CONFIRMED" } });
}

// ───────────────────────── Expected values, by hand ─────────────────────────

const inRange = (e: Entry, from: string, to: string) => e.day >= from && e.day <= to;

function groupOf(e: Entry, by: ReportBy): string {
  if (by === "village") return e.villageId;
  if (by === "cooperative") return e.cooperativeId;
  if (by === "category") return e.categoryId;
  return e.day.slice(0, 7);
}

function expectedRow(es: Entry[]) {
  const net = new Map<string, number>();
  for (const e of es) if (e.householdId) net.set(e.householdId, (net.get(e.householdId) ?? 0) + e.amountFen);
  return {
    orders: new Set(es.filter((e) => e.refundId === null).map((e) => e.orderId)).size,
    units: es.reduce((s, e) => s + e.units, 0),
    revenueFen: es.reduce((s, e) => s + e.amountFen, 0),
    householdBenefitFen: es.filter((e) => e.kind === "HOUSEHOLD_BENEFIT").reduce((s, e) => s + e.amountFen, 0),
    householdsReached: [...net.values()].filter((fen) => fen > 0).length,
  };
}

function expectedSales({ by, from, to }: ReportQuery) {
  const es = entries.filter((e) => inRange(e, from, to));
  const groups = new Map<string, Entry[]>();
  for (const e of es) groups.set(groupOf(e, by), [...(groups.get(groupOf(e, by)) ?? []), e]);
  return { rows: new Map([...groups].map(([key, g]) => [key, expectedRow(g)])), total: expectedRow(es) };
}

// ─────────────────────────────── The tests ───────────────────────────────

beforeAll(async () => {
  t = await createTestDatabase("shop_reports");
  await seedDatabase(t.db);
  w = await loadWorld();
  await writeFixture();
});

afterAll(async () => {
  await t?.drop();
});

describe("salesReport", () => {
  const ranges = [
    ["October and November", "2026-10-01", "2026-11-30"],
    ["October", "2026-10-01", "2026-10-31"],
    ["November", "2026-11-01", "2026-11-30"],
    ["one day with a payment and its refund", "2026-11-30", "2026-11-30"],
    ["a year", "2026-01-01", "2026-12-31"],
  ] as const;
  const cases = (["village", "cooperative", "category", "month"] as const).flatMap((by) => ranges.map(([name, from, to]) => [by, name, from, to] as const));

  test.each(cases)("by %s, %s: every row and the totals match the ledger", async (by, _name, from, to) => {
    const report = await salesReport(t.db, { by, from, to });
    const expected = expectedSales({ by, from, to });
    expect(report.rows.map((r) => r.key).sort()).toEqual([...expected.rows.keys()].sort());
    for (const row of report.rows) {
      const { key, labelZh, labelEn, ...numbers } = row;
      expect(numbers, `${by} ${key}`).toEqual(expected.rows.get(key));
      expect(labelZh).not.toBe("");
      expect(labelEn).not.toBe("");
    }
    expect(report.total).toMatchObject({ key: "", ...expected.total });
    // Money and counts are numbers, never bigint.
    for (const v of Object.values(report.total)) expect(["number", "string"]).toContain(typeof v);
  });

  test("the fixture's edge cases show up as such (hand-checked numbers)", async () => {
    const oct_nov = { from: "2026-10-01", to: "2026-11-30" };
    const byCoop = await salesReport(t.db, { by: "cooperative", ...oct_nov });
    const a = byCoop.rows.find((r) => r.key === w.coopA.id)!;
    const b = byCoop.rows.find((r) => r.key === w.coopB.id)!;
    // Coop A: TXR-02, 04, 06 (not 01 before the range, not 07 after); TXR-06 half refunded.
    expect(a).toMatchObject({ orders: 3, units: 2 + 5 + 2, revenueFen: 20_000 + 13_600 + 16_000 - 8_000, householdBenefitFen: 3_000 + 1_050 + 1_000 - 500, householdsReached: 2 });
    // Coop B: TXR-03 fully refunded (household 3 nets zero: not reached), TXR-05 reaches household 1.
    expect(b).toMatchObject({ orders: 2, units: 4, revenueFen: 3_000, householdBenefitFen: 500, householdsReached: 1 });
    // Household 1 is reached through both cooperatives: the rows say 3, the whole range says 2.
    expect(byCoop.total.householdsReached).toBe(2);
    expect(byCoop.rows.reduce((s, r) => s + r.householdsReached, 0)).toBe(3);
    expect(byCoop.total.revenueFen).toBe(a.revenueFen + b.revenueFen);
    // Largest revenue first.
    expect(byCoop.rows.map((r) => r.key)).toEqual([w.coopA.id, w.coopB.id]);

    // By village: the origin of the produce, not the cooperative's village (TXR-04's second line is village B's).
    const byVillage = await salesReport(t.db, { by: "village", from: "2026-11-03", to: "2026-11-03" });
    expect(byVillage.rows.map((r) => [r.key, r.labelZh, r.orders, r.units, r.revenueFen])).toEqual([
      [w.villageA, "南洪城村", 1, 1, 9_000],
      [w.villageB, "洪南城村", 1, 4, 4_600],
    ]);
    expect(byVillage.total.orders).toBe(1);

    // By month: calendar order, labelled YYYY-MM; November's refund of October's order is November's.
    const byMonth = await salesReport(t.db, { by: "month", from: "2026-09-01", to: "2026-12-31" });
    expect(byMonth.rows.map((r) => r.labelZh)).toEqual(["2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(byMonth.rows.map((r) => r.householdsReached)).toEqual([1, 3, 2, 1]);
    const nov = byMonth.rows[2]!;
    expect(nov.revenueFen).toBe(9_000 + 4_600 - 9_200 + 3_000 + 16_000 - 8_000);
  });

  test("a range with nothing in it: no rows, zero totals", async () => {
    const report = await salesReport(t.db, { by: "village", from: "2025-01-01", to: "2025-12-31" });
    expect(report.rows).toEqual([]);
    expect(report.total).toMatchObject({ orders: 0, units: 0, revenueFen: 0, householdBenefitFen: 0, householdsReached: 0 });
  });

  test("a campaign day above 32 bits of fen adds up exactly (rollup money is BIGINT)", async () => {
    // ¥30,000,000.00 and ¥12,345,678.91 in one day's rows, far from any other test's days; removed afterwards.
    const day = new Date("2024-06-18T00:00:00Z");
    const big = [
      { dimension: "TOTAL" as const, key: "", revenueFen: 3_000_000_000n, householdBenefitFen: 1_234_567_891n },
      { dimension: "VILLAGE" as const, key: w.villageA, revenueFen: 3_000_000_000n, householdBenefitFen: 1_234_567_891n },
    ];
    await t.db.salesDailyRollup.createMany({ data: big.map((r) => ({ ...r, day, orders: 2, units: 200_000 })) });
    try {
      const report = await salesReport(t.db, { by: "village", from: "2024-06-18", to: "2024-06-18" });
      expect(report.rows.map((r) => [r.key, r.revenueFen, r.householdBenefitFen])).toEqual([[w.villageA, 3_000_000_000, 1_234_567_891]]);
      expect(report.total).toMatchObject({ orders: 2, units: 200_000, revenueFen: 3_000_000_000, householdBenefitFen: 1_234_567_891 });
    } finally {
      await t.db.salesDailyRollup.deleteMany({ where: { day } });
    }
  });

  test("labels are the names in both languages", async () => {
    const report = await salesReport(t.db, { by: "category", from: "2026-10-01", to: "2026-11-30" });
    expect(Object.fromEntries(report.rows.map((r) => [r.labelZh, r.labelEn]))).toEqual({ 葡萄酒: "Wine", 水果罐头: "Canned fruit" });
  });
});


const yuan = (fen: number) => (fen / 100).toFixed(2);

describe("the sales CSV", () => {
  test("BOM, Chinese header, a row per group, the total; names quoted and guarded against formulas", async () => {
    const original = await t.db.cooperative.findUniqueOrThrow({ where: { id: w.coopB.id }, select: { nameZh: true, nameEn: true } });
    await t.db.cooperative.update({ where: { id: w.coopB.id }, data: { nameZh: '=洪南城,"罐头"合作社', nameEn: "Hongnancheng, Canning" } });
    try {
      const q = { by: "cooperative", from: "2026-10-01", to: "2026-11-30" } as const;
      const report = await salesReport(t.db, q);
      const csv = salesCsv(report, q.by, translator("zh-CN"), "zh-CN");
      const bytes = Buffer.from(csv, "utf8");
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csv.endsWith("\r\n")).toBe(true);
      expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const lines = csv.slice(1).split("\r\n");
      expect(lines[0]).toBe("合作社,订单数,件数,营业额（元）,农户收益（元）,受益农户（户）");
      // The cooperative's name: apostrophe first (a formula otherwise), then quoted for its comma and quotes.
      expect(lines).toContain(`"'=洪南城,""罐头""合作社",2,4,30.00,5.00,1`);
      const rows = readCsv(csv.slice(1));
      expect(rows).toHaveLength(1 + report.rows.length + 1);
      const total = rows.at(-1)!;
      const e = expectedSales(q).total;
      expect(total).toEqual(["合计", String(e.orders), String(e.units), yuan(e.revenueFen), yuan(e.householdBenefitFen), String(e.householdsReached)]);
      // The money columns add up to the total, to the fen.
      const body = rows.slice(1, -1);
      expect(body.reduce((s, r) => s + Math.round(Number(r[3]) * 100), 0)).toBe(e.revenueFen);
      expect(body.reduce((s, r) => s + Math.round(Number(r[4]) * 100), 0)).toBe(e.householdBenefitFen);

      const en = salesCsv(report, q.by, translator("en"), "en");
      expect(en.slice(1).split("\r\n")[0]).toBe("Cooperative,Orders,Units,Revenue (yuan),Household benefit (yuan),Households reached");
      expect(en).toContain(`"Hongnancheng, Canning",2,4,30.00,5.00,1\r\n`);
      expect(en).toContain(`\r\nTotal,${e.orders},`);
    } finally {
      await t.db.cooperative.update({ where: { id: w.coopB.id }, data: original });
    }
  });

  test("by month: one row per month, negative money without an apostrophe", async () => {
    const q = { by: "month", from: "2026-11-10", to: "2026-11-10" } as const;
    const csv = salesCsv(await salesReport(t.db, q), q.by, translator("zh-CN"), "zh-CN");
    // 10 November holds only TXR-03's refund: no orders, money taken back, nobody reached.
    expect(csv).toBe("\uFEFF月份,订单数,件数,营业额（元）,农户收益（元）,受益农户（户）\r\n2026-11,0,0,-92.00,-12.00,0\r\n合计,0,0,-92.00,-12.00,0\r\n");
  });
});

describe("householdIncomeByMonth", () => {
  const NOW = new Date("2026-11-15T02:00:00.000Z");
  const MONTHS = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];

  function expectedIncome(cooperativeId: string, householdId: string): number[] {
    return MONTHS.map((m) =>
      entries.filter((e) => e.cooperativeId === cooperativeId && e.householdId === householdId && e.day.startsWith(m)).reduce((s, e) => s + e.amountFen, 0),
    );
  }

  test("every household of the cooperative, also those with nothing, with its net income per month", async () => {
    const { months, rows } = (await householdIncomeByMonth(t.db, { ...own(w.coopA.id), count: 6, now: NOW }))!;
    expect(months).toEqual(MONTHS);
    const participants = await t.db.household.findMany({ where: { participations: { some: { cooperativeId: w.coopA.id, active: true } } }, select: { id: true, code: true, headName: true } });
    expect(rows.map((r) => r.code)).toEqual(participants.map((p) => p.code).sort());
    for (const r of rows) {
      expect(r.monthly, r.code).toEqual(expectedIncome(w.coopA.id, r.householdId));
      expect(r.totalFen).toBe(r.monthly.reduce((s, x) => s + x, 0));
      expect(r.headName).toBe(participants.find((p) => p.id === r.householdId)!.headName);
      expect(r.participating).toBe(true);
      expect(r.benefitTypes.length).toBeGreaterThan(0);
      expect(r.village.nameZh).not.toBe("");
    }
    // Household 2: September (TXR-01) 1,000; October 1,200; November 300 + 400 − 200. May and December are outside.
    expect(rows.find((r) => r.householdId === w.h2)!.monthly).toEqual([0, 0, 0, 1_000, 1_200, 500]);
    expect(rows.filter((r) => r.totalFen === 0).length).toBeGreaterThan(0);
    // The table adds up to coop A's household entries in the window.
    const window = entries.filter((e) => e.cooperativeId === w.coopA.id && e.householdId && e.day >= "2026-06-01" && e.day <= "2026-11-30");
    expect(rows.reduce((s, r) => s + r.totalFen, 0)).toBe(window.reduce((s, e) => s + e.amountFen, 0));
  });

  test("a household paid by the cooperative without taking part is listed too, marked so", async () => {
    const { rows } = (await householdIncomeByMonth(t.db, { ...own(w.coopB.id), count: 6, now: NOW }))!;
    const h1 = rows.find((r) => r.householdId === w.h1)!;
    expect(h1).toMatchObject({ participating: false, benefitTypes: [], monthly: [0, 0, 0, 0, 0, 500], totalFen: 500 });
    // Household 3: October's income and November's refund.
    expect(rows.find((r) => r.householdId === w.h3)!).toMatchObject({ participating: true, monthly: [0, 0, 0, 0, 1_200, -1_200], totalFen: 0 });
    // Nobody of coop A's appears otherwise.
    expect(rows.some((r) => r.householdId === w.h2)).toBe(false);
  });

  test("a cooperative with no households and no income: nothing", async () => {
    expect(await householdIncomeByMonth(t.db, { ...own("no-such-cooperative"), count: 6, now: NOW })).toEqual({ months: MONTHS, rows: [] });
  });
});

describe("settlementStatement", () => {
  function expectedStatement(cooperativeId: string, month: string) {
    const es = entries.filter((e) => e.cooperativeId === cooperativeId && e.day.startsWith(month));
    const sum = (xs: Entry[]) => xs.reduce((s, e) => s + e.amountFen, 0);
    const perHousehold = new Map<string, number>();
    for (const e of es) if (e.householdId) perHousehold.set(e.householdId, (perHousehold.get(e.householdId) ?? 0) + e.amountFen);
    return {
      cooperativeFen: sum(es.filter((e) => e.kind === "COOPERATIVE_REVENUE")),
      householdFen: sum(es.filter((e) => e.kind === "HOUSEHOLD_BENEFIT")),
      totalFen: sum(es),
      lineCount: new Set(es.map((e) => `${e.orderItemId}:${e.refundId}`)).size,
      perHousehold,
    };
  }

  test("coop A, November: payments, a same-day partial refund as its own negative line, totals, the settlement's status", async () => {
    const s = (await settlementStatement(t.db, { ...own(w.coopA.id), month: parseMonth("2026-11")! }))!;
    const e = expectedStatement(w.coopA.id, "2026-11");
    expect(s).toMatchObject({ month: "2026-11", cooperativeFen: e.cooperativeFen, householdFen: e.householdFen, totalFen: e.totalFen, status: "CONFIRMED" });
    expect(s.cooperative).toMatchObject({ id: w.coopA.id, slug: w.coopA.slug });
    expect(s.totalFen).toBe(8_550 + 450 + 4_000 + 600 + 15_000 + 1_000 - 7_500 - 500);
    expect(s.lines).toHaveLength(e.lineCount);
    expect(s.lines.map((l) => [l.day, l.orderNumber, l.productEn, l.refund, l.units, l.revenueFen, l.cooperativeFen, l.householdFen])).toEqual([
      ["2026-11-03", "TXR-04", "Product i4a", false, 1, 9_000, 8_550, 450],
      ["2026-11-03", "TXR-04", "Product i4b", false, 4, 4_600, 4_000, 600],
      ["2026-11-30", "TXR-06", "Product i6", false, 2, 16_000, 15_000, 1_000],
      ["2026-11-30", "TXR-06", "Product i6", true, 0, -8_000, -7_500, -500],
    ]);
    for (const l of s.lines) expect(l.revenueFen).toBe(l.cooperativeFen + l.householdFen);
    expect(s.lines.reduce((x, l) => x + l.revenueFen, 0)).toBe(s.totalFen);
    // Per household, with the name, and adding up to the households' total.
    const codes = new Map((await t.db.household.findMany({ where: { id: { in: [...e.perHousehold.keys()] } }, select: { id: true, code: true, headName: true } })).map((h) => [h.id, h]));
    expect(s.households).toEqual(
      [...e.perHousehold].map(([id, amountFen]) => ({ code: codes.get(id)!.code, headName: codes.get(id)!.headName, amountFen })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
    expect(s.households.reduce((x, h) => x + h.amountFen, 0)).toBe(s.householdFen);
  });

  test("coop B, November: October's order refunded in November is a negative line; no settlement drawn up", async () => {
    const s = (await settlementStatement(t.db, { ...own(w.coopB.id), month: parseMonth("2026-11")! }))!;
    const e = expectedStatement(w.coopB.id, "2026-11");
    expect(s).toMatchObject({ cooperativeFen: e.cooperativeFen, householdFen: e.householdFen, totalFen: e.totalFen, status: null });
    expect(s.totalFen).toBe(-9_200 + 3_000);
    expect(s.lines.map((l) => [l.orderNumber, l.refund, l.revenueFen])).toEqual([
      ["TXR-03", true, -9_200],
      ["TXR-05", false, 3_000],
    ]);
    // Household 1 is coop A's, but coop B passes its benefit on: it is on coop B's statement.
    expect(s.households.map((h) => h.amountFen).sort((a, b) => a - b)).toEqual([-1_200, 500]);
  });

  test("a month with nothing, and a cooperative that does not exist", async () => {
    const s = (await settlementStatement(t.db, { ...own(w.coopA.id), month: parseMonth("2026-08")! }))!;
    expect(s).toMatchObject({ lines: [], households: [], cooperativeFen: 0, householdFen: 0, totalFen: 0, status: null });
    expect(await settlementStatement(t.db, { ...own("no-such-cooperative"), month: parseMonth("2026-11")! })).toBeNull();
  });

  test("the statement CSV: BOM, title, shipping note, lines with negative refunds, households, what is owed", async () => {
    const s = (await settlementStatement(t.db, { ...own(w.coopA.id), month: parseMonth("2026-11")! }))!;
    const csv = statementCsv(s, translator("zh-CN"), "zh-CN");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]![0]).toContain("2026-11 结算单");
    expect(rows[1]![0]).toContain("运费");
    expect(rows[2]).toEqual(["日期", "订单", "商品", "件数", "货款（元）", "合作社（元）", "农户（元）"]);
    expect(rows.slice(3, 7)).toEqual([
      ["2026-11-03", "TXR-04", "商品 i4a", "1", "90.00", "85.50", "4.50"],
      ["2026-11-03", "TXR-04", "商品 i4b", "4", "46.00", "40.00", "6.00"],
      ["2026-11-30", "TXR-06", "商品 i6", "2", "160.00", "150.00", "10.00"],
      ["2026-11-30", "TXR-06", "商品 i6 (退款冲销)", "0", "-80.00", "-75.00", "-5.00"],
    ]);
    expect(rows[7]).toEqual(["合计", "", "", "7", yuan(s.totalFen), yuan(s.cooperativeFen), yuan(s.householdFen)]);
    const h = rows.findIndex((r) => r[0] === "农户编码");
    expect(rows.slice(h + 1, h + 1 + s.households.length)).toEqual(s.households.map((x) => [x.code, x.headName ?? "", yuan(x.amountFen)]));
    expect(rows.at(-1)).toEqual(["本月应付合计", yuan(s.totalFen)]);
  });
});
