import "server-only";
// One product's page: the card plus description, photos, certificate, batches and where the money goes.
// Household personal data never leaves this read: only counts, villages and benefit types.
import { splitLine, ruleFromColumns, type BenefitRule } from "@/lib/domain/benefit";
import type { Db } from "@/lib/db/client";
import { storedTiers, type PriceTier } from "@/lib/domain/price-tiers";
import type { Locale } from "@/lib/i18n/config";
import { cardSelect, name, sellable, text, toCard, withAvailability, type ProductCard } from "./shared";

export interface ProductDetail extends ProductCard {
  description: string;
  unit: string;
  images: { url: string; alt: string }[];
  /** `id`s are for the cache tags `village:<id>` and `cooperative:<id>`; not shown. */
  village: { id: string; slug: string; name: string; township: string; status: "POOR" | "EXITED"; exitYear: number | null };
  cooperative: { id: string; slug: string; name: string; enterprise: string | null };
  certificateNumber: string | null;
  certifiedAt: string | null;
  rule: BenefitRule;
  /** "Where your money goes" for one unit, computed by the same module the benefit ledger uses. */
  unitSplit: { revenueFen: number; poolFen: number; cooperativeFen: number; householdCount: number };
  householdVillages: { name: string; count: number }[];
  benefitTypes: ("LAND_RENT" | "WAGES" | "DIVIDEND")[];
  batches: { lotNumber: string; productionDate: string }[];
  /** Quantity prices, sorted by threshold (lib/domain/price-tiers.ts), and the minimum order (1: none). */
  priceTiers: PriceTier[];
  minOrderQuantity: number;
  updatedAt: string;
  /** Epoch ms when an expiring reservation next changes the stock shown; null: none due. */
  stockValidUntil: number | null;
}

export async function getProduct(db: Db, slug: string, locale: Locale): Promise<ProductDetail | null> {
  const row = await db.product.findFirst({
    where: { slug, ...sellable() },
    select: {
      ...cardSelect,
      descriptionZh: true,
      descriptionEn: true,
      unitZh: true,
      unitEn: true,
      certificateNumber: true,
      certifiedAt: true,
      priceTiers: true,
      minOrderQuantity: true,
      updatedAt: true,
      images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" } },
      originVillage: {
        select: { id: true, slug: true, nameZh: true, nameEn: true, status: true, exitYear: true, township: { select: { nameZh: true, nameEn: true } } },
      },
      cooperative: {
        select: {
          id: true,
          slug: true,
          nameZh: true,
          nameEn: true,
          enterprise: { select: { nameZh: true, nameEn: true } },
          participations: { where: { active: true }, select: { householdId: true, benefitType: true } },
        },
      },
      beneficiaries: {
        select: { householdId: true, weight: true, household: { select: { village: { select: { nameZh: true, nameEn: true } } } } },
      },
      batches: { select: { lotNumber: true, productionDate: true }, orderBy: { productionDate: "desc" }, take: 3 },
    },
  });
  if (!row) return null;
  const rule = ruleFromColumns(row);
  const split = splitLine(rule, row.priceFen, 1, row.beneficiaries);
  const paid = new Set(split.households.map((h) => h.householdId));
  const villageCounts = new Map<string, number>();
  for (const b of row.beneficiaries) {
    if (!paid.has(b.householdId)) continue;
    const v = name(b.household.village, locale);
    villageCounts.set(v, (villageCounts.get(v) ?? 0) + 1);
  }
  const beneficiaryIds = new Set(row.beneficiaries.map((b) => b.householdId));
  const benefitTypes = [
    ...new Set(row.cooperative.participations.filter((p) => beneficiaryIds.has(p.householdId)).map((p) => p.benefitType)),
  ].sort();
  const shown = await withAvailability(db, [toCard(row, locale)], true);
  const card = shown.items[0]!;
  return {
    ...card,
    description: text(row.descriptionZh, row.descriptionEn, locale),
    unit: text(row.unitZh, row.unitEn, locale),
    images: row.images.map((i) => ({ url: i.url, alt: text(i.altZh, i.altEn, locale) || card.name })),
    village: {
      id: row.originVillage.id,
      slug: row.originVillage.slug,
      name: name(row.originVillage, locale),
      township: name(row.originVillage.township, locale),
      status: row.originVillage.status,
      exitYear: row.originVillage.exitYear,
    },
    cooperative: {
      id: row.cooperative.id,
      slug: row.cooperative.slug,
      name: name(row.cooperative, locale),
      enterprise: row.cooperative.enterprise ? name(row.cooperative.enterprise, locale) : null,
    },
    certificateNumber: row.certificateNumber,
    certifiedAt: row.certifiedAt?.toISOString() ?? null,
    rule,
    unitSplit: { revenueFen: split.revenueFen, poolFen: split.poolFen, cooperativeFen: split.cooperativeFen, householdCount: split.households.length },
    householdVillages: [...villageCounts].map(([n, count]) => ({ name: n, count })).sort((a, b) => b.count - a.count),
    benefitTypes,
    batches: row.batches.map((b) => ({ lotNumber: b.lotNumber, productionDate: b.productionDate.toISOString().slice(0, 10) })),
    priceTiers: storedTiers(row.priceTiers),
    minOrderQuantity: row.minOrderQuantity,
    updatedAt: row.updatedAt.toISOString(),
    stockValidUntil: shown.stockValidUntil,
  };
}
