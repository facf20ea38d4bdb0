import "server-only";
// What the county e-commerce centre's certification page reads (admins only; the page guards the role): the review
// queue, the certified products with their certificates, and the most recent decisions. Household personal data
// never appears here: only counts and the benefit split per unit (the product page's "where your money goes").
import type { Db } from "@/lib/db/client";
import { ruleFromColumns, splitLine } from "@/lib/domain/benefit";
import { isSellable } from "@/lib/domain/catalog";
import { beijingDayOf } from "@/lib/domain/calendar";
import { type ListPage, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import { certificateState } from "@/lib/domain/listing";
import type { Prisma } from "@/lib/generated/prisma/client";

const DAY_MS = 86_400_000;

/** Whole days from the Beijing day of `now` to a DATE column's day (negative once past). */
export function daysFromToday(day: Date, now: Date): number {
  return Math.round((Date.parse(day.toISOString().slice(0, 10)) - Date.parse(beijingDayOf(now))) / DAY_MS);
}

const names = { nameZh: true, nameEn: true } as const;

const REVIEW_SELECT = {
  id: true,
  slug: true,
  ...names,
  descriptionZh: true,
  descriptionEn: true,
  unitZh: true,
  unitEn: true,
  specZh: true,
  specEn: true,
  priceFen: true,
  submittedAt: true,
  benefitRuleType: true,
  benefitBasisPoints: true,
  benefitFenPerUnit: true,
  cooperative: { select: { id: true, ...names, status: true } },
  originVillage: { select: { ...names, township: { select: names } } },
  category: { select: names },
  images: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, url: true, altZh: true, altEn: true, width: true, height: true } },
  beneficiaries: { select: { householdId: true, weight: true } },
} as const satisfies Prisma.ProductSelect;

const REVIEW_WHERE = { listingStatus: "IN_REVIEW" } as const satisfies Prisma.ProductWhereInput;

function reviewItem({ beneficiaries, benefitRuleType, benefitBasisPoints, benefitFenPerUnit, ...p }: Prisma.ProductGetPayload<{ select: typeof REVIEW_SELECT }>) {
  const rule = ruleFromColumns({ benefitRuleType, benefitBasisPoints, benefitFenPerUnit });
  const unit = splitLine(rule, p.priceFen, 1, beneficiaries);
  return { ...p, rule, unit: { poolFen: unit.poolFen, cooperativeFen: unit.cooperativeFen }, householdCount: beneficiaries.length };
}

/** Products awaiting review, the oldest submission first, with everything the reviewer checks. */
export async function listReviewQueue(db: Db, { limit = 50 }: { limit?: number } = {}) {
  const rows = await db.product.findMany({ where: REVIEW_WHERE, orderBy: reviewOrder({ sort: "submitted", dir: "asc", page: 1 }), take: limit, select: REVIEW_SELECT });
  return rows.map(reviewItem);
}

