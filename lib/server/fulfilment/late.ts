import "server-only";
// The admins' list of parcels late to leave: paid more than 48 hours ago and still not shipped, across all
// cooperatives, oldest payment first, with whom to call (the cooperative's phone and its managers). No buyer's
// address here: the admin chases the cooperative, not the buyer.
import type { Db } from "@/lib/db/client";
import { FULFILLABLE_ORDER_STATUSES, LATE_AFTER_HOURS } from "@/lib/domain/fulfilment";

export const LATE_LIST_LIMIT = 200;

export async function listLateShipments(db: Db, { now = new Date(), limit = LATE_LIST_LIMIT }: { now?: Date; limit?: number } = {}) {
  const before = new Date(now.getTime() - LATE_AFTER_HOURS * 3_600_000);
  const where = { status: { in: ["PENDING" as const, "PACKED" as const] }, order: { status: { in: [...FULFILLABLE_ORDER_STATUSES] }, paidAt: { lt: before } } };
  const [total, shipments] = await Promise.all([
    db.shipment.count({ where }),
    db.shipment.findMany({
      where,
      orderBy: [{ order: { paidAt: "asc" } }, { id: "asc" }],
      take: limit,
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
