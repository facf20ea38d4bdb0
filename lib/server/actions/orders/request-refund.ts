"use server";
import { revalidatePath } from "next/cache";
import type { AfterSalesProblem } from "@/lib/domain/delivery";
import { db } from "@/lib/server/db";
import { requestRefund } from "@/lib/server/orders/refunds";
import { afterSalesRefundSchema } from "@/lib/validation/after-sales";
import { userAction } from "../chain";

/** Which field a refused after-sales request points at, and the message key shown beside it. */
const PROBLEM_FIELD = {
  shipmentRequired: ["shipmentId", "afterSales.errors.shipmentRequired"],
  shipmentNotDispatched: ["shipmentId", "afterSales.errors.shipmentNotDispatched"],
  reasonCodeRequired: ["reasonCode", "afterSales.errors.reasonCode"],
  reasonTextRequired: ["reason", "validation.reasonRequired"],
} as const satisfies Record<AfterSalesProblem, readonly [string, string]>;

/**
 * The buyer asks for a refund of what is left of a paid order; an admin decides. After shipping the request
 * names one of the order's dispatched parcels and a reason (lib/server/orders/refunds.ts checks both, under the
 * order's lock). Another buyer's order, or a parcel of another order, is not found and nothing is written.
 */
export const requestRefundAction = userAction(afterSalesRefundSchema, async (input, { actor, t }) => {
  const { orderId, shipmentId, reasonCode, reason } = input;
  const values = { orderId, shipmentId: shipmentId ?? "", reasonCode: reasonCode ?? "", reason };
  const outcome = await requestRefund(db, { orderId, buyerId: actor.id, organisationId: actor.organisation?.id, reason, shipmentId, reasonCode });
  switch (outcome) {
    case "notFound":
    case "shipmentNotFound":
      return { ok: false, status: 404, message: t("errors.notFoundTitle") };
    case "notPaid":
      return { ok: false, status: 409, message: t("orders.notPaid") };
    case "open":
      return { ok: false, status: 409, message: t("orders.refundOpen") };
    case "ok":
      revalidatePath(`/account/orders/${orderId}`);
      revalidatePath("/admin/refunds");
      return { ok: true, status: 200, message: t("orders.refundRequested") };
    default: {
      const [field, key] = PROBLEM_FIELD[outcome];
      return { ok: false, status: 400, message: t("validation.fixErrors"), fieldErrors: { [field]: t(key) }, values };
    }
  }
});
