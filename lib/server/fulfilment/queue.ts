import "server-only";
// The cooperative's side of its orders: its shipments of paid orders, newest payment first, with only its own
// lines, the batch to pick for each, the shipping fee as charged and the buyer's delivery address. Every read
// takes the caller's scope (lib/server/queries/coop-scope.ts) and answers nothing for another cooperative's
// shipment. The address is personal data: the pages that show it write an audit row (./audit.ts).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startOfBeijingDay } from "@/lib/domain/calendar";
import { FULFILLABLE_ORDER_STATUSES, type QueueState } from "@/lib/domain/fulfilment";
import type { ShipmentStatus } from "@/lib/domain/order-state";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

export const QUEUE_PAGE_SIZE = 20;

export interface QueueFilter {
  state?: QueueState | null;
  /** Beijing days, YYYY-MM-DD, inclusive; on the order's payment time. */
  from?: string | null;
  to?: string | null;
  /** 1-based. */
  page?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (d: string | null | undefined): d is string => !!d && DAY.test(d) && !Number.isNaN(startOfBeijingDay(d).getTime());

function stateWhere(state: QueueState | null | undefined): { status?: ShipmentStatus; order?: Prisma.OrderWhereInput } {
  switch (state) {
    case "toPack":
      return { status: "PENDING", order: { status: { in: [...FULFILLABLE_ORDER_STATUSES] } } };
    case "packed":
      return { status: "PACKED" };
    case "shipped":
      return { status: "SHIPPED" };
    case "delivered":
      return { status: "DELIVERED" };
    case "cancelled":
      return { status: "CANCELLED" };
    default:
      return {};
  }
}

/** The where of the queue: this cooperative's shipments of orders that were paid (at some point), filtered. */
export function queueWhere({ cooperativeId }: OneCoopScope, filter: QueueFilter): Prisma.ShipmentWhereInput {
  const paidAt: Prisma.DateTimeNullableFilter = { not: null };
  if (validDay(filter.from)) paidAt.gte = startOfBeijingDay(filter.from);
  if (validDay(filter.to)) paidAt.lt = new Date(startOfBeijingDay(filter.to).getTime() + 86_400_000);
  const { status, order } = stateWhere(filter.state);
  return { cooperativeId, ...(status ? { status } : {}), order: { ...order, paidAt } };
}

const LINE_SELECT = {
  id: true,
  nameZh: true,
  nameEn: true,
  quantity: true,
  refundedQuantity: true,
  product: {
    select: {
      id: true,
      specZh: true,
      specEn: true,
      unitZh: true,
      unitEn: true,
      // The batch to pick: the newest lot produced.
      batches: { orderBy: [{ productionDate: "desc" }, { createdAt: "desc" }], take: 1, select: { lotNumber: true, traceCode: true, productionDate: true } },
    },
  },
} as const satisfies Prisma.OrderItemSelect;

const SHIPMENT_SELECT = {
  id: true,
  cooperativeId: true,
  status: true,
  shippingFen: true,
  carrier: true,
  carrierName: true,
  trackingNumber: true,
  packedAt: true,
  shippedAt: true,
  deliveredAt: true,
  deliveredAutomatically: true,
  items: { orderBy: { nameZh: "asc" }, select: LINE_SELECT },
  order: {
    select: {
      id: true,
      number: true,
      status: true,
      placedAt: true,
      paidAt: true,
      note: true,
      recipient: true,
      phone: true,
      district: true,
      street: true,
      refunds: { where: { status: { in: ["REQUESTED", "APPROVED"] } }, select: { id: true, status: true } },
    },
  },
} as const satisfies Prisma.ShipmentSelect;

type Raw = Prisma.ShipmentGetPayload<{ select: typeof SHIPMENT_SELECT }>;

function shape(s: Raw) {
  const { order, items, ...rest } = s;
  const { refunds, recipient, phone, district, street, ...o } = order;
  return {
    ...rest,
    order: { ...o, openRefund: refunds.length > 0 },
    address: { recipient, phone, district, street },
    lines: items.map(({ product, ...i }) => ({ ...i, productId: product.id, specZh: product.specZh, specEn: product.specEn, unitZh: product.unitZh, unitEn: product.unitEn, batch: product.batches[0] ?? null })),
  };
}

export type QueueShipment = ReturnType<typeof shape>;

/** One page of the queue, newest payment first, and the number of shipments the filter matches. */
export async function listFulfilmentQueue(db: Db, scope: OneCoopScope, filter: QueueFilter = {}) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  const where = queueWhere(scope, filter);
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const [total, rows] = await Promise.all([
    db.shipment.count({ where }),
    db.shipment.findMany({ where, orderBy: [{ order: { paidAt: "desc" } }, { id: "desc" }], skip: (page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE, select: SHIPMENT_SELECT }),
  ]);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)), shipments: rows.map(shape) };
}

/** One of the caller's cooperatives' shipments (of an order that was paid), or null: another's is not found. */
export async function getCoopShipment(db: Db, { cooperativeIds }: { cooperativeIds: readonly string[] }, shipmentId: string) {
  const s = await db.shipment.findFirst({
    where: { id: shipmentId, cooperativeId: { in: [...cooperativeIds] }, order: { paidAt: { not: null } } },
    select: { ...SHIPMENT_SELECT, cooperative: { select: { id: true, nameZh: true, nameEn: true, contactPhone: true } } },
  });
  if (!s) return null;
  const { cooperative, ...rest } = s;
  return { ...shape(rest), cooperative };
}

export type CoopShipment = NonNullable<Awaited<ReturnType<typeof getCoopShipment>>>;

/** This cooperative's shipment ids by order number, for a pickup list's rows (numbers it has no shipment for are absent). */
export async function shipmentsByOrderNumber(db: Db, { cooperativeIds, cooperativeId }: OneCoopScope, numbers: readonly string[]): Promise<Map<string, string>> {
  if (!cooperativeIds.includes(cooperativeId) || numbers.length === 0) return new Map();
  const rows = await db.shipment.findMany({ where: { cooperativeId, order: { number: { in: [...numbers] } } }, select: { id: true, order: { select: { number: true } } } });
  return new Map(rows.map((r) => [r.order.number, r.id]));
}
