import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { absoluteUrl } from "@/lib/server/env";
import { body, carrierLabel, lineTexts, mailContext, orderUrl, type Tx } from "./common";

/**
 * One parcel left its cooperative: who sent it, the carrier and tracking number, and what is in it. A gift order's
 * parcels (one per recipient) are not mailed one by one — a union's 500 recipients would be 500 mails to its
 * purchaser — but once, when the last of them leaves, with the count and a link to the order's parcels.
 */
export async function shipmentShippedMail(tx: Tx, shipmentId: string): Promise<OutboxMail | null> {
  const shipment = await tx.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
      recipientNo: true,
      carrier: true,
      carrierName: true,
      trackingNumber: true,
      cooperative: { select: { nameZh: true, nameEn: true } },
      order: { select: { id: true, number: true, buyer: { select: { email: true, locale: true } } } },
      items: { orderBy: { id: "asc" }, select: { nameZh: true, nameEn: true, quantity: true, lineTotalFen: true } },
    },
  });
  if (!shipment) return null;
  const { order } = shipment;
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  if (shipment.recipientNo > 0) {
    const waiting = await tx.shipment.count({ where: { orderId: order.id, status: { in: ["PENDING", "PACKED"] } } });
    if (waiting > 0) return null;
    const parcels = await tx.shipment.count({ where: { orderId: order.id, status: { not: "CANCELLED" } } });
    return {
      to: order.buyer.email,
      kind: "gift-shipped",
      dedupeKey: `giftShipped:${order.id}`,
      subject: t("mail.giftShipped.subject", { number: order.number }),
      text: body(c, [t("mail.giftShipped.intro", { number: order.number, parcels }), t("mail.orderLink", { url: absoluteUrl(`/org/orders/${order.id}`) })]),
    };
  }
  return {
    to: order.buyer.email,
    kind: "shipment-shipped",
    dedupeKey: `shipmentShipped:${shipment.id}`,
    subject: t("mail.shipmentShipped.subject", { number: order.number }),
    text: body(c, [
      [
        t("mail.shipmentShipped.intro", { cooperative: c.name(shipment.cooperative), number: order.number }),
        t("mail.shipmentShipped.tracking", { carrier: carrierLabel(c, shipment.carrier, shipment.carrierName), tracking: shipment.trackingNumber ?? "" }),
      ],
      [t("mail.shipmentShipped.contents"), ...lineTexts(c, shipment.items)],
      t("mail.shipmentShipped.confirm"),
      t("mail.orderLink", { url: orderUrl(order.id) }),
    ]),
  };
}
