import "server-only";
// Public catalog reads. Each takes the database and the reader's locale and returns plain, serialisable
// objects (no Dates, no Prisma types), so the page layer can cache them by tag (./catalog-cached.ts).
// Household personal data never leaves this module: only counts, codes and villages.
import { splitLine, ruleFromColumns, type BenefitRule } from "@/lib/domain/benefit";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { PAGE_SIZE, type CatalogQuery } from "@/lib/validation/catalog";

type Bilingual = { nameZh: string; nameEn: string };
const name = (row: Bilingual, locale: Locale) => (locale === "en" ? row.nameEn : row.nameZh);
const text = (zh: string, en: string, locale: Locale) => (locale === "en" ? en || zh : zh);

/** Where-clause for what the shop sells: certified products of certified cooperatives (invariant 6). */
export const liveProductWhere = {
  certificationStatus: "CERTIFIED",
  cooperative: { status: "CERTIFIED" },
} satisfies Prisma.ProductWhereInput;

const cardSelect = {
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

type CardRow = Prisma.ProductGetPayload<{ select: typeof cardSelect }>;

export interface ProductCard {
  slug: string;
  name: string;
  spec: string;
  priceFen: number;
  stock: number;
  image: { url: string; alt: string } | null;
  category: { slug: string; name: string };
  village: { slug: string; name: string };
  cooperative: { slug: string; name: string };
  /** For one unit: what goes to the household benefit pool, and to how many households. */
  unitBenefitFen: number;
  householdCount: number;
}

function toCard(row: CardRow, locale: Locale): ProductCard {
  const split = splitLine(ruleFromColumns(row), row.priceFen, 1, row.beneficiaries);
  const image = row.images[0];
  return {
    slug: row.slug,
    name: name(row, locale),
    spec: text(row.specZh, row.specEn, locale),
    priceFen: row.priceFen,
    stock: row.stock,
    image: image ? { url: image.url, alt: text(image.altZh, image.altEn, locale) || name(row, locale) } : null,
    category: { slug: row.category.slug, name: name(row.category, locale) },
    village: { slug: row.originVillage.slug, name: name(row.originVillage, locale) },
    cooperative: { slug: row.cooperative.slug, name: name(row.cooperative, locale) },
    unitBenefitFen: split.poolFen,
    householdCount: split.households.length,
  };
}

/** Every whitespace-separated term must match one of the searchable fields (case-insensitive substring, so it works on Chinese). */
function searchWhere(q: string): Prisma.ProductWhereInput[] {
  return q
    .split(" ")
    .filter(Boolean)
    .slice(0, 5)
    // Prisma's `contains` is SQL LIKE: a typed % or _ must match itself, not act as a wildcard.
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

function orderBy(sort: CatalogQuery["sort"]): Prisma.ProductOrderByWithRelationInput[] {
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

export interface ProductPage {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
}

export async function listProducts(db: Db, query: CatalogQuery, locale: Locale): Promise<ProductPage> {
  const where: Prisma.ProductWhereInput = {
    ...liveProductWhere,
    AND: [
      ...(query.category ? [{ category: { slug: query.category } }] : []),
      ...(query.village ? [{ originVillage: { slug: query.village } }] : []),
      ...(query.cooperative ? [{ cooperative: { slug: query.cooperative, status: "CERTIFIED" as const } }] : []),
      ...(query.minFen !== null ? [{ priceFen: { gte: query.minFen } }] : []),
      ...(query.maxFen !== null ? [{ priceFen: { lte: query.maxFen } }] : []),
      ...(query.q ? searchWhere(query.q) : []),
    ],
  };
  const total = await db.product.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.product.findMany({
    where,
    select: cardSelect,
    orderBy: orderBy(query.sort),
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return { items: rows.map((r) => toCard(r, locale)), total, page, pageCount };
}

export interface Facet {
  slug: string;
  name: string;
  count: number;
}

export interface CatalogFacets {
  categories: Facet[];
  villages: Facet[];
  cooperatives: Facet[];
}

/** The filter options, each with how many live products it holds; empty ones are left out. */
export async function getCatalogFacets(db: Db, locale: Locale): Promise<CatalogFacets> {
  const [categories, villages, cooperatives] = await Promise.all([
    db.category.findMany({
      select: { slug: true, nameZh: true, nameEn: true, _count: { select: { products: { where: liveProductWhere } } } },
      orderBy: { sortOrder: "asc" },
    }),
    db.village.findMany({
      select: { slug: true, nameZh: true, nameEn: true, _count: { select: { products: { where: liveProductWhere } } } },
      orderBy: { slug: "asc" },
    }),
    db.cooperative.findMany({
      where: { status: "CERTIFIED" },
      select: { slug: true, nameZh: true, nameEn: true, _count: { select: { products: { where: liveProductWhere } } } },
      orderBy: { slug: "asc" },
    }),
  ]);
  const facet = (r: Bilingual & { slug: string; _count: { products: number } }): Facet => ({
    slug: r.slug,
    name: name(r, locale),
    count: r._count.products,
  });
  return {
    categories: categories.map(facet).filter((f) => f.count > 0),
    villages: villages.map(facet).filter((f) => f.count > 0),
    cooperatives: cooperatives.map(facet).filter((f) => f.count > 0),
  };
}

export interface VillageCard {
  slug: string;
  name: string;
  township: string;
  status: "POOR" | "EXITED";
  exitYear: number | null;
  productCount: number;
  householdCount: number;
}

const villageCardSelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  status: true,
  exitYear: true,
  township: { select: { nameZh: true, nameEn: true } },
  _count: { select: { products: { where: liveProductWhere }, households: true } },
} satisfies Prisma.VillageSelect;

function toVillageCard(v: Prisma.VillageGetPayload<{ select: typeof villageCardSelect }>, locale: Locale): VillageCard {
  return {
    slug: v.slug,
    name: name(v, locale),
    township: name(v.township, locale),
    status: v.status,
    exitYear: v.exitYear,
    productCount: v._count.products,
    householdCount: v._count.households,
  };
}

export async function listVillages(db: Db, locale: Locale): Promise<VillageCard[]> {
  const rows = await db.village.findMany({ select: villageCardSelect, orderBy: [{ township: { slug: "asc" } }, { slug: "asc" }] });
  return rows.map((v) => toVillageCard(v, locale));
}

export interface CooperativeCard {
  slug: string;
  name: string;
  village: { slug: string; name: string };
  enterprise: string | null;
  productCount: number;
  householdCount: number;
}

const cooperativeCardSelect = {
  slug: true,
  nameZh: true,
  nameEn: true,
  village: { select: { slug: true, nameZh: true, nameEn: true } },
  enterprise: { select: { nameZh: true, nameEn: true } },
  participations: { where: { active: true }, select: { householdId: true } },
  _count: { select: { products: { where: liveProductWhere } } },
} satisfies Prisma.CooperativeSelect;

function toCooperativeCard(c: Prisma.CooperativeGetPayload<{ select: typeof cooperativeCardSelect }>, locale: Locale): CooperativeCard {
  return {
    slug: c.slug,
    name: name(c, locale),
    village: { slug: c.village.slug, name: name(c.village, locale) },
    enterprise: c.enterprise ? name(c.enterprise, locale) : null,
    productCount: c._count.products,
    householdCount: new Set(c.participations.map((p) => p.householdId)).size,
  };
}

export async function listCooperatives(db: Db, locale: Locale): Promise<CooperativeCard[]> {
  const rows = await db.cooperative.findMany({
    where: { status: "CERTIFIED" },
    select: cooperativeCardSelect,
    orderBy: { slug: "asc" },
  });
  return rows.map((c) => toCooperativeCard(c, locale));
}

export interface HomeData {
  featured: ProductCard[];
  categories: (Facet & { image: string })[];
  villages: VillageCard[];
  totals: { products: number; cooperatives: number; villages: number; households: number };
}

export async function getHome(db: Db, locale: Locale): Promise<HomeData> {
  const [featured, facets, villages, cooperatives, households] = await Promise.all([
    db.product.findMany({ where: { ...liveProductWhere, featured: true }, select: cardSelect, orderBy: orderBy("featured"), take: 8 }),
    getCatalogFacets(db, locale),
    listVillages(db, locale),
    db.cooperative.count({ where: { status: "CERTIFIED" } }),
    db.household.count({ where: { participations: { some: { active: true, cooperative: { status: "CERTIFIED" } } } } }),
  ]);
  return {
    featured: featured.map((r) => toCard(r, locale)),
    categories: facets.categories.map((c) => ({ ...c, image: `/images/categories/${c.slug}.svg` })),
    villages: villages.filter((v) => v.productCount > 0),
    totals: {
      products: facets.categories.reduce((s, c) => s + c.count, 0),
      cooperatives,
      villages: villages.length,
      households,
    },
  };
}

export interface ProductDetail extends ProductCard {
  id: string;
  description: string;
  unit: string;
  images: { url: string; alt: string }[];
  village: { slug: string; name: string; township: string; status: "POOR" | "EXITED"; exitYear: number | null };
  cooperative: { slug: string; name: string; enterprise: string | null };
  certificateNumber: string | null;
  certifiedAt: string | null;
  rule: BenefitRule;
  /** "Where your money goes" for one unit, computed by the same module the benefit ledger uses. */
  unitSplit: { revenueFen: number; poolFen: number; cooperativeFen: number; householdCount: number };
  householdVillages: { name: string; count: number }[];
  benefitTypes: ("LAND_RENT" | "WAGES" | "DIVIDEND")[];
  batches: { lotNumber: string; productionDate: string }[];
  updatedAt: string;
}

export async function getProduct(db: Db, slug: string, locale: Locale): Promise<ProductDetail | null> {
  const row = await db.product.findFirst({
    where: { slug, ...liveProductWhere },
    select: {
      ...cardSelect,
      id: true,
      descriptionZh: true,
      descriptionEn: true,
      unitZh: true,
      unitEn: true,
      certificateNumber: true,
      certifiedAt: true,
      updatedAt: true,
      images: { select: { url: true, altZh: true, altEn: true }, orderBy: { sortOrder: "asc" } },
      originVillage: {
        select: { slug: true, nameZh: true, nameEn: true, status: true, exitYear: true, township: { select: { nameZh: true, nameEn: true } } },
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
  const card = toCard(row, locale);
  return {
    ...card,
    id: row.id,
    description: text(row.descriptionZh, row.descriptionEn, locale),
    unit: text(row.unitZh, row.unitEn, locale),
    images: row.images.map((i) => ({ url: i.url, alt: text(i.altZh, i.altEn, locale) || card.name })),
    village: {
      slug: row.originVillage.slug,
      name: name(row.originVillage, locale),
      township: name(row.originVillage.township, locale),
      status: row.originVillage.status,
      exitYear: row.originVillage.exitYear,
    },
    cooperative: {
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
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface CooperativeDetail extends CooperativeCard {
  description: string;
  enterpriseDescription: string | null;
  foundedYear: number | null;
  benefitTypes: { type: "LAND_RENT" | "WAGES" | "DIVIDEND"; households: number }[];
  products: ProductCard[];
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
      products: { where: liveProductWhere, select: cardSelect, orderBy: orderBy("featured") },
    },
  });
  if (!row) return null;
  const byType = new Map<"LAND_RENT" | "WAGES" | "DIVIDEND", Set<string>>();
  for (const p of row.participations) {
    const set = byType.get(p.benefitType) ?? new Set<string>();
    set.add(p.householdId);
    byType.set(p.benefitType, set);
  }
  return {
    ...toCooperativeCard(row, locale),
    description: text(row.descriptionZh, row.descriptionEn, locale),
    enterpriseDescription: row.enterprise ? text(row.enterprise.descriptionZh, row.enterprise.descriptionEn, locale) : null,
    foundedYear: row.foundedYear,
    benefitTypes: [...byType].map(([type, set]) => ({ type, households: set.size })).sort((a, b) => a.type.localeCompare(b.type)),
    products: row.products.map((p) => toCard(p, locale)),
  };
}

export interface VillageDetail extends VillageCard {
  description: string;
  county: string;
  cooperatives: CooperativeCard[];
  products: ProductCard[];
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
      products: { where: liveProductWhere, select: cardSelect, orderBy: orderBy("featured") },
    },
  });
  if (!row) return null;
  return {
    ...toVillageCard(row, locale),
    description: text(row.descriptionZh, row.descriptionEn, locale),
    county: name(row.township.county, locale),
    cooperatives: row.cooperatives.map((c) => toCooperativeCard(c, locale)),
    products: row.products.map((p) => toCard(p, locale)),
  };
}

/** Everything the sitemap lists. */
export async function getSitemapEntries(db: Db): Promise<{ products: { slug: string; updatedAt: string }[]; cooperatives: string[]; villages: string[] }> {
  const [products, cooperatives, villages] = await Promise.all([
    db.product.findMany({ where: liveProductWhere, select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } }),
    db.cooperative.findMany({ where: { status: "CERTIFIED" }, select: { slug: true }, orderBy: { slug: "asc" } }),
    db.village.findMany({ select: { slug: true }, orderBy: { slug: "asc" } }),
  ]);
  return {
    products: products.map((p) => ({ slug: p.slug, updatedAt: p.updatedAt.toISOString() })),
    cooperatives: cooperatives.map((c) => c.slug),
    villages: villages.map((v) => v.slug),
  };
}
