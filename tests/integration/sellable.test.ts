// Invariant 6 in its two spellings, on a real database: isSellable for a product in hand, SELLABLE_WHERE for the
// reads and writes that filter rows (the catalog, a late payment taking stock again). A product in every
// (product certification × cooperative status) pair is written; the filter must pick exactly the ones isSellable
// accepts, so the two cannot drift apart, whichever of them is changed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isSellable, SELLABLE_WHERE, type SellableProbe } from "@/lib/domain/catalog";
import { CertificationStatus, CooperativeStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
const PRODUCT = Object.values(CertificationStatus);
const COOPERATIVE = Object.values(CooperativeStatus);
/** Product slug → its status pair, as written. */
const written = new Map<string, SellableProbe>();
const label = (slug: string) => `${slug}: product ${written.get(slug)?.certificationStatus}, cooperative ${written.get(slug)?.cooperative.status}`;

beforeAll(async () => {
  t = await createTestDatabase("shop_sellable");
  const { db } = t;
  const county = await db.county.create({ data: { slug: "tangxian", nameZh: "唐县", nameEn: "Tang County", province: "河北省", city: "保定市" } });
  const township = await db.township.create({ data: { slug: "renhou", countyId: county.id, nameZh: "仁厚镇", nameEn: "Renhou" } });
  const village = await db.village.create({ data: { slug: "nanhongcheng", townshipId: township.id, nameZh: "南洪城村", nameEn: "Nanhongcheng" } });
  const category = await db.category.create({ data: { slug: "wine", nameZh: "葡萄酒", nameEn: "Wine" } });
  for (const coopStatus of COOPERATIVE) {
    const slug = `coop-${coopStatus.toLowerCase()}`;
    const cooperative = await db.cooperative.create({ data: { slug, villageId: village.id, nameZh: slug, nameEn: slug, status: coopStatus } });
    for (const certificationStatus of PRODUCT) {
      const productSlug = `${slug}-product-${certificationStatus.toLowerCase()}`;
      written.set(productSlug, { certificationStatus, cooperative: { status: coopStatus } });
      await db.product.create({
        data: { slug: productSlug, cooperativeId: cooperative.id, categoryId: category.id, originVillageId: village.id, nameZh: productSlug, nameEn: productSlug, priceFen: 1000, stock: 10, certificationStatus },
      });
    }
  }
});

afterAll(async () => {
  await t?.drop();
});

/** Every product with what isSellable needs to judge it, read back from the database. */
const everyProduct = () => t.db.product.findMany({ select: { id: true, slug: true, certificationStatus: true, cooperative: { select: { status: true } } } });

describe("SELLABLE_WHERE selects exactly the products isSellable accepts", () => {
  test("a product in every status pair was written, and some of them are sellable and some not", async () => {
    const all = await everyProduct();
    expect(all).toHaveLength(PRODUCT.length * COOPERATIVE.length);
    expect(new Set(all.map((p) => `${p.certificationStatus}/${p.cooperative.status}`)).size).toBe(all.length);
    expect(all.some(isSellable)).toBe(true);
    expect(all.some((p) => !isSellable(p))).toBe(true);
  });

  test("as a read: findMany({ where: SELLABLE_WHERE })", async () => {
    const all = await everyProduct();
    const selected = await t.db.product.findMany({ where: SELLABLE_WHERE, select: { slug: true } });
    const accepted = all.filter(isSellable).map((p) => label(p.slug));
    expect(selected.map((p) => label(p.slug)).sort()).toEqual(accepted.sort());
    // And isSellable judged the rows as they were written, not something the database made of them.
    expect(accepted).toEqual([...written.keys()].filter((slug) => isSellable(written.get(slug)!)).map(label).sort());
  });

  test("as a write: updateMany on one row, guarded by SELLABLE_WHERE, changes it only when isSellable accepts it", async () => {
    for (const p of await everyProduct()) {
      const { count } = await t.db.product.updateMany({ where: { id: p.id, ...SELLABLE_WHERE }, data: { stock: { decrement: 1 } } });
      expect(count, label(p.slug)).toBe(isSellable(p) ? 1 : 0);
    }
    for (const p of await t.db.product.findMany({ select: { slug: true, stock: true } })) {
      expect(p.stock, label(p.slug)).toBe(isSellable(written.get(p.slug)!) ? 9 : 10);
    }
  });
});
