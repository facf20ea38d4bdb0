import "server-only";
// What the shop tells people when something happens to their order, in their language, through the mail outbox
// (lib/server/mail/outbox.ts). Call notify(tx, event) inside the transaction that makes the change: the mail is
// written with it and sent after it commits; a retry of the same event sends nothing twice (dedupe keys).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type NotifyEvent =
  | { type: "orderPlaced"; orderId: string }
  | { type: "paymentReceived"; orderId: string }
  | { type: "orderCancelled"; orderId: string; reason: "cancelled" | "expired" }
  | { type: "shipmentShipped"; shipmentId: string }
  /** Non-essential (the buyer may turn it off): what the delivered parcel did for the households. */
  | { type: "shipmentDelivered"; shipmentId: string; automatically: boolean }
  | { type: "refundDecided"; refundId: string };

/** Enqueues the mail for `event` in the caller's transaction (see lib/server/notify/ templates). */
export async function notify(tx: Db | Prisma.TransactionClient, event: NotifyEvent): Promise<void> {
  // Filled in by the mail templates (issue 12, point 4); until then nothing is sent.
  void tx;
  void event;
}
