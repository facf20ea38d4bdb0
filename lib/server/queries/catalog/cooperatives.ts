import "server-only";
// The certified cooperatives: the list and one cooperative's page (its households by benefit type, its products).
import type { Db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { cooperativeCardSelect, toCooperativeCard, type CooperativeCard } from "./places";
import { cardSelect, productOrder, sellable, text, toCard, withAvailability, type ProductCard } from "./shared";

export async function listCooperatives(db: Db, locale: Locale): Promise<CooperativeCard[]> {
  const rows = await db.cooperative.findMany({
    where: { status: "CERTIFIED" },
    select: cooperativeCardSelect,
    orderBy: { slug: "asc" },
  });
  return rows.map((c) => toCooperativeCard(c, locale));
}

export interface CooperativeDetail extends CooperativeCard {
  description: string;
  enterpriseDescription: string | null;
  foundedYear: number | null;
  benefitTypes: { type: "LAND_RENT" | "WAGES" | "DIVIDEND"; households: number }[];
  products: ProductCard[];
  /** See ProductPage.stockValidUntil. */
  stockValidUntil: number | null;
}

export async function getCooperative(db: Db, slug: string, locale: Locale): Promise<CooperativeDetail | null> {
  const row = await db.cooperative.findFirst({
    where: { slug, status: "CERTIFIED" },
    select: {
      ...cooperativeCardSelect,
      descriptionZh: true,
      descriptionEn: true,
      foundedYear: true,
      enterprise: { select: { nameZh: true, nameEn: true, descriptionZh: true, descriptionEn: true } },
      participations: { where: { active: true }, select: { householdId: true, benefitType: true } },
      products: { where: sellable(), select: cardSelect, orderBy: productOrder("featured") },
    },
  });
  if (!row) return null;
  const byType = new Map<"LAND_RENT" | "WAGES" | "DIVIDEND", Set<string>>();
  for (const p of row.participations) {
    const set = byType.get(p.benefitType) ?? new Set<string>();
    set.add(p.householdId);
    byType.set(p.benefitType, set);
  }
  const shown = await withAvailability(db, row.products.map((p) => toCard(p, locale)), false);
  return {
    ...toCooperativeCard(row, locale),
    description: text(row.descriptionZh, row.descriptionEn, locale),
    enterpriseDescription: row.enterprise ? text(row.enterprise.descriptionZh, row.enterprise.descriptionEn, locale) : null,
    foundedYear: row.foundedYear,
    benefitTypes: [...byType].map(([type, set]) => ({ type, households: set.size })).sort((a, b) => a.type.localeCompare(b.type)),
    products: shown.items,
    stockValidUntil: shown.stockValidUntil,
  };
}
