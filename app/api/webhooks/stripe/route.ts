import { db } from "@/lib/server/db";
import { ordersMovedStock } from "@/lib/server/queries/catalog-cached";
import { handleStripeWebhook } from "@/lib/server/orders/stripe-webhook";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";

export async function POST(request: Request) {
  const config = stripeConfig();
  if (!config) return Response.json({ received: false, error: "Stripe is not configured" }, { status: 404 });
  // The signature covers the exact bytes Stripe sent: read the raw body, never a re-serialised JSON.
  const rawBody = await request.text();
  const answer = await handleStripeWebhook(db, stripeClient(config), rawBody, request.headers.get("stripe-signature"), config.webhookSecret);
  // Expired or failed payments give stock back, a payment after a cancellation takes it again: the pages of the
  // products that order touched must not lag behind (never the whole catalog).
  const orderId = answer.status === 200 && !answer.body.duplicate ? checkoutSessionOrderId(rawBody) : null;
  if (orderId) await ordersMovedStock([orderId], "unknown");
  return Response.json(answer.body, { status: answer.status });
}

/** The order of a Checkout Session event (the only events that move stock); the signature was checked above. */
function checkoutSessionOrderId(rawBody: string): string | null {
  const event = JSON.parse(rawBody) as { type?: string; data?: { object?: { metadata?: { orderId?: string } | null; client_reference_id?: string | null } } };
  if (!event.type?.startsWith("checkout.session.")) return null;
  return event.data?.object?.metadata?.orderId ?? event.data?.object?.client_reference_id ?? null;
}
