// Invariant 6 in its two spellings, on a real database: isSellable for a product in hand, sellableWhere for the
// reads and writes that filter rows (the catalog, a late payment taking stock again). A product in every
// combination of listing state × certification × certificate validity × cooperative status is written; the
// filter must pick exactly the ones isSellable accepts, so the two cannot drift apart, whichever is changed.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isSellable, SELLABLE_SELECT, sellableWhere, type SellableProbe } from "@/lib/domain/catalog";
import { beijingDayOf } from "@/lib/domain/calendar";
import { CertificationStatus, CooperativeStatus, ListingStatus } from "@/lib/generated/prisma/enums";
import { sellableSql } from "@/lib/server/queries/catalog/shared";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
// 23:30 in Beijing: the calendar day is not the UTC one, so a filter that used UTC days would be caught.
const NOW = new Date("2026-11-30T15:30:00.000Z");
const TODAY = beijingDayOf(NOW); // 2026-11-30 in Beijing (already Dec 1 would be wrong)
const dayOffset = (n: number) => {
  const d = new Date(`${TODAY}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d;
};
const LISTING = Object.values(ListingStatus);
const CERTIFICATION = Object.values(CertificationStatus);
const COOPERATIVE = Object.values(CooperativeStatus);
// [validFrom, validUntil]: none; valid through today; expired yesterday; not valid before tomorrow.
const VALIDITY: Array<[string, Date | null, Date | null]> = [
  ["none", null, null],
  ["throughToday", dayOffset(-30), dayOffset(0)],
  ["expiredYesterday", dayOffset(-30), dayOffset(-1)],
  ["fromTomorrow", dayOffset(1), dayOffset(365)],
  ["openStart", null, dayOffset(10)],
];
/** Product slug → what was written. */
const written = new Map<string, SellableProbe>();
const label = (slug: string) => `${slug} ${JSON.stringify(written.get(slug))}`;

beforeAll(async () => {
  t = await createTestDatabase("shop_sellable");
  const { db } = t;
  const county = await db.county.create({ data: { slug: "tangxian", nameZh: "唐县", nameEn: "Tang County", province: "河北省", city: "保定市" } });
  const township = await db.township.create({ data: { slug: "renhou", countyId: county.id, nameZh: "仁厚镇", nameEn: "Renhou" } });
  const village = await db.village.create({ data: { slug: "nanhongcheng", townshipId: township.id, nameZh: "南洪城村", nameEn: "Nanhongcheng" } });
  const category = await db.category.create({ data: { slug: "wine", nameZh: "葡萄酒", nameEn: "Wine" } });
  const rows = [];
  for (const coopStatus of COOPERATIVE) {
    const slug = `coop-${coopStatus.toLowerCase()}`;
    const cooperative = await db.cooperative.create({ data: { slug, villageId: village.id, nameZh: slug, nameEn: slug, status: coopStatus } });
    for (const listingStatus of LISTING)
      for (const certificationStatus of CERTIFICATION)
        for (const [validity, certificateValidFrom, certificateValidUntil] of VALIDITY) {
          const productSlug = `${slug}-${listingStatus}-${certificationStatus}-${validity}`.toLowerCase();
          written.set(productSlug, { listingStatus, certificationStatus, certificateValidFrom, certificateValidUntil, cooperative: { status: coopStatus } });
          rows.push({
            slug: productSlug,
            cooperativeId: cooperative.id,
            categoryId: category.id,
            originVillageId: village.id,
            nameZh: productSlug,
            nameEn: productSlug,
            priceFen: 1000,
            stock: 10,
            listingStatus,
            certificationStatus,
            certificateValidFrom,
            certificateValidUntil,
          });
        }
  }
  await db.product.createMany({ data: rows });
});

afterAll(async () => {
  await t?.drop();
});

/** Every product with what isSellable needs to judge it, read back from the database. */
const everyProduct = () => t.db.product.findMany({ select: { id: true, slug: true, ...SELLABLE_SELECT, cooperative: { select: { status: true } } } });
const sellableNow = (p: SellableProbe) => isSellable(p, NOW);

describe("sellableWhere selects exactly the products isSellable accepts", () => {
  test("a product in every combination was written, and some of them are sellable and some not", async () => {
    const all = await everyProduct();
    expect(all).toHaveLength(LISTING.length * CERTIFICATION.length * VALIDITY.length * COOPERATIVE.length);
    const accepted = all.filter(sellableNow);
    // On sale, certified, valid today (through today, or open start), certified cooperative: 2 combinations.
    expect(accepted.map((p) => p.slug).sort()).toEqual(["coop-certified-on_sale-certified-openstart", "coop-certified-on_sale-certified-throughtoday"]);
  });

  test("as a read: findMany({ where: sellableWhere(now) })", async () => {
    const all = await everyProduct();
    const selected = await t.db.product.findMany({ where: sellableWhere(NOW), select: { slug: true } });
    const accepted = all.filter(sellableNow).map((p) => label(p.slug));
    expect(selected.map((p) => label(p.slug)).sort()).toEqual(accepted.sort());
    // And isSellable judged the rows as they were written, not something the database made of them.
    expect(accepted.sort()).toEqual([...written.keys()].filter((slug) => sellableNow(written.get(slug)!)).map(label).sort());
  });

  test("as SQL: sellableSql(now), the listing's one-statement read", async () => {
    const all = await everyProduct();
    for (const now of [NOW, new Date(NOW.getTime() + 24 * 3600_000)]) {
      const selected = await t.db.$queryRaw<{ slug: string }[]>`
        SELECT p.slug FROM "Product" p WHERE ${sellableSql(now)}`;
      expect(selected.map((p) => label(p.slug)).sort()).toEqual(all.filter((p) => isSellable(p, now)).map((p) => label(p.slug)).sort());
    }
  });

  test("as a write: updateMany on one row, guarded by sellableWhere, changes it only when isSellable accepts it", async () => {
    for (const p of await everyProduct()) {
      const { count } = await t.db.product.updateMany({ where: { id: p.id, ...sellableWhere(NOW) }, data: { stock: { decrement: 1 } } });
      expect(count, label(p.slug)).toBe(sellableNow(p) ? 1 : 0);
    }
  });

  test("tomorrow, the certificate valid through today no longer sells and the one valid from tomorrow does, in both spellings", async () => {
    const tomorrow = new Date(NOW.getTime() + 24 * 3600_000);
    const expected = ["coop-certified-on_sale-certified-fromtomorrow", "coop-certified-on_sale-certified-openstart"];
    const selected = await t.db.product.findMany({ where: sellableWhere(tomorrow), select: { slug: true } });
    expect(selected.map((p) => p.slug).sort()).toEqual(expected);
    expect((await everyProduct()).filter((p) => isSellable(p, tomorrow)).map((p) => p.slug).sort()).toEqual(expected);
  });
});
