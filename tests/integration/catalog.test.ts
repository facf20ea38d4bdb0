// Catalog reads on a real database (PostgreSQL from TEST_DATABASE_URL, else embedded PGlite), migrated and
// seeded from scratch: filters, sorting, paging, Chinese search, the pages' detail reads, stock as shown while a
// reservation has expired but is not swept yet, and the cache tags an order invalidates.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { splitLine, ruleFromColumns } from "@/lib/domain/benefit";
import { LOW_STOCK, sellableWhere } from "@/lib/domain/catalog";
import { sweepExpiredReservations } from "@/lib/server/orders/sweep";
import { seedDatabase } from "@/lib/seed";
import {
  getCatalogFacets,
  getCooperative,
  getHome,
  getProduct,
  getSitemapEntries,
  getVillage,
  listProducts,
  orderStockChanges,
  stockChangeTags,
} from "@/lib/server/queries/catalog";
import { PAGE_SIZE, parseCatalogQuery } from "@/lib/validation/catalog";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder } from "../helpers/orders";

let t: TestDatabase;
// The one rule of what is on sale (lib/domain/catalog.ts), the same object the reads filter with.
const live = sellableWhere();

beforeAll(async () => {
  t = await createTestDatabase("shop_catalog");
  await seedDatabase(t.db);
});

afterAll(async () => {
  await t?.drop();
});

const q = (params: Record<string, string>) => parseCatalogQuery(params);

