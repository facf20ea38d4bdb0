import "server-only";
// What the shop tells people when something happens to their order, in their language, through the mail outbox
// (lib/server/mail/outbox.ts). Call notify(tx, event) inside the transaction that makes the change: the mail is
// written with it and sent after it commits; a retry of the same event sends nothing twice (dedupe keys).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMail, type OutboxMail } from "@/lib/server/mail/outbox";
import { orderCancelledMail } from "@/lib/server/notify/order-cancelled";
import { orderPlacedMail } from "@/lib/server/notify/order-placed";
import { paymentReceivedMail } from "@/lib/server/notify/payment-received";
import { refundDecidedMail } from "@/lib/server/notify/refund-decided";
import { shipmentDeliveredMail } from "@/lib/server/notify/shipment-delivered";
import { shipmentShippedMail } from "@/lib/server/notify/shipment-shipped";

export type NotifyEvent =
  | { type: "orderPlaced"; orderId: string }
  | { type: "paymentReceived"; orderId: string }
  | { type: "orderCancelled"; orderId: string; reason: "cancelled" | "expired" }
  | { type: "shipmentShipped"; shipmentId: string }
  /** Non-essential (the buyer may turn it off): what the delivered parcel did for the households. */
  | { type: "shipmentDelivered"; shipmentId: string; automatically: boolean }
  | { type: "refundDecided"; refundId: string };

function mailFor(tx: Db | Prisma.TransactionClient, event: NotifyEvent): Promise<OutboxMail | null> {
  switch (event.type) {
    case "orderPlaced":
      return orderPlacedMail(tx, event.orderId);
    case "paymentReceived":
      return paymentReceivedMail(tx, event.orderId);
    case "orderCancelled":
      return orderCancelledMail(tx, event.orderId, event.reason);
    case "shipmentShipped":
      return shipmentShippedMail(tx, event.shipmentId);
    case "shipmentDelivered":
      return shipmentDeliveredMail(tx, event.shipmentId, event.automatically);
    case "refundDecided":
      return refundDecidedMail(tx, event.refundId);
  }
}

/**
 * Enqueues the mail for `event` in the caller's transaction, in the reader's language (User.locale), with a
 * dedupe key per event (a second notify of the same event writes nothing). Nothing is sent for a row that does
 * not exist, or for non-essential mail the buyer turned off (User.mailOptOut). Templates: lib/server/notify/.
 */
export async function notify(tx: Db | Prisma.TransactionClient, event: NotifyEvent): Promise<void> {
  const mail = await mailFor(tx, event);
  if (mail) await enqueueMail(tx, mail);
}
