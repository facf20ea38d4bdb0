import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { operatorBankAccount } from "@/lib/server/queries/orders";
import { body, lineTexts, mailContext, orderUrl, type Tx } from "./common";

const PLACED_ORDER_SELECT = {
  id: true,
  number: true,
  paymentMethod: true,
  approvalStatus: true,
  shippingFen: true,
  discountFen: true,
  totalFen: true,
  transferReference: true,
  reservedUntil: true,
  buyer: { select: { email: true, locale: true } },
  items: { orderBy: { id: "asc" }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
} as const;

/** What the mail says about a placed order: the order as PLACED_ORDER_SELECT reads it (lines in id order). */
export type PlacedOrderFacts = Prisma.OrderGetPayload<{ select: typeof PLACED_ORDER_SELECT }>;

/** The order's lines and total; for a bank transfer, the operator's account, the reference, amount and deadline. */
export async function orderPlacedMail(tx: Tx, orderId: string): Promise<OutboxMail | null> {
  const order = await tx.order.findUnique({ where: { id: orderId }, select: PLACED_ORDER_SELECT });
  return order && orderPlacedMailOf(order);
}

/** The same mail from the facts in hand: placeOrder has just written them, and saves reading them back. */
export function orderPlacedMailOf(order: PlacedOrderFacts): OutboxMail {
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  const deadline = order.reservedUntil ? c.time(order.reservedUntil) : null;
  const bank = operatorBankAccount();
  // An organisation's order waiting for its approver is not paid yet: the approval mail brings the transfer details.
  const payment =
    order.approvalStatus === "PENDING"
      ? deadline && t("mail.orderPlaced.awaitingApproval", { deadline })
      : order.paymentMethod === "BANK_TRANSFER"
      ? [
          t("mail.orderPlaced.bankTitle"),
          t("mail.orderPlaced.bankDetails", { name: bank.name, bank: bank.bank, account: bank.number, amount: c.money(order.totalFen), reference: order.transferReference ?? "" }),
          deadline ? t("mail.orderPlaced.bankDeadline", { deadline }) : "",
        ].filter(Boolean)
      : deadline && t("mail.orderPlaced.payOnline", { deadline });
  return {
    to: order.buyer.email,
    kind: "order-placed",
    dedupeKey: `orderPlaced:${order.id}`,
    subject: t("mail.orderPlaced.subject", { number: order.number }),
    text: body(c, [
      [
        t("mail.orderPlaced.intro", { number: order.number, count }),
        ...lineTexts(c, order.items),
        t("mail.orderPlaced.shipping", { amount: c.money(order.shippingFen) }),
        ...(order.discountFen > 0 ? [t("mail.orderPlaced.discount", { amount: c.money(order.discountFen) })] : []),
        t("mail.total", { amount: c.money(order.totalFen) }),
      ],
      payment,
      t("mail.orderLink", { url: orderUrl(order.id) }),
    ]),
  };
}
