import "server-only";
// What the catalog reads share: the bilingual field pickers, the product card (select + mapping) and the sort
// orders. Reads return plain, serialisable objects (no Dates, no Prisma types) so they can be cached.
import { linePool, ruleFromColumns, stableBeneficiaries } from "@/lib/domain/benefit";
import { beijingDayOf } from "@/lib/domain/calendar";
import { sellableWhere } from "@/lib/domain/catalog";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import type { CatalogQuery } from "@/lib/validation/catalog";
import { availability, earliest, type ActiveHold } from "./availability";

export type Bilingual = { nameZh: string; nameEn: string };
export const name = (row: Bilingual, locale: Locale) => (locale === "en" ? row.nameEn : row.nameZh);
export const text = (zh: string, en: string, locale: Locale) => (locale === "en" ? en || zh : zh);

/**
 * What the shop sells (invariant 6), as a filter on products: the one rule of lib/domain/catalog.ts, as of the
 * moment a read runs. A cached read holds it until its tags are revalidated: every listing change does that, and
 * so does the sweep that takes a product off sale the day its certificate expires (lib/server/listings/expiry.ts).
 */
export const sellable = (): Prisma.ProductWhereInput => sellableWhere();

/**
 * The same rule in SQL, for the listing's one-statement read (./products.ts), on the product `p`.
 * tests/integration/sellable.test.ts holds it to isSellable on every combination.
 */
export function sellableSql(now: Date = new Date()): Prisma.Sql {
  const today = beijingDayOf(now); // a calendar day, as validUntilBound: no time zone in the comparison
  // The cooperative is certified: its id is none of the (few) others', read once per statement. A join to the
  // cooperative instead costs a hash probe for every match (~1 ms for the 2,856 of 葡萄 at 10,000 products).
  return Prisma.sql`p."listingStatus" = 'ON_SALE' AND p."certificationStatus" = 'CERTIFIED'
    AND p."certificateValidUntil" >= ${today}::date
    AND (p."certificateValidFrom" IS NULL OR p."certificateValidFrom" <= ${today}::date)
    AND p."cooperativeId" <> ALL (ARRAY(SELECT id FROM "Cooperative" WHERE status <> 'CERTIFIED'))`;
}

export const cardSelect = {
  id: true,
  slug: true,
  nameZh: true,
  nameEn: true,
  specZh: true,
  specEn: true,
  priceFen: true,
  stock: true,
  benefitRuleType: true,
  benefitBasisPoints: true,
  benefitFenPerUnit: true,
  images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" }, take: 1 },
  category: { select: { slug: true, nameZh: true, nameEn: true } },
  originVillage: { select: { slug: true, nameZh: true, nameEn: true } },
  cooperative: { select: { slug: true, nameZh: true, nameEn: true } },
  beneficiaries: { select: { householdId: true, weight: true } },
} satisfies Prisma.ProductSelect;

export type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

export interface ProductCard {
  /** For cache tags (`card:<id>`, `product:<id>`) and the cart; not shown. */
  id: string;
  slug: string;
  name: string;
  spec: string;
  priceFen: number;
  /**
   * Units on sale when the read ran, counting units of expired, not yet swept reservations (withAvailability).
   * A cached listing is revalidated when a product's stock level (in stock / low / sold out) changes, not on
   * every sale, so outside the product page only `stockLevel(stock)` is exact.
   */
  stock: number;
  image: { url: string; alt: string } | null;
  category: { slug: string; name: string };
  village: { slug: string; name: string };
  cooperative: { slug: string; name: string };
  /** For one unit: what goes to the household benefit pool, and to how many households. */
  unitBenefitFen: number;
  householdCount: number;
}

export function toCard(row: CardRow, locale: Locale): ProductCard {
  const { beneficiaries, ...rest } = row;
  return toCardCounted(rest, stableBeneficiaries(beneficiaries).length, locale);
}

/**
 * toCard for a row that counts its households with a weight above 0 instead of listing them (the listing's SQL,
 * ./products.ts): a card shows only the pool of one unit and how many share it.
 */
export function toCardCounted(row: Omit<CardRow, "beneficiaries">, householdCount: number, locale: Locale): ProductCard {
  const image = row.images[0];
  return {
    id: row.id,
    slug: row.slug,
    name: name(row, locale),
    spec: text(row.specZh, row.specEn, locale),
    priceFen: row.priceFen,
    stock: row.stock,
    image: image ? { url: image.url, alt: text(image.altZh, image.altEn, locale) || name(row, locale) } : null,
    category: { slug: row.category.slug, name: name(row.category, locale) },
    village: { slug: row.originVillage.slug, name: name(row.originVillage, locale) },
    cooperative: { slug: row.cooperative.slug, name: name(row.cooperative, locale) },
    unitBenefitFen: linePool(ruleFromColumns(row), row.priceFen, 1, householdCount),
    householdCount,
  };
}

export function productOrder(sort: CatalogQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
  switch (sort) {
    case "price-asc":
      return [{ priceFen: "asc" }, { slug: "asc" }];
    case "price-desc":
      return [{ priceFen: "desc" }, { slug: "asc" }];
    case "newest":
      return [{ createdAt: "desc" }, { slug: "asc" }];
    default:
      return [{ featured: "desc" }, { createdAt: "desc" }, { slug: "asc" }];
  }
}

export interface Facet {
  slug: string;
  name: string;
  count: number;
}

/**
 * The cards (or a product page, `exact`) with stock as a buyer should see it — expired, not yet swept
 * reservations count as on sale (./availability.ts) — and until when those figures hold.
 */
export async function withAvailability<T extends { id: string; stock: number }>(
  db: Db,
  items: readonly T[],
  exact: boolean,
  now = Date.now(),
): Promise<{ items: T[]; stockValidUntil: number | null }> {
  if (items.length === 0) return { items: [], stockValidUntil: null };
  const holds = await db.stockReservation.findMany({
    where: { status: "ACTIVE", productId: { in: items.map((i) => i.id) } },
    select: { productId: true, quantity: true, expiresAt: true },
  });
  const byProduct = new Map<string, ActiveHold[]>();
  for (const h of holds) byProduct.set(h.productId, [...(byProduct.get(h.productId) ?? []), { quantity: h.quantity, expiresAt: h.expiresAt.getTime() }]);
  return withHolds(items, byProduct, exact, now);
}

/** withAvailability, for a read that loaded the active reservations itself: product id → its holds. */
export function withHolds<T extends { id: string; stock: number }>(
  items: readonly T[],
  byProduct: ReadonlyMap<string, readonly ActiveHold[]>,
  exact: boolean,
  now = Date.now(),
): { items: T[]; stockValidUntil: number | null } {
  const ends: (number | null)[] = [];
  const adjusted = items.map((item) => {
    const a = availability(item.stock, byProduct.get(item.id) ?? [], now, exact);
    ends.push(a.validUntil);
    return a.stock === item.stock ? item : { ...item, stock: a.stock };
  });
  return { items: adjusted, stockValidUntil: earliest(ends) };
}
