import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { body, mailContext, orderUrl, type Tx } from "./common";

/**
 * An admin decided a refund: approved (with the amount going back) or rejected, with the reason the buyer's
 * request gave, so the buyer knows which one. A refund the shop opened itself (a payment that arrived after the
 * order was cancelled) carries an internal reason, which is not shown.
 */
export async function refundDecidedMail(tx: Tx, refundId: string): Promise<OutboxMail | null> {
  const refund = await tx.refund.findUnique({
    where: { id: refundId },
    select: {
      id: true,
      status: true,
      amountFen: true,
      reason: true,
      reasonCode: true,
      requestedById: true,
      order: { select: { id: true, number: true, buyer: { select: { email: true, locale: true } } } },
    },
  });
  if (!refund) return null;
  const decision = refund.status === "REJECTED" ? "rejected" : refund.status === "APPROVED" || refund.status === "SUCCEEDED" ? "approved" : null;
  if (!decision) return null;
  const { order } = refund;
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  const reason = !refund.requestedById ? "" : [refund.reasonCode ? t(`mail.refundReason.${refund.reasonCode}`) : "", refund.reason.trim()].filter(Boolean).join(" · ");
  return {
    to: order.buyer.email,
    kind: "refund-decided",
    // Per decision: a request sent back to the admins (Stripe unreachable) and then decided otherwise is told again.
    dedupeKey: `refundDecided:${refund.id}:${decision}`,
    subject: t("mail.refundDecided.subject", { number: order.number, decision }),
    text: body(c, [
      decision === "approved"
        ? t("mail.refundDecided.approved", { number: order.number, amount: c.money(refund.amountFen) })
        : t("mail.refundDecided.rejected", { number: order.number }),
      reason && t("mail.refundDecided.reason", { reason }),
      t("mail.refundDecided.help"),
      t("mail.orderLink", { url: orderUrl(order.id) }),
    ]),
  };
}
