import "server-only";
// Orders as their buyer and the admins see them. A buyer's reads take the buyer's id and answer null for
// anyone else's order (the page then shows 404), so an order's existence is not confirmed to others.
import type { Db } from "@/lib/db/client";
import { type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/config";
import { carrierLabel } from "@/lib/domain/carriers";
import { isReservationExpired } from "@/lib/domain/order-state";
import { env } from "@/lib/server/env";

const name = (r: { nameZh: string; nameEn: string }, locale: Locale) => (locale === "en" ? r.nameEn : r.nameZh);

/**
 * The buyer's own orders: their private ones, and those they placed for their organisation only while they still
 * belong to it (a purchaser removed from it no longer reads, cancels or asks refunds of the organisation's orders).
 */
export const ownOrderWhere = (buyerId: string, organisationId: string | null | undefined) =>
  ({ buyerId, OR: [{ organisationId: null }, ...(organisationId ? [{ organisationId }] : [])] }) satisfies Prisma.OrderWhereInput;

const ORDER_ROW_SELECT = {
  id: true,
  number: true,
  status: true,
  totalFen: true,
  placedAt: true,
  paymentMethod: true,
  reservedUntil: true,
  cancelledAt: true,
  approvalStatus: true,
  shipments: { select: { status: true } },
} as const satisfies Prisma.OrderSelect;

export async function listBuyerOrders(db: Db, { buyerId, organisationId }: { buyerId: string; organisationId?: string | null }) {
  return db.order.findMany({ where: ownOrderWhere(buyerId, organisationId), orderBy: { placedAt: "desc" }, take: 100, select: ORDER_ROW_SELECT });
}

/** An organisation's orders, newest first, with who placed each: for its members' list (the organisation's only). */
export async function listOrganisationOrders(db: Db, { organisationId }: { organisationId: string }) {
  return db.order.findMany({ where: { organisationId }, orderBy: { placedAt: "desc" }, take: 200, select: { ...ORDER_ROW_SELECT, buyer: { select: { name: true, email: true } } } });
}

export async function getBuyerOrder(db: Db, { buyerId, organisationId, orderId, locale }: { buyerId: string; organisationId?: string | null; orderId: string; locale: Locale }) {
  return orderView(db, { id: orderId, ...ownOrderWhere(buyerId, organisationId) }, locale);
}

/** One of an organisation's orders, for its members (whoever of them placed it); another organisation's is null. */
export async function getOrganisationOrder(db: Db, { organisationId, orderId, locale }: { organisationId: string; orderId: string; locale: Locale }) {
  return orderView(db, { id: orderId, organisationId }, locale);
}

/** An order as its pages show it, found only within its owner's scope (the buyer's, or the organisation's). */
async function orderView(db: Db, where: Prisma.OrderWhereInput & { id: string }, locale: Locale) {
  const order = await db.order.findFirst({
    where,
    select: {
      buyerId: true,
      organisationId: true,
      approvalStatus: true,
      approvalNote: true,
      approvalDecidedAt: true,
      buyer: { select: { name: true, email: true } },
      id: true,
      number: true,
      status: true,
      paymentMethod: true,
      itemsFen: true,
      shippingFen: true,
      totalFen: true,
      refundedFen: true,
      recipient: true,
      phone: true,
      district: true,
      street: true,
      note: true,
      invoiceTitle: true,
      taxId: true,
      transferReference: true,
      reservedUntil: true,
      placedAt: true,
      paidAt: true,
      cancelledAt: true,
      shipments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          status: true,
          shippingFen: true,
          carrier: true,
          carrierName: true,
          trackingNumber: true,
          packedAt: true,
          shippedAt: true,
          deliveredAt: true,
          deliveredAutomatically: true,
          recipientNo: true,
          recipient: true,
          cooperative: { select: { nameZh: true, nameEn: true } },
          items: { select: { id: true, nameZh: true, nameEn: true, unitPriceFen: true, quantity: true, lineTotalFen: true } },
        },
      },
      refunds: { select: { id: true, status: true, amountFen: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return null;
  return {
    ...order,
    shipments: order.shipments.map((s) => ({
      ...s,
      carrier: s.carrier ? carrierLabel(s.carrier, locale, s.carrierName) : null,
      cooperative: name(s.cooperative, locale),
      items: s.items.map((i) => ({ ...i, name: name(i, locale) })),
    })),
  };
}

/** Bank-transfer orders waiting for their money whose reservation has not run out (isReservationExpired, in SQL). */
const awaitingWhere = (now: Date) =>
  ({
    paymentMethod: "BANK_TRANSFER",
    status: "PENDING_PAYMENT",
    // An organisation's order waiting for its approver is not to be paid yet (lib/domain/approval.ts mayPay).
    approvalStatus: { in: ["NONE", "APPROVED"] },
    OR: [{ reservedUntil: null }, { reservedUntil: { gte: now } }],
  }) satisfies Prisma.OrderWhereInput;
const AWAITING_SELECT = { id: true, number: true, status: true, totalFen: true, transferReference: true, placedAt: true, reservedUntil: true, unitName: true, buyer: { select: { email: true } } } as const;

/**
 * Bank-transfer orders still waiting for their money, oldest first (admins). An order whose reservation ran out
 * is as good as cancelled, swept or not (the sweep runs on a timer, never while a page renders): not listed.
 */
export async function listTransfersAwaitingConfirmation(db: Db, { now = new Date() }: { now?: Date } = {}) {
  const orders = await db.order.findMany({ where: awaitingWhere(now), orderBy: [{ placedAt: "asc" }, { id: "asc" }], select: AWAITING_SELECT });
  return orders.filter((o) => !isReservationExpired(o, now));
}

/** The transfers page's sorts: oldest first by default; by amount or order number. */
export const TRANSFER_LIST = { sorts: ["placed", "amount", "number"], dirs: { placed: "asc", number: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type TransferSort = (typeof TRANSFER_LIST.sorts)[number];
export const parseTransferListQuery = (params: SearchParams): ListQuery<TransferSort> => parseListQuery(params, TRANSFER_LIST);

/** One page of the transfers awaiting confirmation, sorted in the database. */
export async function listTransfersAwaitingPage(db: Db, query: ListQuery<TransferSort>, now = new Date()) {
  const where = awaitingWhere(now);
  const first: Prisma.OrderOrderByWithRelationInput = query.sort === "amount" ? { totalFen: query.dir } : query.sort === "number" ? { number: query.dir } : { placedAt: query.dir };
  const [total, rows] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({ where, orderBy: [first, { placedAt: "asc" }, { id: "asc" }], ...pageWindow(query.page, TRANSFER_LIST.pageSize), select: AWAITING_SELECT }),
  ]);
  return { total, pages: pageCount(total, TRANSFER_LIST.pageSize), rows };
}

/**
 * The bank transfers admins confirmed most recently, newest first, with who confirmed each (admins).
 * A confirmation is the transfer's succeeded Payment with the confirming admin on it.
 */
export async function listRecentlyConfirmedTransfers(db: Db, { limit = 20 }: { limit?: number } = {}) {
  const payments = await db.payment.findMany({
    // Confirmed by an admin, whatever happened since (a later refund changes the status, not the confirmation).
    where: { method: "BANK_TRANSFER", confirmedById: { not: null }, succeededAt: { not: null } },
    orderBy: [{ succeededAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, amountFen: true, bankReference: true, succeededAt: true, confirmedById: true, order: { select: { id: true, number: true, unitName: true } } },
  });
  const adminOf = await adminNames(db, payments.map((p) => p.confirmedById));
  return payments.map((p) => ({
    id: p.id,
    orderId: p.order.id,
    orderNumber: p.order.number,
    unitName: p.order.unitName,
    reference: p.bankReference,
    amountFen: p.amountFen,
    confirmedAt: p.succeededAt,
    confirmedBy: (p.confirmedById && adminOf.get(p.confirmedById)) || null,
  }));
}

/** The admins of these ids (nulls skipped) by id: their name, or their email if they gave none. */
async function adminNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const admins = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, email: true } });
  return new Map(admins.map((a) => [a.id, a.name || a.email]));
}

/**
 * Refund requests waiting for an admin's decision, oldest first. An after-sales request (made once a parcel had
 * shipped) comes with the parcel it names as it stands now: its state, cooperative, carrier, tracking number and
 * times, so the admin sees whether it was delivered — never the buyer's address.
 */
export async function listRefundRequests(db: Db, { locale = "zh-CN" }: { locale?: Locale } = {}) {
  const refunds = await db.refund.findMany({ where: { status: "REQUESTED" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: REQUEST_SELECT });
  return refunds.map(requestRow(locale));
}

const REQUEST_SELECT = {
  id: true,
  amountFen: true,
  reason: true,
  reasonCode: true,
  createdAt: true,
  order: { select: { number: true, paymentMethod: true, totalFen: true } },
  shipment: {
    select: {
      id: true,
      status: true,
      carrier: true,
      carrierName: true,
      trackingNumber: true,
      shippedAt: true,
      deliveredAt: true,
      deliveredAutomatically: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
    },
  },
} as const satisfies Prisma.RefundSelect;

const requestRow =
  (locale: Locale) =>
  ({ shipment, ...r }: Prisma.RefundGetPayload<{ select: typeof REQUEST_SELECT }>) => ({
    ...r,
    shipment: shipment && {
      ...shipment,
      carrier: shipment.carrier ? carrierLabel(shipment.carrier, locale, shipment.carrierName) : null,
      cooperative: name(shipment.cooperative, locale),
    },
  });

/** The refunds page's sorts: oldest request first by default; by amount or order number. */
export const REFUND_LIST = { sorts: ["requested", "amount", "number"], dirs: { requested: "asc", number: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type RefundSort = (typeof REFUND_LIST.sorts)[number];
export const parseRefundListQuery = (params: SearchParams): ListQuery<RefundSort> => parseListQuery(params, REFUND_LIST);

/** One page of the refund requests awaiting a decision, sorted in the database. */
export async function listRefundRequestsPage(db: Db, query: ListQuery<RefundSort>, { locale = "zh-CN" }: { locale?: Locale } = {}) {
  const where = { status: "REQUESTED" } as const;
  const first: Prisma.RefundOrderByWithRelationInput = query.sort === "amount" ? { amountFen: query.dir } : query.sort === "number" ? { order: { number: query.dir } } : { createdAt: query.dir };
  const [total, rows] = await Promise.all([
    db.refund.count({ where }),
    db.refund.findMany({ where, orderBy: [first, { createdAt: "asc" }, { id: "asc" }], ...pageWindow(query.page, REFUND_LIST.pageSize), select: REQUEST_SELECT }),
  ]);
  return { total, pages: pageCount(total, REFUND_LIST.pageSize), rows: rows.map(requestRow(locale)) };
}

/**
 * The refund requests admins decided most recently, newest first (admins): the order's number and payment method,
 * the amount (what was asked, or what was approved: a decision caps it at what the order had left), the refund's
 * status since (approved and with Stripe, paid back, failed, rejected), who decided and when. Refunds nobody
 * decided (one made in Stripe's Dashboard, a request back in the list after Stripe failed) are not listed. No
 * buyer's data leaves this read: no name, email, address or reason.
 */
export async function listRecentlyDecidedRefunds(db: Db, { limit = 20 }: { limit?: number } = {}) {
  const refunds = await db.refund.findMany({
    where: { status: { not: "REQUESTED" }, decidedById: { not: null }, decidedAt: { not: null } },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, amountFen: true, status: true, decidedAt: true, decidedById: true, order: { select: { number: true, paymentMethod: true } } },
  });
  const adminOf = await adminNames(db, refunds.map((r) => r.decidedById));
  return refunds.map((r) => ({
    id: r.id,
    orderNumber: r.order.number,
    paymentMethod: r.order.paymentMethod,
    amountFen: r.amountFen,
    status: r.status,
    decidedAt: r.decidedAt,
    decidedBy: (r.decidedById && adminOf.get(r.decidedById)) || null,
  }));
}

/** The operator's company account shown for bank transfers (sample values in development). */
export function operatorBankAccount() {
  return {
    name: env.BANK_ACCOUNT_NAME,
    bank: env.BANK_NAME,
    number: env.BANK_ACCOUNT_NUMBER,
  };
}
