"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/server/db";
import { decideRefund } from "@/lib/server/orders/refunds";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { decideRefundSchema } from "@/lib/validation/checkout";
import { roleAction } from "../chain";

/** An admin approves or rejects a refund request (lib/server/orders/refunds.ts holds the rules). */
export const decideRefundAction = roleAction(["ADMIN"], decideRefundSchema, async ({ refundId, decision }, { actor, t }) => {
  const config = stripeConfig();
  const outcome = await decideRefund(db, config ? stripeClient(config) : null, { refundId, decision, actorId: actor.id });
  switch (outcome.kind) {
    case "notFound":
      return { ok: false, status: 404, message: t("errors.notFoundTitle") };
    case "taken":
      return { ok: false, status: 409, message: t("admin.refundDecided") };
    case "nothingLeft":
      return { ok: false, status: 409, message: t("admin.refundNothingLeft") };
    case "stripeFailed":
      return { ok: false, status: 502, message: t("admin.refundFailed", { error: outcome.error }) };
    case "decided":
      revalidatePath("/admin/refunds");
      return { ok: true, status: 200, message: t(decision === "reject" ? "admin.refundRejected" : "admin.refundApproved") };
  }
});