describe("listProducts", () => {
  test("no filter: every live product, paged", async () => {
    const total = await t.db.product.count({ where: live });
    const page1 = await listProducts(t.db, q({}), "zh-CN");
    expect(page1.total).toBe(total);
    expect(page1.items).toHaveLength(Math.min(PAGE_SIZE, total));
    expect(page1.pageCount).toBe(Math.ceil(total / PAGE_SIZE));
    // Pages do not overlap and together hold every product.
    const slugs = new Set<string>();
    for (let page = 1; page <= page1.pageCount; page++) {
      for (const item of (await listProducts(t.db, q({ page: String(page) }), "zh-CN")).items) slugs.add(item.slug);
    }
    expect(slugs.size).toBe(total);
  });

  test("uncertified products and products of uncertified cooperatives are never listed", async () => {
    const hidden = await t.db.product.findMany({ where: { NOT: live }, select: { slug: true } });
    expect(hidden.length).toBeGreaterThan(0);
    const all = await listProducts(t.db, { ...q({}), page: 1 }, "zh-CN");
    const everything = new Set<string>();
    for (let page = 1; page <= all.pageCount; page++) {
      for (const item of (await listProducts(t.db, q({ page: String(page) }), "zh-CN")).items) everything.add(item.slug);
    }
    for (const h of hidden) expect(everything.has(h.slug)).toBe(false);
    for (const h of hidden) expect(await getProduct(t.db, h.slug, "zh-CN")).toBeNull();
  });

  test("category 葡萄酒 (wine)", async () => {
    const result = await listProducts(t.db, q({ category: "wine" }), "zh-CN");
    const expected = await t.db.product.count({ where: { ...live, category: { slug: "wine" } } });
    expect(result.total).toBe(expected);
    expect(expected).toBeGreaterThanOrEqual(5);
    expect(result.items.every((p) => p.category.slug === "wine" && p.category.name === "葡萄酒")).toBe(true);
  });

  test("village, cooperative and price range combine", async () => {
    const result = await listProducts(t.db, q({ village: "nanhongcheng", min: "50", max: "200" }), "zh-CN");
    const expected = await t.db.product.count({
      where: { ...live, originVillage: { slug: "nanhongcheng" }, priceFen: { gte: 5000, lte: 20000 } },
    });
    expect(result.total).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const p of result.items) {
      expect(p.village.slug).toBe("nanhongcheng");
      expect(p.priceFen).toBeGreaterThanOrEqual(5000);
      expect(p.priceFen).toBeLessThanOrEqual(20000);
    }
    const coop = result.items[0]!.cooperative.slug;
    const byCoop = await listProducts(t.db, q({ cooperative: coop }), "zh-CN");
    expect(byCoop.items.every((p) => p.cooperative.slug === coop)).toBe(true);
  });

  test.each([
    ["price-asc", (a: number, b: number) => a <= b],
    ["price-desc", (a: number, b: number) => a >= b],
  ] as const)("sort %s", async (sort, inOrder) => {
    const { items } = await listProducts(t.db, q({ sort }), "zh-CN");
    for (let i = 1; i < items.length; i++) expect(inOrder(items[i - 1]!.priceFen, items[i]!.priceFen)).toBe(true);
  });

  test.each([
    ["葡萄酒", (p: { category: { slug: string } }) => p.category.slug === "wine"],
    ["罐头", (p: { category: { slug: string } }) => p.category.slug === "canned-fruit"],
    ["南洪城", (p: { village: { slug: string } }) => p.village.slug === "nanhongcheng"],
  ])("Chinese search %s", async (term, matches) => {
    const result = await listProducts(t.db, q({ q: term }), "zh-CN");
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.some(matches)).toBe(true);
  });

  test("search terms combine with AND, English matches too, nonsense finds nothing", async () => {
    const wine = await listProducts(t.db, q({ q: "wine" }), "en");
    expect(wine.total).toBeGreaterThan(0);
    const both = await listProducts(t.db, q({ q: "葡萄酒 南洪城" }), "zh-CN");
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual((await listProducts(t.db, q({ q: "葡萄酒" }), "zh-CN")).total);
    expect((await listProducts(t.db, q({ q: "不存在的商品名称xyz" }), "zh-CN")).total).toBe(0);
    // LIKE wildcards in the query are literal text, not patterns.
    expect((await listProducts(t.db, q({ q: "%%%_" }), "zh-CN")).total).toBe(0);
  });

  test("a card's benefit per unit and household count are the benefit module's, households of weight 0 left out", async () => {
    // One listed product gets a household of weight 0 (it shares nothing): the count must not include it.
    const listed = (await listProducts(t.db, q({ sort: "price-asc" }), "zh-CN")).items;
    const withZero = await t.db.product.findUniqueOrThrow({ where: { slug: listed[0]!.slug }, select: { id: true, beneficiaries: { select: { householdId: true } } } });
    const outsider = await t.db.household.findFirstOrThrow({ where: { id: { notIn: withZero.beneficiaries.map((b) => b.householdId) } }, select: { id: true } });
    await t.db.productBeneficiary.create({ data: { productId: withZero.id, householdId: outsider.id, weight: 0 } });
    try {
      const { items, pageCount } = await listProducts(t.db, q({ sort: "price-asc" }), "zh-CN");
      expect(pageCount).toBeGreaterThan(0);
      const rows = await t.db.product.findMany({ where: { slug: { in: items.map((i) => i.slug) } }, include: { beneficiaries: true } });
      expect(rows.find((r) => r.id === withZero.id)!.beneficiaries.some((b) => b.weight === 0)).toBe(true);
      for (const item of items) {
        const row = rows.find((r) => r.slug === item.slug)!;
        const split = splitLine(ruleFromColumns(row), row.priceFen, 1, row.beneficiaries);
        expect({ slug: item.slug, unitBenefitFen: item.unitBenefitFen, householdCount: item.householdCount }).toEqual({
          slug: row.slug,
          unitBenefitFen: split.poolFen,
          householdCount: split.households.length,
        });
      }
    } finally {
      await t.db.productBeneficiary.delete({ where: { productId_householdId: { productId: withZero.id, householdId: outsider.id } } });
    }
  });

  test("a page past the end shows the last page", async () => {
    const result = await listProducts(t.db, q({ page: "500" }), "zh-CN");
    expect(result.page).toBe(result.pageCount);
    expect(result.items.length).toBeGreaterThan(0);
  });
});