/** The queue's sorts: oldest submission first by default; by product name or by cooperative. */
export const REVIEW_LIST = { sorts: ["submitted", "name", "cooperative"], dirs: { submitted: "asc", name: "asc", cooperative: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type ReviewSort = (typeof REVIEW_LIST.sorts)[number];
export const parseReviewListQuery = (params: SearchParams): ListQuery<ReviewSort> => parseListQuery(params, REVIEW_LIST);

function reviewOrder({ sort, dir }: ListQuery<ReviewSort>): Prisma.ProductOrderByWithRelationInput[] {
  const tail: Prisma.ProductOrderByWithRelationInput[] = [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }];
  if (sort === "name") return [{ nameZh: dir }, ...tail];
  if (sort === "cooperative") return [{ cooperative: { nameZh: dir } }, ...tail];
  return [{ submittedAt: { sort: dir, nulls: "last" } }, { createdAt: dir }, { id: dir }];
}

/** One page of the review queue, sorted in the database, and how many products await review in all. */
export async function listReviewQueuePage(db: Db, query: ListQuery<ReviewSort>): Promise<ListPage<ReviewItem>> {
  const [total, rows] = await Promise.all([
    db.product.count({ where: REVIEW_WHERE }),
    db.product.findMany({ where: REVIEW_WHERE, orderBy: reviewOrder(query), ...pageWindow(query.page, REVIEW_LIST.pageSize), select: REVIEW_SELECT }),
  ]);
  return { total, pages: pageCount(total, REVIEW_LIST.pageSize), rows: rows.map(reviewItem) };
}

export type ReviewItem = Awaited<ReturnType<typeof listReviewQueue>>[number];

const CERTIFIED_SELECT = {
  id: true,
  slug: true,
  ...names,
  featured: true,
  listingStatus: true,
  certificationStatus: true,
  certificateNumber: true,
  certifiedAt: true,
  certificateValidFrom: true,
  certificateValidUntil: true,
  cooperative: { select: { ...names, status: true } },
} as const satisfies Prisma.ProductSelect;
const CERTIFIED_WHERE = { certificationStatus: "CERTIFIED", listingStatus: { in: ["ON_SALE", "OFF_SALE"] } } as const satisfies Prisma.ProductWhereInput;
const CERTIFIED_ORDER = [{ certificateValidUntil: { sort: "asc", nulls: "last" } }, { id: "asc" }] as const satisfies Prisma.ProductOrderByWithRelationInput[];

const certifiedItem = (now: Date) => (p: Prisma.ProductGetPayload<{ select: typeof CERTIFIED_SELECT }>) => ({
  ...p,
  certificate: certificateState(p, now),
  sellable: isSellable(p, now),
  daysLeft: p.certificateValidUntil ? daysFromToday(p.certificateValidUntil, now) : null,
  daysToStart: p.certificateValidFrom ? daysFromToday(p.certificateValidFrom, now) : null,
});

/**
 * Certified products on sale or off sale, the soonest to expire first: the certificate, its days left, whether a
 * buyer can buy it today (the cooperative must be certified too), and the featured flag.
 */
export async function listCertified(db: Db, now = new Date(), { limit = 100 }: { limit?: number } = {}) {
  const rows = await db.product.findMany({ where: CERTIFIED_WHERE, orderBy: [...CERTIFIED_ORDER], take: limit, select: CERTIFIED_SELECT });
  return rows.map(certifiedItem(now));
}

/** The certified list shares the page with the queue: its parameters are csort, cdir, cpage. */
export const CERTIFIED_LIST = { sorts: ["expires", "name", "certified"], dirs: { expires: "asc", name: "asc" }, pageSize: 25, prefix: "c" } as const satisfies ListSpec<string>;
export type CertifiedSort = (typeof CERTIFIED_LIST.sorts)[number];
export const parseCertifiedListQuery = (params: SearchParams): ListQuery<CertifiedSort> => parseListQuery(params, CERTIFIED_LIST);

function certifiedOrder({ sort, dir }: ListQuery<CertifiedSort>): Prisma.ProductOrderByWithRelationInput[] {
  if (sort === "name") return [{ nameZh: dir }, ...CERTIFIED_ORDER];
  if (sort === "certified") return [{ certifiedAt: { sort: dir, nulls: "last" } }, { id: "asc" }];
  return [{ certificateValidUntil: { sort: dir, nulls: "last" } }, { id: "asc" }];
}

/** One page of the certified products, sorted in the database. */
export async function listCertifiedPage(db: Db, now: Date, query: ListQuery<CertifiedSort>): Promise<ListPage<CertifiedItem>> {
  const [total, rows] = await Promise.all([
    db.product.count({ where: CERTIFIED_WHERE }),
    db.product.findMany({ where: CERTIFIED_WHERE, orderBy: certifiedOrder(query), ...pageWindow(query.page, CERTIFIED_LIST.pageSize), select: CERTIFIED_SELECT }),
  ]);
  return { total, pages: pageCount(total, CERTIFIED_LIST.pageSize), rows: rows.map(certifiedItem(now)) };
}

export type CertifiedItem = Awaited<ReturnType<typeof listCertified>>[number];

export const DECISION_ACTIONS = ["product.certified", "product.certification-rejected", "product.certificate-revoked", "product.certificate-expired"] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The latest certification decisions from the audit log: what, which product, why, when and by whom. */
export async function listRecentDecisions(db: Db, { limit = 20 }: { limit?: number } = {}) {
  const rows = await db.auditLog.findMany({
    where: { entityType: "Product", action: { in: [...DECISION_ACTIONS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, action: true, entityId: true, metadata: true, createdAt: true, actor: { select: { name: true, email: true } } },
  });
  const ids = [...new Set(rows.map((r) => r.entityId).filter((id): id is string => id !== null))];
  const products = new Map((await db.product.findMany({ where: { id: { in: ids } }, select: { id: true, ...names } })).map((p) => [p.id, p]));
  return rows.map((r) => {
    const meta = (r.metadata && typeof r.metadata === "object" && !Array.isArray(r.metadata) ? r.metadata : {}) as Record<string, unknown>;
    const str = (k: string) => {
      const v = meta[k];
      return typeof v === "string" ? v : null;
    };
    return {
      id: r.id,
      action: r.action as DecisionAction,
      product: (r.entityId && products.get(r.entityId)) || null,
      reason: str("reason"),
      certificateNumber: str("certificateNumber"),
      at: r.createdAt,
      by: r.actor ? r.actor.name || r.actor.email : null,
    };
  });
}

export type RecentDecision = Awaited<ReturnType<typeof listRecentDecisions>>[number];
