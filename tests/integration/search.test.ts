// Catalog search through Product.searchDocument (Chinese character pairs and Latin words, lib/domain/search.ts,
// kept by the triggers of migrations 20261130085827_product_search and 20261130095602_product_search_rank), on PostgreSQL (TEST_DATABASE_URL) and on the
// embedded PGlite that `npm run dev` uses, each migrated and seeded from scratch: a fixed list of Chinese and
// English queries finds exactly what the substring search it replaced found (that ILIKE predicate is kept below
// as the oracle), in the same order; a listing is one SQL statement; renaming a village, cooperative or category
// re-indexes its products; a product created and edited through the manager's editor is found by its new name.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/migrations";
import { sellableWhere } from "@/lib/domain/catalog";
import { searchQuery } from "@/lib/domain/search";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { createProduct, updateProduct, type ProductActor } from "@/lib/server/listings/products";
import { listProducts } from "@/lib/server/queries/catalog";
import { parseCatalogQuery } from "@/lib/validation/catalog";
import { productEditorSchema } from "@/lib/validation/product";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

/** The listing's search before the search document (lib/server/queries/catalog/products.ts until issue 14). */
function oldSearchWhere(q: string): Prisma.ProductWhereInput[] {
  return q
    .split(" ")
    .filter(Boolean)
    .slice(0, 5)
    .map((raw) => raw.replace(/[\\%_]/g, "\\$&"))
    .map((term) => ({
      OR: [
        { nameZh: { contains: term, mode: "insensitive" } },
        { nameEn: { contains: term, mode: "insensitive" } },
        { descriptionZh: { contains: term, mode: "insensitive" } },
        { descriptionEn: { contains: term, mode: "insensitive" } },
        { category: { nameZh: { contains: term, mode: "insensitive" } } },
        { category: { nameEn: { contains: term, mode: "insensitive" } } },
        { cooperative: { nameZh: { contains: term, mode: "insensitive" } } },
        { cooperative: { nameEn: { contains: term, mode: "insensitive" } } },
        { originVillage: { nameZh: { contains: term, mode: "insensitive" } } },
        { originVillage: { nameEn: { contains: term, mode: "insensitive" } } },
      ],
    }));
}

// Two-character words (the case trigram indexes cannot serve), longer phrases, one character, several terms,
// names of places and cooperatives, English words in any case, phrases across punctuation, and misses.
const QUERIES = [
  "葡萄", "葡萄酒", "赤霞珠", "干红", "罐头", "黄桃罐头", "南洪城", "洪南城", "唐县", "太行", "蜂蜜", "核桃", "小米",
  "合作社", "礼盒", "桃", "蜜", "枣", "干红 南洪城", "太行 蜜", "葡萄酒 礼盒", "橡木桶陈酿", "不存在的商品",
  "wine", "Wine", "WINE", "honey", "Cabernet", "cabernet sauvignon", "Nanhongcheng", "taihang honey", "gift box",
  "walnut", "oak-aged", "Cabernet 赤霞珠", "millet 小米", "xyzzy",
] as const;

const q = (params: Record<string, string>) => parseCatalogQuery(params);

/** Every page of a listing, in order. */
async function allSlugs(db: Db, params: Record<string, string>): Promise<{ slugs: string[]; total: number }> {
  const first = await listProducts(db, q(params), "zh-CN");
  const slugs = first.items.map((i) => i.slug);
  for (let page = 2; page <= first.pageCount; page++) slugs.push(...(await listProducts(db, q({ ...params, page: String(page) }), "zh-CN")).items.map((i) => i.slug));
  return { slugs, total: first.total };
}

interface Target {
  db: Db;
  /** A second client on the same database that reports every statement it sends. */
  counting: () => ReturnType<typeof countingClient>;
  drop(): Promise<void>;
}

