import { db } from "@/lib/server/db";
import { handleStripeWebhook } from "@/lib/server/orders/stripe-webhook";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const config = stripeConfig();
  if (!config) return Response.json({ received: false, error: "Stripe is not configured" }, { status: 404 });
  // The signature covers the exact bytes Stripe sent: read the raw body, never a re-serialised JSON.
  const rawBody = await request.text();
  const answer = await handleStripeWebhook(db, stripeClient(config), rawBody, request.headers.get("stripe-signature"), config.webhookSecret);
  return Response.json(answer.body, { status: answer.status });
}
