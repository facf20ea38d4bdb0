"use server";
import { revalidatePath } from "next/cache";
import { yuan } from "@/lib/i18n/format";
import { db } from "@/lib/server/db";
import { decideRefund } from "@/lib/server/orders/refunds";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { decideRefundSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/**
 * An admin approves or rejects a refund request (lib/server/orders/refunds.ts holds the rules). Every answer
 * carries the request's id in `values`, so the refunds page shows a refusal on that request's row and the success,
 * which names the order and the amount approved, above the list (the decided request leaves it).
 */
export const decideRefundAction = roleAction(["ADMIN"], decideRefundSchema, async ({ refundId, decision }, { actor, t }) => {
  const values = { refundId, decision };
  const config = stripeConfig();
  const outcome = await decideRefund(db, config ? stripeClient(config) : null, { refundId, decision, actorId: actor.id });
  switch (outcome.kind) {
    case "notFound":
      return { ok: false, status: 404, message: t("errors.notFoundTitle"), values };
    case "taken":
      return { ok: false, status: 409, message: t("admin.refundDecided"), values };
    case "nothingLeft":
      return { ok: false, status: 409, message: t("admin.refundNothingLeft"), values };
    case "stripeFailed":
      return { ok: false, status: 502, message: t("admin.refundFailed", { error: outcome.error }), values };
    case "decided": {
      revalidatePath("/admin/refunds");
      const { order } = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { order: { select: { number: true } } } });
      const message =
        decision === "reject" ? t("admin.refundRejected", { number: order.number }) : t("admin.refundApproved", { number: order.number, amount: yuan(outcome.amountFen) });
      return { ok: true, status: 200, message, values: { refundId } };
    }
  }
});
