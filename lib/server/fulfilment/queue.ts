import "server-only";
// The cooperative's side of its orders: its shipments of paid orders, newest payment first (or as the queue's
// sort links ask, in the database), with only its own lines, the batch to pick for each, the shipping fee as
// charged and the buyer's delivery address. Every read takes the caller's scope (lib/server/queries/coop-scope.ts)
// and answers nothing for another cooperative's shipment. A gift order's parcel shows its recipient's own address
// (Shipment.recipient…street), an ordinary one the order's. The address is personal data: the pages that show it write an audit row (./audit.ts).
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { startOfBeijingDay } from "@/lib/domain/calendar";
import { FULFILLABLE_ORDER_STATUSES, isQueueState, type QueueState, parcelReference, parseParcelReference } from "@/lib/domain/fulfilment";
import { firstParam, type ListQuery, type ListSpec, MAX_LIST_PAGE, pageCount, pageWindow, parseListQuery, type SearchParams, type SortDir } from "@/lib/domain/list-query";
import type { ShipmentStatus } from "@/lib/domain/order-state";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

export const QUEUE_LIST = { sorts: ["paid", "placed", "number", "status"], dirs: { number: "asc", status: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export const QUEUE_PAGE_SIZE = QUEUE_LIST.pageSize;
export type QueueSort = (typeof QUEUE_LIST.sorts)[number];

export interface QueueFilter {
  state?: QueueState | null;
  /** Beijing days, YYYY-MM-DD, inclusive; on the order's payment time. */
  from?: string | null;
  to?: string | null;
  /** 1-based. */
  page?: number;
  /** Newest payment first when absent. */
  sort?: QueueSort;
  dir?: SortDir;
}

/** The queue's tab, dates, sort and page from the URL; an unknown tab or sort falls back, a bad day is ignored. */
export function parseQueueQuery(params: SearchParams): { state: QueueState | null; from: string; to: string } & ListQuery<QueueSort> {
  const state = firstParam(params.state) ?? "";
  const day = (v: string | string[] | undefined) => z.string().regex(DAY).catch("").parse(firstParam(v) ?? "");
  return { state: isQueueState(state) ? state : null, from: day(params.from), to: day(params.to), ...parseListQuery(params, QUEUE_LIST) };
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
  // A gift order's parcel (recipientNo > 0) goes to its recipient's own address, not the order's.
  recipientNo: true,
  recipient: true,
  phone: true,
  district: true,
  street: true,
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
  const { order, items, recipient: toName, phone: toPhone, district: toDistrict, street: toStreet, ...rest } = s;
  const { refunds, recipient, phone, district, street, ...o } = order;
  const own = toName !== null && toPhone !== null && toDistrict !== null && toStreet !== null;
  return {
    ...rest,
    order: { ...o, openRefund: refunds.length > 0 },
    /** What the slip and the pickup list call this parcel (a gift order's: its number and the recipient's place). */
    reference: parcelReference(o.number, rest.recipientNo),
    address: own ? { recipient: toName, phone: toPhone, district: toDistrict, street: toStreet } : { recipient, phone, district, street },
    lines: items.map(({ product, ...i }) => ({ ...i, productId: product.id, specZh: product.specZh, specEn: product.specEn, unitZh: product.unitZh, unitEn: product.unitEn, batch: product.batches[0] ?? null })),
  };
}

export type QueueShipment = ReturnType<typeof shape>;

function queueOrder(sort: QueueSort, dir: SortDir): Prisma.ShipmentOrderByWithRelationInput[] {
  const tail: Prisma.ShipmentOrderByWithRelationInput[] = [{ order: { paidAt: "desc" } }, { id: "desc" }];
  if (sort === "placed") return [{ order: { placedAt: dir } }, { id: dir }];
  if (sort === "number") return [{ order: { number: dir } }, { id: dir }];
  if (sort === "status") return [{ status: dir }, ...tail];
  return [{ order: { paidAt: dir } }, { id: dir }];
}

/** One page of the queue, sorted in the database (newest payment first unless asked), and the number matched. */
export async function listFulfilmentQueue(db: Db, scope: OneCoopScope, filter: QueueFilter = {}) {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  const where = queueWhere(scope, filter);
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), MAX_LIST_PAGE);
  const [total, rows] = await Promise.all([
    db.shipment.count({ where }),
    db.shipment.findMany({ where, orderBy: queueOrder(filter.sort ?? "paid", filter.dir ?? "desc"), ...pageWindow(page, QUEUE_PAGE_SIZE), select: SHIPMENT_SELECT }),
  ]);
  return { total, page, pageCount: pageCount(total, QUEUE_PAGE_SIZE), shipments: rows.map(shape) };
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
export async function shipmentsByOrderNumber(db: Db, { cooperativeIds, cooperativeId }: OneCoopScope, references: readonly string[]): Promise<Map<string, string>> {
  if (!cooperativeIds.includes(cooperativeId) || references.length === 0) return new Map();
  // A pickup list's row names a parcel by its reference (lib/domain/fulfilment.ts parcelReference): an order's one
  // parcel from this cooperative by the order number, a gift order's parcel by the number and its recipient's place.
  const wanted = references.map(parseParcelReference);
  const rows = await db.shipment.findMany({
    where: { cooperativeId, OR: wanted.map((w) => ({ recipientNo: w.recipientNo, order: { number: w.orderNumber } })) },
    select: { id: true, recipientNo: true, order: { select: { number: true } } },
  });
  return new Map(rows.map((r) => [parcelReference(r.order.number, r.recipientNo), r.id]));
}
