import "server-only";
// The cooperative area's product reads, scoped to the caller's cooperatives (./coop-scope.ts). Households are
// shown by code, village and how they take part: the benefit-rule editor needs no personal data.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { HOME_STATES, LISTING_STATUSES, type ListingStatus } from "@/lib/domain/listing";
import { firstParam, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cooperativeVillageIds } from "@/lib/server/listings/products";
import type { CoopScope, OneCoopScope } from "./coop-scope";

const COOP_PRODUCT_SELECT = {
  id: true,
  nameZh: true,
  nameEn: true,
  priceFen: true,
  stock: true,
  lowStockThreshold: true,
  listingStatus: true,
  certificationStatus: true,
  benefitRuleType: true,
  benefitBasisPoints: true,
  benefitFenPerUnit: true,
  cooperative: { select: { id: true, nameZh: true, nameEn: true } },
  _count: { select: { beneficiaries: true } },
} satisfies Prisma.ProductSelect;

/** The products of the caller's cooperatives, with each one's benefit rule and number of households. */
export async function listCoopProducts(db: Db, { cooperativeIds }: CoopScope) {
  return db.product.findMany({ where: { cooperativeId: { in: [...cooperativeIds] } }, orderBy: [{ cooperativeId: "asc" }, { nameZh: "asc" }], select: COOP_PRODUCT_SELECT });
}

export const COOP_PRODUCT_LIST = {
  sorts: ["name", "state", "price", "stock"],
  dirs: { name: "asc", state: "asc", stock: "asc" },
  pageSize: 25,
} as const satisfies ListSpec<string>;
export type CoopProductSort = (typeof COOP_PRODUCT_LIST.sorts)[number];
export interface CoopProductQuery extends ListQuery<CoopProductSort> {
  state: ListingStatus | null;
}

/** The products list's query from the URL: one listing state or all, the sort, the page; odd values fall back. */
export function parseCoopProductQuery(params: SearchParams): CoopProductQuery {
  const state = z.enum(LISTING_STATUSES).nullable().catch(null).parse(firstParam(params.state) ?? null);
  return { state, ...parseListQuery(params, COOP_PRODUCT_LIST) };
}

/**
 * One page of the caller's products, filtered to a listing state and sorted in the database, with the count per
 * state (the filter's chips) over all of them.
 */
export async function listCoopProductsPage(db: Db, { cooperativeIds }: CoopScope, query: CoopProductQuery) {
  const all: Prisma.ProductWhereInput = { cooperativeId: { in: [...cooperativeIds] } };
  const where: Prisma.ProductWhereInput = query.state ? { ...all, listingStatus: query.state } : all;
  const { dir } = query;
  const first: Prisma.ProductOrderByWithRelationInput =
    query.sort === "state" ? { listingStatus: dir } : query.sort === "price" ? { priceFen: dir } : query.sort === "stock" ? { stock: dir } : { nameZh: dir };
  const [total, rows, groups] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, orderBy: [first, { nameZh: "asc" }, { id: "asc" }], ...pageWindow(query.page, COOP_PRODUCT_LIST.pageSize), select: COOP_PRODUCT_SELECT }),
    db.product.groupBy({ by: ["listingStatus"], where: all, _count: { _all: true } }),
  ]);
  const byState = Object.fromEntries(LISTING_STATUSES.map((s) => [s, groups.find((g) => g.listingStatus === s)?._count._all ?? 0])) as Record<ListingStatus, number>;
  return { rows, total, pages: pageCount(total, COOP_PRODUCT_LIST.pageSize), byState, all: groups.reduce((n, g) => n + g._count._all, 0) };
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
      listingStatus: true,
      benefitRuleType: true,
      benefitBasisPoints: true,
      benefitFenPerUnit: true,
      priceTiers: true,
      minOrderQuantity: true,
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

export type CoopProductEditor = NonNullable<Awaited<ReturnType<typeof getCoopProductEditor>>>;

/**
 * A product as its editor and listing panel show it: details, listing and certificate state, the reviewer's
 * note, and whether any order names it (then it can be archived, never deleted). Null outside the caller's
 * cooperatives.
 */
export async function getCoopProductEditor(db: Db, { cooperativeIds, productId }: CoopScope & { productId: string }) {
  const product = await db.product.findFirst({
    where: { id: productId, cooperativeId: { in: [...cooperativeIds] } },
    select: {
      id: true,
      slug: true,
      cooperativeId: true,
      nameZh: true,
      nameEn: true,
      descriptionZh: true,
      descriptionEn: true,
      unitZh: true,
      unitEn: true,
      specZh: true,
      specEn: true,
      categoryId: true,
      originVillageId: true,
      priceFen: true,
      stock: true,
      listingStatus: true,
      certificationStatus: true,
      certificateNumber: true,
      certificateValidFrom: true,
      certificateValidUntil: true,
      reviewNote: true,
      submittedAt: true,
      cooperative: { select: { id: true, nameZh: true, nameEn: true } },
      _count: { select: { orderItems: true } },
    },
  });
  if (!product) return null;
  const { _count, ...rest } = product;
  return { ...rest, hasOrders: _count.orderItems > 0 };
}

/** The choices of the editor's selects for one of the caller's cooperatives: categories, and its villages. */
export async function productEditorOptions(db: Db, { cooperativeIds, cooperativeId }: OneCoopScope) {
  if (!cooperativeIds.includes(cooperativeId)) return null;
  const villageIds = await cooperativeVillageIds(db, cooperativeId);
  const [cooperative, categories, villages] = await Promise.all([
    db.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, nameZh: true, nameEn: true } }),
    db.category.findMany({ orderBy: [{ sortOrder: "asc" }, { slug: "asc" }], select: { id: true, nameZh: true, nameEn: true } }),
    db.village.findMany({ where: { id: { in: villageIds } }, orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  if (!cooperative) return null;
  return { cooperative, categories, villages };
}

export interface CoopProductSummary {
  cooperativeId: string;
  byState: Record<(typeof HOME_STATES)[number], number>;
  /** Products (not archived) whose stock is at or below their low-stock threshold. */
  lowStock: number;
}

/** For the manager's home: per cooperative of the caller's, products by listing state and the low-stock count. */
export async function coopProductSummary(db: Db, { cooperativeIds }: CoopScope): Promise<CoopProductSummary[]> {
  const ids = [...cooperativeIds];
  const [groups, low] = await Promise.all([
    db.product.groupBy({ by: ["cooperativeId", "listingStatus"], where: { cooperativeId: { in: ids } }, _count: { _all: true } }),
    db.product.groupBy({
      by: ["cooperativeId"],
      where: { cooperativeId: { in: ids }, listingStatus: { not: "ARCHIVED" }, stock: { lte: db.product.fields.lowStockThreshold } },
      _count: { _all: true },
    }),
  ]);
  return ids.map((cooperativeId) => {
    const byState = Object.fromEntries(HOME_STATES.map((s) => [s, 0])) as CoopProductSummary["byState"];
    for (const g of groups) if (g.cooperativeId === cooperativeId && (HOME_STATES as readonly ListingStatus[]).includes(g.listingStatus)) byState[g.listingStatus as keyof typeof byState] = g._count._all;
    return { cooperativeId, byState, lowStock: low.find((l) => l.cooperativeId === cooperativeId)?._count._all ?? 0 };
  });
}
