import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { operatorBankAccount } from "@/lib/server/queries/orders";
import { body, lineTexts, mailContext, orderUrl, type Tx } from "./common";

/** The order's lines and total; for a bank transfer, the operator's account, the reference, amount and deadline. */
export async function orderPlacedMail(tx: Tx, orderId: string): Promise<OutboxMail | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      paymentMethod: true,
      shippingFen: true,
      discountFen: true,
      totalFen: true,
      transferReference: true,
      reservedUntil: true,
      buyer: { select: { email: true, locale: true } },
      items: { orderBy: { id: "asc" }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
    },
  });
  if (!order) return null;
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  const count = order.items.reduce((n, i) => n + i.quantity, 0);
  const deadline = order.reservedUntil ? c.time(order.reservedUntil) : null;
  const bank = operatorBankAccount();
  const payment =
    order.paymentMethod === "BANK_TRANSFER"
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