async function postgres(): Promise<Target> {
  const t: TestDatabase = await createTestDatabase("shop_search");
  return {
    db: t.db,
    counting: () => countingClient(new PrismaPg({ connectionString: t.url! })),
    drop: () => t.drop(),
  };
}

async function embedded(): Promise<Target> {
  const pglite = new PGlite();
  await migrateDeploy({ kind: "embedded", dataDir: null }, { pglite });
  const opened = openDatabase({ kind: "embedded", dataDir: null }, pglite);
  return {
    db: opened.db,
    counting: () => countingClient(new PrismaPGlite(pglite)),
    async drop() {
      await opened.close();
      await pglite.close();
    },
  };
}

function countingClient(adapter: PrismaPg | PrismaPGlite) {
  const db = new PrismaClient({ adapter, log: [{ emit: "event" as const, level: "query" as const }] });
  let n = 0;
  db.$on("query", () => void n++);
  return { db, statements: () => n };
}

const targets: [string, () => Promise<Target>][] = process.env.TEST_DATABASE_URL
  ? [["PostgreSQL", postgres], ["embedded PGlite", embedded]]
  : [["embedded PGlite", embedded]];

describe.each(targets)("search on %s", (_name, open) => {
  let t: Target;

  beforeAll(async () => {
    t = await open();
    await seedDatabase(t.db);
  });

  afterAll(async () => {
    await t?.drop();
  });

  test.each(QUERIES)("%s: the same products as the substring search, in the same order", async (query) => {
    const expected = await t.db.product.findMany({
      where: { ...sellableWhere(), AND: oldSearchWhere(query) },
      orderBy: [{ priceFen: "asc" }, { slug: "asc" }],
      select: { slug: true },
    });
    const found = await allSlugs(t.db, { q: query, sort: "price-asc" });
    expect(found.slugs).toEqual(expected.map((p) => p.slug));
    expect(found.total).toBe(expected.length);
    // Ranked in the default order: the same products.
    expect((await allSlugs(t.db, { q: query })).slugs.sort()).toEqual(expected.map((p) => p.slug).sort());
  });

  test("the list holds hits and misses, and 葡萄 finds more than one product", async () => {
    expect((await listProducts(t.db, q({ q: "葡萄" }), "zh-CN")).total).toBeGreaterThan(5);
    expect((await listProducts(t.db, q({ q: "不存在的商品" }), "zh-CN")).total).toBe(0);
  });

  test("every product is found by each of its own names (the SQL cut and the query's agree)", async () => {
    const products = await t.db.product.findMany({ select: { id: true, nameZh: true, nameEn: true } });
    for (const p of products)
      for (const text of [p.nameZh, p.nameEn]) {
        const rows = await t.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE "searchDocument" @@ ${searchQuery(text)}::tsquery`;
        expect(rows.map((r) => r.id), text).toContain(p.id);
      }
  });

  test("a listing is one statement; a page past the end two", async () => {
    const { db, statements } = t.counting();
    try {
      const one = await listProducts(db, q({ q: "南洪城", category: "wine", min: "10" }), "zh-CN");
      expect(one.items.length).toBeGreaterThan(0);
      expect(statements()).toBe(1);
      await listProducts(db, q({ category: "wine", page: "1" }), "en");
      expect(statements()).toBe(2);
      expect((await listProducts(db, q({ q: "xyzzy", page: "3" }), "en")).total).toBe(0);
      expect(statements()).toBe(3);
      // A page past the end: the count comes back with the empty page, then the last page is read.
      const last = await listProducts(db, q({ q: "南洪城", page: "99" }), "zh-CN");
      expect(last.page).toBe(last.pageCount);
      expect(last.items.length).toBeGreaterThan(0);
      expect(statements()).toBe(5);
    } finally {
      await db.$disconnect();
    }
  });

  test("renaming a village, a cooperative or a category re-indexes its products", async () => {
    const product = await t.db.product.findFirstOrThrow({ where: { ...sellableWhere(), slug: { startsWith: "nanhongcheng" } }, select: { slug: true, originVillageId: true, cooperativeId: true, categoryId: true } });
    const finds = async (text: string) => (await allSlugs(t.db, { q: text })).slugs.includes(product.slug);
    expect(await finds("璞玉新村")).toBe(false);
    await t.db.village.update({ where: { id: product.originVillageId }, data: { nameZh: "璞玉新村", nameEn: "Puyu New Village" } });
    expect(await finds("璞玉新村")).toBe(true);
    expect(await finds("puyu")).toBe(true);
    await t.db.cooperative.update({ where: { id: product.cooperativeId }, data: { nameZh: "琥珀联合社" } });
    expect(await finds("琥珀联合")).toBe(true);
    await t.db.category.update({ where: { id: product.categoryId }, data: { nameEn: "Vinoteca" } });
    expect(await finds("vinoteca")).toBe(true);
    // Every product of the village holds the document its rows make now: nothing of the old names is left.
    const stale = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Product" p WHERE p."originVillageId" = ${product.originVillageId}
        AND p."searchDocument" IS DISTINCT FROM product_search_document(p)`;
    expect(stale[0]!.n).toBe(0);
  });

  test("a product created and then renamed in the manager's editor is found by its new name only", async () => {
    const coop = await t.db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG }, select: { id: true, villageId: true, managers: { select: { userId: true } } } });
    const category = await t.db.category.findUniqueOrThrow({ where: { slug: "honey" }, select: { id: true } });
    const actor: ProductActor = { id: coop.managers[0]!.userId, cooperativeIds: [coop.id] };
    const form = (nameZh: string, nameEn: string) =>
      productEditorSchema.parse({
        cooperativeId: coop.id,
        nameZh,
        nameEn,
        descriptionZh: "",
        descriptionEn: "",
        unitZh: "瓶",
        unitEn: "jar",
        specZh: "500克",
        specEn: "500 g",
        categoryId: category.id,
        originVillageId: coop.villageId,
        price: "66.00",
      });
    const created = await createProduct(t.db, actor, form("峡谷野生椴树蜜", "Canyon Linden Honey"));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const searchable = async (text: string) =>
      (await t.db.$queryRaw<{ id: string }[]>`SELECT id FROM "Product" WHERE "searchDocument" @@ ${searchQuery(text)}::tsquery`).some((r) => r.id === created.productId);
    expect(await searchable("椴树")).toBe(true);
    expect(await searchable("linden")).toBe(true);
    // On sale (what the listing shows), as the certification would leave it.
    await t.db.product.update({
      where: { id: created.productId },
      data: { listingStatus: "ON_SALE", certificationStatus: "CERTIFIED", certificateValidUntil: new Date("2099-12-31T00:00:00Z") },
    });
    expect((await allSlugs(t.db, { q: "椴树蜜" })).slugs).toContain(created.slug);
    const updated = await updateProduct(t.db, actor, { ...form("峡谷野生荆条蜜", "Canyon Vitex Honey"), productId: created.productId });
    if (!updated.ok) throw new Error(JSON.stringify(updated));
    expect(await searchable("椴树")).toBe(false);
    expect(await searchable("linden")).toBe(false);
    expect(await searchable("峡谷野生荆条")).toBe(true);
    // What the search ranks by (the product's own names) follows the edit too.
    const [rank] = await t.db.$queryRaw<{ renamed: boolean; old: boolean }[]>`
      SELECT "searchRankDocument" @@ ${searchQuery("荆条蜜")}::tsquery AS renamed, "searchRankDocument" @@ ${searchQuery("椴树")}::tsquery AS old
      FROM "Product" WHERE id = ${created.productId}`;
    expect(rank).toEqual({ renamed: true, old: false });
    expect((await allSlugs(t.db, { q: "峡谷 荆条蜜" })).slugs).toContain(created.slug);
  });
});
