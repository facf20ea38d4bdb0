import "server-only";
// The cooperative area's product reads, scoped to the caller's cooperatives (./coop-scope.ts). Households are
// shown by code, village and how they take part: the benefit-rule editor needs no personal data.
import type { Db } from "@/lib/db/client";
import type { CoopScope } from "./coop-scope";

/** The products of the caller's cooperatives, with each one's benefit rule and number of households. */
export async function listCoopProducts(db: Db, { cooperativeIds }: CoopScope) {
  return db.product.findMany({
    where: { cooperativeId: { in: [...cooperativeIds] } },
    orderBy: [{ cooperativeId: "asc" }, { nameZh: "asc" }],
    select: {
      id: true,
      nameZh: true,
      nameEn: true,
      priceFen: true,
      stock: true,
      certificationStatus: true,
      benefitRuleType: true,
      benefitBasisPoints: true,
      benefitFenPerUnit: true,
      cooperative: { select: { id: true, nameZh: true, nameEn: true } },
      _count: { select: { beneficiaries: true } },
    },
  });
}

export type CoopProductTerms = NonNullable<Awaited<ReturnType<typeof getCoopProductTerms>>>;

/**
 * The product with its cooperative's active households and their current weights; null when there is no such
 * product among the caller's cooperatives (another cooperative's product is as if it did not exist).
 */
export async function getCoopProductTerms(db: Db, { cooperativeIds, productId }: CoopScope & { productId: string }) {
  const product = await db.product.findFirst({
    where: { id: productId, cooperativeId: { in: [...cooperativeIds] } },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      priceFen: true,
      cooperativeId: true,
      benefitRuleType: true,
      benefitBasisPoints: true,
      benefitFenPerUnit: true,
      beneficiaries: { select: { householdId: true, weight: true } },
    },
  });
  if (!product) return null;
  const participations = await db.householdParticipation.findMany({
    where: { cooperativeId: product.cooperativeId, active: true },
    orderBy: { household: { code: "asc" } },
    select: { benefitType: true, household: { select: { id: true, code: true, village: { select: { nameZh: true, nameEn: true } } } } },
  });
  const weightOf = new Map(product.beneficiaries.map((b) => [b.householdId, b.weight]));
  const byHousehold = new Map<string, { id: string; code: string; village: { nameZh: string; nameEn: string }; benefitTypes: (typeof participations)[number]["benefitType"][]; weight: number }>();
  for (const p of participations) {
    const row = byHousehold.get(p.household.id) ?? { ...p.household, benefitTypes: [], weight: weightOf.get(p.household.id) ?? 0 };
    row.benefitTypes.push(p.benefitType);
    byHousehold.set(p.household.id, row);
  }
  return { product, households: [...byHousehold.values()] };
}
