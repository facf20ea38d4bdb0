"use server";
import { revalidatePath } from "next/cache";
import { formatFen, parseYuanToFen } from "@/lib/domain/money";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { confirmTransferSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/** An admin records that a bank transfer arrived; the amount must match the order's total to the fen. */
export const confirmTransferAction = roleAction(["ADMIN"], confirmTransferSchema, async ({ orderId, amount }, { actor, t }) => {
  const amountFen = parseYuanToFen(amount);
  if (amountFen === null) return { ok: false, status: 400, fieldErrors: { amount: t("admin.amountInvalid") }, message: t("validation.fixErrors") };
  const locale = await getLocale();
  const result = await db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: orderId, paymentMethod: "BANK_TRANSFER" }, select: { totalFen: true, transferReference: true } });
    if (!order) return { outcome: "notFound" as const, totalFen: 0 };
    const outcome = await markOrderPaid(tx, { orderId, method: "BANK_TRANSFER", amountFen, bankReference: order.transferReference ?? undefined, confirmedById: actor.id });
    if (outcome === "paid" || outcome === "paidAfterCancel") {
      await audit(tx, { action: "order.transfer-confirmed", actorId: actor.id, entityType: "Order", entityId: orderId, metadata: { amountFen, outcome } });
    }
    return { outcome, totalFen: order.totalFen };
  });
  if (result.outcome === "notFound") return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  if (result.outcome === "amountMismatch") {
    return { ok: false, status: 422, message: t("admin.amountMismatch", { received: formatFen(amountFen, locale), expected: formatFen(result.totalFen, locale) }) };
  }
  if (result.outcome === "alreadyPaid") return { ok: false, status: 409, message: t("admin.notPending") };
  revalidatePath("/admin/transfers");
  return { ok: true, status: 200, message: t("admin.confirmed") };
});
