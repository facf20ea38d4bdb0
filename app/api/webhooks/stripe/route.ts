import { db } from "@/lib/server/db";
import { catalogChanged } from "@/lib/server/queries/catalog-cached";
import { handleStripeWebhook } from "@/lib/server/orders/stripe-webhook";
import { stripeClient, stripeConfig } from "@/lib/server/stripe";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const config = stripeConfig();
  if (!config) return Response.json({ received: false, error: "Stripe is not configured" }, { status: 404 });
  // The signature covers the exact bytes Stripe sent: read the raw body, never a re-serialised JSON.
  const rawBody = await request.text();
  const answer = await handleStripeWebhook(db, stripeClient(config), rawBody, request.headers.get("stripe-signature"), config.webhookSecret);
  // Expired or failed payments give stock back: the catalog's stock figures must not lag behind.
  if (answer.status === 200 && !answer.body.duplicate) catalogChanged();
  return Response.json(answer.body, { status: answer.status });
}
