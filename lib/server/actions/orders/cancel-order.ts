"use server";
import { revalidatePath } from "next/cache";
import { ownOrderWhere } from "@/lib/server/queries/orders";
import { db } from "@/lib/server/db";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { cancelPendingOrderAlone } from "@/lib/server/orders/lifecycle";
import { expireCheckoutSessions } from "@/lib/server/orders/stripe-checkout";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";
import { orderIdSchema } from "@/lib/validation/checkout";
import { userAction } from "../chain";

/** The buyer cancels their own unpaid order; its reserved stock goes back on sale and its Stripe page closes. */
export const cancelOrderAction = userAction(orderIdSchema, async ({ orderId }, { actor, t }) => {
  const order = await db.order.findFirst({ where: { id: orderId, ...ownOrderWhere(actor.id, actor.organisation?.id) }, select: { id: true } });
  if (!order) return { ok: false, status: 404, message: t("errors.notFoundTitle") };
  const cancelled = await cancelPendingOrderAlone(db, order.id, "buyer");
  if (!cancelled) return { ok: false, status: 409, message: t("orders.notPending") };
  const config = stripeConfig();
  if (config) await expireCheckoutSessions(db, stripeClient(config), order.id);
  await ordersMovedStock([order.id], "released");
  revalidatePath(`/account/orders/${order.id}`);
  return { ok: true, status: 200, message: t("orders.cancelled") };
});
