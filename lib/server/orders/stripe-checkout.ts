import "server-only";
// Opens a hosted Stripe Checkout Session for a placed order: amounts in fen (CNY's minor unit), the methods
// the operator configured, the order id in metadata, and an idempotency key per order so a retried request
// cannot open a second session.
import type Stripe from "stripe";
import type { Db } from "@/lib/db/client";
import { log } from "@/lib/server/log";
import type { StripeConfig } from "@/lib/server/stripe";

export async function createCheckoutSession(
  db: Db,
  stripe: Stripe,
  config: StripeConfig,
  orderId: string,
  urls: { success: string; cancel: string },
  locale: "zh-CN" | "en",
): Promise<{ id: string; url: string }> {
  const order = await db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      totalFen: true,
      reservedUntil: true,
      buyer: { select: { email: true } },
      items: { select: { nameZh: true, nameEn: true, unitPriceFen: true, quantity: true } },
      shipments: { select: { shippingFen: true, cooperative: { select: { nameZh: true, nameEn: true } } } },
    },
  });
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = [
    ...order.items.map((i) => ({
      quantity: i.quantity,
      price_data: { currency: "cny", unit_amount: i.unitPriceFen, product_data: { name: locale === "en" ? i.nameEn : i.nameZh } },
    })),
    ...order.shipments
      .filter((s) => s.shippingFen > 0)
      .map((s) => ({
        quantity: 1,
        price_data: {
          currency: "cny",
          unit_amount: s.shippingFen,
          product_data: { name: `${locale === "en" ? "Shipping" : "运费"} · ${locale === "en" ? s.cooperative.nameEn : s.cooperative.nameZh}` },
        },
      })),
  ];
  const methods = config.methods;
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      currency: "cny",
      line_items: lineItems,
      allowed_payment_method_types: methods,
      ...(methods.includes("wechat_pay") ? { payment_method_options: { wechat_pay: { client: "web" } } } : {}),
      client_reference_id: order.id,
      customer_email: order.buyer.email,
      metadata: { orderId: order.id, orderNumber: order.number },
      payment_intent_data: { metadata: { orderId: order.id, orderNumber: order.number } },
      locale: locale === "en" ? "en" : "zh",
      // The session ends with the stock reservation (Stripe allows 30 minutes to 24 hours).
      ...(order.reservedUntil ? { expires_at: Math.floor(order.reservedUntil.getTime() / 1000) } : {}),
      success_url: urls.success,
      cancel_url: urls.cancel,
    },
    { idempotencyKey: `order-${order.id}-checkout-session` },
  );
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL");
  await db.payment.updateMany({ where: { orderId: order.id, method: "STRIPE", status: "PENDING" }, data: { stripeCheckoutSessionId: session.id } });
  return { id: session.id, url: session.url };
}

/**
 * After the buyer cancels an order, closes its Checkout Session so that the hosted page (open in another tab,
 * say) can no longer take money. Best effort: a session Stripe has already completed cannot be expired, and its
 * payment reaches markOrderPaid through the webhook, which takes the stock again or opens a refund.
 */
export async function expireCheckoutSessions(db: Db, stripe: Stripe, orderId: string): Promise<number> {
  const payments = await db.payment.findMany({
    where: { orderId, method: "STRIPE", status: "EXPIRED", stripeCheckoutSessionId: { not: null }, order: { status: "CANCELLED" } },
    select: { stripeCheckoutSessionId: true },
  });
  let expired = 0;
  for (const { stripeCheckoutSessionId } of payments) {
    try {
      await stripe.checkout.sessions.expire(stripeCheckoutSessionId!);
      expired++;
    } catch (error) {
      log.warn({ err: error, orderId, stripeCheckoutSessionId }, "stripe: could not expire a Checkout Session");
    }
  }
  return expired;
}