describe("detail reads", () => {
  test("product: the unit split is the benefit module's, and no household name leaves the query", async () => {
    const row = await t.db.product.findFirstOrThrow({
      where: { ...live, beneficiaries: { some: {} } },
      include: { beneficiaries: true },
    });
    const detail = await getProduct(t.db, row.slug, "zh-CN");
    expect(detail).not.toBeNull();
    const split = splitLine(ruleFromColumns(row), row.priceFen, 1, row.beneficiaries);
    expect(detail!.unitSplit).toEqual({
      revenueFen: row.priceFen,
      poolFen: split.poolFen,
      cooperativeFen: split.cooperativeFen,
      householdCount: split.households.length,
    });
    expect(detail!.unitSplit.poolFen + detail!.unitSplit.cooperativeFen).toBe(row.priceFen);
    const names = (await t.db.household.findMany({ where: { headName: { not: null } }, select: { headName: true } })).map((h) => h.headName!);
    const json = JSON.stringify(detail);
    for (const n of names) expect(json).not.toContain(n);
    expect(detail!.certificateNumber).toBe(row.certificateNumber);
  });

  test("English names and descriptions", async () => {
    const row = await t.db.product.findFirstOrThrow({ where: live });
    const en = await getProduct(t.db, row.slug, "en");
    expect(en!.name).toBe(row.nameEn);
    expect(en!.description).toBe(row.descriptionEn);
  });

  test("village, cooperative, home, facets and sitemap", async () => {
    const village = await getVillage(t.db, "nanhongcheng", "zh-CN");
    expect(village?.name).toBe("南洪城村");
    expect(village!.products.length).toBeGreaterThan(0);
    expect(village!.cooperatives.length).toBeGreaterThan(0);
    const coop = await getCooperative(t.db, village!.cooperatives[0]!.slug, "zh-CN");
    expect(coop!.products.length).toBeGreaterThan(0);
    expect(coop!.householdCount).toBeGreaterThan(0);
    expect(await getVillage(t.db, "no-such-village", "zh-CN")).toBeNull();
    expect(await getCooperative(t.db, "no-such-coop", "zh-CN")).toBeNull();

    const home = await getHome(t.db, "zh-CN");
    expect(home.featured.length).toBeGreaterThan(0);
    expect(home.categories.map((c) => c.slug)).toEqual(expect.arrayContaining(["wine", "canned-fruit"]));
    const facets = await getCatalogFacets(t.db, "zh-CN");
    expect(facets.categories.reduce((s, c) => s + c.count, 0)).toBe(await t.db.product.count({ where: live }));
    const sitemap = await getSitemapEntries(t.db);
    expect(sitemap.products.length).toBe(await t.db.product.count({ where: live }));
    // Values must survive the data cache's JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(home))).toEqual(home);
  });
});

describe("stock as shown, and what an order invalidates", () => {
  /** Two live products of one cooperative, well in stock, set to a known stock. */
  async function twoProducts(stock: number) {
    const rows = await t.db.product.findMany({ where: { ...live, stock: { gt: 0 } }, select: { id: true, slug: true, cooperativeId: true }, orderBy: { slug: "asc" } });
    const a = rows.find((r) => rows.some((o) => o.cooperativeId === r.cooperativeId && o.id !== r.id))!;
    const b = rows.find((r) => r.cooperativeId === a.cooperativeId && r.id !== a.id)!;
    await t.db.product.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { stock } });
    return { a, b };
  }

  test("an order touches only its own products, and only when a stock level changes", async () => {
    const { a, b } = await twoProducts(100);
    const order = await placeTestOrder(t.db, "BANK_TRANSFER", [[a.id, 2]], "tags");
    const changes = await orderStockChanges(t.db, [order.orderId], "taken");
    expect(changes).toEqual([{ productId: a.id, stockAfter: 98, delta: -2 }]);
    // 100 → 98 stays "in stock": nothing (the page's count is read again by the browser); b is not touched at all.
    expect(stockChangeTags(changes)).toEqual([]);

    const last = await placeTestOrder(t.db, "BANK_TRANSFER", [[b.id, 100 - LOW_STOCK]], "tags");
    expect(stockChangeTags(await orderStockChanges(t.db, [last.orderId], "taken"))).toEqual([`product:${b.id}`, `card:${b.id}`]);
  });

  test("an expired, unswept reservation shows as on sale, without a write, and bounds the read's lifetime", async () => {
    const { a } = await twoProducts(10);
    const placedAt = new Date(Date.now() - 3 * 24 * 3600_000);
    const old = await placeTestOrder(t.db, "STRIPE", [[a.id, 4]], "expired", placedAt);
    expect(old.reservedUntil.getTime()).toBeLessThan(Date.now());
    const fresh = await placeTestOrder(t.db, "STRIPE", [[a.id, 1]], "fresh");

    const before = await t.db.product.findUniqueOrThrow({ where: { id: a.id }, select: { stock: true } });
    expect(before.stock).toBe(5);
    const product = await getProduct(t.db, a.slug, "zh-CN");
    // 5 in the column + 4 held by the expired order; the fresh hold of 1 is still taken.
    expect(product!.stock).toBe(9);
    expect(product!.stockValidUntil).toBe(fresh.reservedUntil.getTime());
    // Reading wrote nothing: the expired order is still pending, its units still held.
    expect(await t.db.order.findUniqueOrThrow({ where: { id: old.orderId }, select: { status: true } })).toEqual({ status: "PENDING_PAYMENT" });
    expect((await t.db.product.findUniqueOrThrow({ where: { id: a.id }, select: { stock: true } })).stock).toBe(5);

    // The sweep changes the rows, not what is shown.
    expect(await sweepExpiredReservations(t.db)).toBeGreaterThanOrEqual(1);
    expect((await getProduct(t.db, a.slug, "zh-CN"))!.stock).toBe(9);
  });
});
