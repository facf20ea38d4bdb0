import "server-only";
// The admins' list of parcels late to leave: paid more than 48 hours ago and still not shipped, across all
// cooperatives, oldest payment first, with whom to call (the cooperative's phone and its managers). No buyer's
// address here: the admin chases the cooperative, not the buyer.
import type { Db } from "@/lib/db/client";
import { FULFILLABLE_ORDER_STATUSES, LATE_AFTER_HOURS } from "@/lib/domain/fulfilment";
import { type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";

export const LATE_LIST_LIMIT = 200;

/** The page's sorts: oldest payment first by default; by cooperative or order number. */
export const LATE_LIST = { sorts: ["paid", "cooperative", "number"], dirs: { paid: "asc", cooperative: "asc", number: "asc" }, pageSize: 25 } as const satisfies ListSpec<string>;
export type LateSort = (typeof LATE_LIST.sorts)[number];
export const parseLateListQuery = (params: SearchParams): ListQuery<LateSort> => parseListQuery(params, LATE_LIST);

function lateOrder({ sort, dir }: ListQuery<LateSort>): Prisma.ShipmentOrderByWithRelationInput[] {
  const tail: Prisma.ShipmentOrderByWithRelationInput[] = [{ order: { paidAt: "asc" } }, { id: "asc" }];
  if (sort === "cooperative") return [{ cooperative: { nameZh: dir } }, ...tail];
  if (sort === "number") return [{ order: { number: dir } }, { id: "asc" }];
  return [{ order: { paidAt: dir } }, { id: dir }];
}

/** The late shipments; with `list` (the page), one page sorted in the database, else the oldest up to `limit`. */
export async function listLateShipments(db: Db, { now = new Date(), limit = LATE_LIST_LIMIT, list }: { now?: Date; limit?: number; list?: ListQuery<LateSort> } = {}) {
  const before = new Date(now.getTime() - LATE_AFTER_HOURS * 3_600_000);
  const where = { status: { in: ["PENDING" as const, "PACKED" as const] }, order: { status: { in: [...FULFILLABLE_ORDER_STATUSES] }, paidAt: { lt: before } } };
  const [total, shipments] = await Promise.all([
    db.shipment.count({ where }),
    db.shipment.findMany({
      where,
      orderBy: lateOrder(list ?? { sort: "paid", dir: "asc", page: 1 }),
      ...(list ? pageWindow(list.page, LATE_LIST.pageSize) : { take: limit }),
      select: {
        id: true,
        status: true,
        order: { select: { number: true, paidAt: true, refunds: { where: { status: { in: ["REQUESTED", "APPROVED"] } }, select: { id: true } } } },
        cooperative: {
          select: { id: true, nameZh: true, nameEn: true, contactPhone: true, managers: { select: { user: { select: { email: true } } } } },
        },
        _count: { select: { items: true } },
      },
    }),
  ]);
  return {
    total,
    pages: pageCount(total, list ? LATE_LIST.pageSize : limit),
    shipments: shipments.map((s) => ({
      id: s.id,
      status: s.status,
      orderNumber: s.order.number,
      paidAt: s.order.paidAt as Date,
      hoursLate: Math.floor((now.getTime() - (s.order.paidAt as Date).getTime()) / 3_600_000),
      openRefund: s.order.refunds.length > 0,
      lines: s._count.items,
      cooperative: { id: s.cooperative.id, nameZh: s.cooperative.nameZh, nameEn: s.cooperative.nameEn, contactPhone: s.cooperative.contactPhone },
      managers: s.cooperative.managers.map((m) => m.user.email),
    })),
  };
}

export type LateShipment = Awaited<ReturnType<typeof listLateShipments>>["shipments"][number];
