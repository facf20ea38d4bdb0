import "server-only";
// Orders as their buyer and the admins see them. A buyer's reads take the buyer's id and answer null for
// anyone else's order (the page then shows 404), so an order's existence is not confirmed to others.
import type { Locale } from "@/lib/i18n/config";
import { db } from "@/lib/server/db";

const name = (r: { nameZh: string; nameEn: string }, locale: Locale) => (locale === "en" ? r.nameEn : r.nameZh);

export async function listBuyerOrders(buyerId: string) {
  return db.order.findMany({
    where: { buyerId },
    orderBy: { placedAt: "desc" },
    take: 100,
    select: { id: true, number: true, status: true, totalFen: true, placedAt: true, paymentMethod: true },
  });
}

export async function getBuyerOrder(buyerId: string, orderId: string, locale: Locale) {
  const order = await db.order.findFirst({
    where: { id: orderId, buyerId },
    select: {
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
        select: {
          id: true,
          status: true,
          shippingFen: true,
          carrier: true,
          trackingNumber: true,
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
      cooperative: name(s.cooperative, locale),
      items: s.items.map((i) => ({ ...i, name: name(i, locale) })),
    })),
  };
}

export async function listTransfersAwaitingConfirmation() {
  return db.order.findMany({
    where: { paymentMethod: "BANK_TRANSFER", status: "PENDING_PAYMENT" },
    orderBy: { placedAt: "asc" },
    select: { id: true, number: true, totalFen: true, transferReference: true, placedAt: true, reservedUntil: true, unitName: true, buyer: { select: { email: true } } },
  });
}

export async function listRefundRequests() {
  return db.refund.findMany({
    where: { status: "REQUESTED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, amountFen: true, reason: true, createdAt: true, order: { select: { number: true, paymentMethod: true, totalFen: true } } },
  });
}

/** The operator's company account shown for bank transfers (sample values in development). */
export function operatorBankAccount() {
  return {
    name: process.env.BANK_ACCOUNT_NAME ?? "唐县电商服务中心（示例）",
    bank: process.env.BANK_NAME ?? "中国农业银行唐县支行（示例）",
    number: process.env.BANK_ACCOUNT_NUMBER ?? "6228 0000 0000 0000 000",
  };
}
