import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { absoluteUrl } from "@/lib/server/env";
import { body, mailContext, orderUrl, type Tx } from "./common";

/**
 * Non-essential (skipped when the buyer turned such mail off): the parcel arrived, and what its lines did for the
 * households they support — how many households and the benefit to the fen, from the benefit ledger (net of any
 * refund reversals of those lines). Names never: only a count.
 */
export async function shipmentDeliveredMail(tx: Tx, shipmentId: string, automatically: boolean): Promise<OutboxMail | null> {
  const shipment = await tx.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      recipientNo: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
      order: { select: { id: true, number: true, buyer: { select: { email: true, locale: true, mailOptOut: true } } } },
    },
  });
  // A gift order's parcels arrive at their recipients, not the purchaser: no mail per parcel (the order page shows each).
  if (!shipment || shipment.order.buyer.mailOptOut || shipment.recipientNo > 0) return null;
  const { order } = shipment;
  const perHousehold = await tx.ledgerEntry.groupBy({
    by: ["householdId"],
    where: { kind: "HOUSEHOLD_BENEFIT", orderItem: { shipmentId: shipment.id } },
    _sum: { amountFen: true },
  });
  const benefits = perHousehold.map((h) => h._sum.amountFen ?? 0).filter((fen) => fen > 0);
  const benefitFen = benefits.reduce((a, b) => a + b, 0);
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  return {
    to: order.buyer.email,
    kind: "shipment-delivered",
    dedupeKey: `shipmentDelivered:${shipment.id}`,
    subject: t("mail.shipmentDelivered.subject", { number: order.number }),
    text: body(c, [
      t("mail.shipmentDelivered.body", { number: order.number, cooperative: c.name(shipment.cooperative), automatically: automatically ? "yes" : "no" }),
      benefits.length > 0 && t("mail.shipmentDelivered.impact", { households: benefits.length, amount: c.money(benefitFen) }),
      t("mail.orderLink", { url: orderUrl(order.id) }),
      t("mail.shipmentDelivered.optOut", { url: absoluteUrl("/account") }),
    ]),
  };
}
