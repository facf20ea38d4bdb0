import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { body, mailContext, orderUrl, type Tx } from "./common";

export async function paymentReceivedMail(tx: Tx, orderId: string): Promise<OutboxMail | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, totalFen: true, buyer: { select: { email: true, locale: true } } },
  });
  if (!order) return null;
  const c = mailContext(order.buyer.locale);
  return {
    to: order.buyer.email,
    kind: "payment-received",
    dedupeKey: `paymentReceived:${order.id}`,
    subject: c.t("mail.paymentReceived.subject", { number: order.number }),
    text: body(c, [c.t("mail.paymentReceived.body", { number: order.number, amount: c.money(order.totalFen) }), c.t("mail.orderLink", { url: orderUrl(order.id) })]),
  };
}
