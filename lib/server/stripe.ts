import "server-only";
// The platform operator's Stripe account (DESIGN.md "Payments"). With no keys configured, nothing here is
// used: checkout offers bank transfer only and says why.
import Stripe from "stripe";

export type StripeMethod = "card" | "wechat_pay" | "alipay";

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  methods: StripeMethod[];
}

export function stripeConfig(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  const webhookSecret = env.STRIPE_WEBHOOK_SECRET?.trim();
  if (!secretKey || !webhookSecret) return null;
  const methods = (env.STRIPE_PAYMENT_METHODS ?? "card")
    .split(",")
    .map((m) => m.trim())
    .filter((m): m is StripeMethod => m === "card" || m === "wechat_pay" || m === "alipay");
  return { secretKey, webhookSecret, methods: methods.length ? methods : ["card"] };
}

let client: { key: string; stripe: Stripe } | undefined;

/** STRIPE_API_BASE (tests only) points the SDK at a local HTTP server standing in for Stripe's API host. */
export function stripeClient(config: StripeConfig): Stripe {
  if (client?.key !== config.secretKey) {
    const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
    client = {
      key: config.secretKey,
      stripe: new Stripe(config.secretKey, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(base ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
      }),
    };
  }
  return client.stripe;
}
