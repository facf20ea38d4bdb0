import "server-only";
// Reads for the admins' cooperative administration: each cooperative's status, managers and pending invites, and
// the choices the "new cooperative" form offers. Admin pages only (guardPage ADMIN before calling).
import type { Db } from "@/lib/db/client";
import { type ListPage, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";

const adminSelect = (now: Date) =>
  ({
    id: true,
    slug: true,
    nameZh: true,
    nameEn: true,
    status: true,
    shippingFeeFen: true,
    freeShippingMinFen: true,
    village: { select: { nameZh: true, nameEn: true } },
    managers: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, email: true, name: true, disabledAt: true } } } },
    _count: { select: { managerInvites: { where: { usedAt: null, expiresAt: { gt: now } } } } },
  }) satisfies Prisma.CooperativeSelect;

type AdminRow = Prisma.CooperativeGetPayload<{ select: ReturnType<typeof adminSelect> }>;
const adminRow = ({ managers, _count, ...c }: AdminRow) => ({ ...c, managers: managers.map((m) => m.user), pendingInvites: _count.managerInvites });

export type CooperativeAdminRow = ReturnType<typeof adminRow>;

/** A cooperative's names (the "created" notice after the new-cooperative form), or null. */
export const cooperativeNames = (db: Db, id: string) => db.cooperative.findUnique({ where: { id }, select: { id: true, nameZh: true, nameEn: true } });

export const COOPERATIVE_LIST = { sorts: ["created", "name", "status"], dirs: { name: "asc", status: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type CooperativeSort = (typeof COOPERATIVE_LIST.sorts)[number];
export const parseCooperativeListQuery = (params: SearchParams): ListQuery<CooperativeSort> => parseListQuery(params, COOPERATIVE_LIST);

function cooperativeOrder({ sort, dir }: ListQuery<CooperativeSort>): Prisma.CooperativeOrderByWithRelationInput[] {
  if (sort === "name") return [{ nameZh: dir }, { slug: "asc" }];
  if (sort === "status") return [{ status: dir }, { createdAt: "desc" }, { slug: "asc" }];
  return [{ createdAt: dir }, { slug: "asc" }];
}

/** One page of the cooperatives' administration, sorted in the database. */
export async function cooperativesAdminPage(db: Db, query: ListQuery<CooperativeSort>, now = new Date()): Promise<ListPage<CooperativeAdminRow>> {
  const [total, rows] = await Promise.all([
    db.cooperative.count(),
    db.cooperative.findMany({ orderBy: cooperativeOrder(query), ...pageWindow(query.page, COOPERATIVE_LIST.pageSize), select: adminSelect(now) }),
  ]);
  return { total, pages: pageCount(total, COOPERATIVE_LIST.pageSize), rows: rows.map(adminRow) };
}

export async function cooperativeFormChoices(db: Db) {
  const [villages, enterprises] = await Promise.all([
    db.village.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true, township: { select: { nameZh: true, nameEn: true } } } }),
    db.enterprise.findMany({ orderBy: { slug: "asc" }, select: { id: true, nameZh: true, nameEn: true } }),
  ]);
  return { villages, enterprises };
}
