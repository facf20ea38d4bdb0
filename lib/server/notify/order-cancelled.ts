import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { body, mailContext, orderUrl, type Tx } from "./common";

/** A pending order that ends unpaid: cancelled (by the buyer, or its payment could not start) or expired. */
export async function orderCancelledMail(tx: Tx, orderId: string, reason: "cancelled" | "expired"): Promise<OutboxMail | null> {
  const order = await tx.order.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, buyer: { select: { email: true, locale: true } } },
  });
  if (!order) return null;
  const c = mailContext(order.buyer.locale);
  return {
    to: order.buyer.email,
    kind: reason === "expired" ? "order-expired" : "order-cancelled",
    // One per order whichever way it ended (an order is cancelled once).
    dedupeKey: `orderCancelled:${order.id}`,
    subject: c.t("mail.orderCancelled.subject", { number: order.number, reason }),
    text: body(c, [c.t("mail.orderCancelled.body", { number: order.number, reason }), c.t("mail.orderLink", { url: orderUrl(order.id) })]),
  };
}
