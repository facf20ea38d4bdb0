import "server-only";
import type { OutboxMail } from "@/lib/server/mail/outbox";
import { body, carrierLabel, lineTexts, mailContext, orderUrl, type Tx } from "./common";

/** One parcel left its cooperative: who sent it, the carrier and tracking number, and what is in it. */
export async function shipmentShippedMail(tx: Tx, shipmentId: string): Promise<OutboxMail | null> {
  const shipment = await tx.shipment.findUnique({
    where: { id: shipmentId },
    select: {
      id: true,
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
