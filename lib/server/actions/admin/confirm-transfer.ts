"use server";
import { revalidatePath } from "next/cache";
import { parseYuanToFen } from "@/lib/domain/money";
import { yuan } from "@/lib/i18n/format";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { sweepOrder } from "@/lib/server/orders/sweep";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { confirmTransferSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/**
 * An admin records that a bank transfer arrived; the amount must match the order's total to the fen.
 * Every answer carries the order's id in `values`, so the transfers page shows a refusal on that order's row and
 * the success above the list (the confirmed order leaves the list of pending ones).
 */
export const confirmTransferAction = roleAction(["ADMIN"], confirmTransferSchema, async ({ orderId, amount }, { actor, t }) => {
  const values = { orderId, amount };
  const amountFen = parseYuanToFen(amount);
  if (amountFen === null) return { ok: false, status: 400, fieldErrors: { amount: t("admin.amountInvalid") }, message: t("validation.fixErrors"), values };
  // A reservation that ran out is released first, as the sweep timer would have: the payment then takes the stock
  // again if it is still there, instead of converting a hold the catalog already shows as on sale.
  await sweepOrder(db, orderId);
  const result = await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: orderId, paymentMethod: "BANK_TRANSFER" }, select: { number: true, totalFen: true, transferReference: true } });
    if (!order) return { outcome: "notFound" as const, number: "", totalFen: 0 };
    const outcome = await markOrderPaid(tx, { orderId, method: "BANK_TRANSFER", amountFen, bankReference: order.transferReference ?? undefined, confirmedById: actor.id });
    if (outcome === "paid" || outcome === "paidAfterCancel") {
      await audit(tx, { action: "order.transfer-confirmed", actorId: actor.id, entityType: "Order", entityId: orderId, metadata: { amountFen, outcome } });
    }
    return { outcome, number: order.number, totalFen: order.totalFen };
  });
  if (result.outcome === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle"), values };
  if (result.outcome === "amountMismatch") {
    return { ok: false, status: 422, message: t("admin.amountMismatch", { received: yuan(amountFen), expected: yuan(result.totalFen) }), values };
  }
  if (result.outcome === "alreadyPaid") return { ok: false, status: 409, message: t("admin.notPending"), values };
  // An organisation's order above its threshold is paid only once its approver said yes.
  if (result.outcome === "notApproved") return { ok: false, status: 409, message: t("org.approvals.notApprovedYet", { number: result.number }), values };
  // A payment after a cancellation or expiry takes stock again: the pages of this order's products only.
  await ordersMovedStock([orderId], "taken");
  revalidatePath("/admin/transfers");
  // Money for an order cancelled meanwhile is recorded and a refund request opened (lib/server/orders/lifecycle.ts).
  const key = result.outcome === "paidAfterCancel" ? "admin.confirmedAfterCancel" : "admin.confirmed";
  return { ok: true, status: 200, message: t(key, { number: result.number, amount: yuan(amountFen) }), values: { orderId } };
});
