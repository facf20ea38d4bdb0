import "server-only";
// The villages: the list and one village's page (its cooperatives and the products grown there).
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { cooperativeCardSelect, toCooperativeCard, toVillageCard, villageCardSelect, type CooperativeCard, type VillageCard } from "./places";
import { cardSelect, name, productOrder, sellable, text, toCard, withAvailability, type ProductCard } from "./shared";

export async function listVillages(db: Db, locale: Locale): Promise<VillageCard[]> {
  const rows = await db.village.findMany({ select: villageCardSelect, orderBy: [{ township: { slug: "asc" } }, { slug: "asc" }] });
  return rows.map((v) => toVillageCard(v, locale));
}

export interface VillageDetail extends VillageCard {
  description: string;
  county: string;
  cooperatives: CooperativeCard[];
  products: ProductCard[];
  /** See ProductPage.stockValidUntil. */
  stockValidUntil: number | null;
}

export async function getVillage(db: Db, slug: string, locale: Locale): Promise<VillageDetail | null> {
  const row = await db.village.findUnique({
    where: { slug },
    select: {
      ...villageCardSelect,
      descriptionZh: true,
      descriptionEn: true,
      township: { select: { nameZh: true, nameEn: true, county: { select: { nameZh: true, nameEn: true } } } },
      cooperatives: { where: { status: "CERTIFIED" }, select: cooperativeCardSelect, orderBy: { slug: "asc" } },
      products: { where: sellable(), select: cardSelect, orderBy: productOrder("featured") },
    },
  });
  if (!row) return null;
  const shown = await withAvailability(db, row.products.map((p) => toCard(p, locale)), false);
  return {
    ...toVillageCard(row, locale),
    description: text(row.descriptionZh, row.descriptionEn, locale),
    county: name(row.township.county, locale),
    cooperatives: row.cooperatives.map((c) => toCooperativeCard(c, locale)),
    products: shown.items,
    stockValidUntil: shown.stockValidUntil,
  };
}
