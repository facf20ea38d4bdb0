import "server-only";
// The platform operator's Stripe account (DESIGN.md "Payments"). With no keys configured, nothing here is
// used: checkout offers bank transfer only and says why.
import Stripe from "stripe";
import { env, type Env, type StripeMethod } from "@/lib/server/env";

export type { StripeMethod };

export interface StripeConfig {
  secretKey: string;
  webhookSecret: string;
  methods: StripeMethod[];
  /** Tests only (STRIPE_API_BASE): a local HTTP server standing in for Stripe's API host. */
  apiBase?: string;
}

type StripeEnv = Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_WEBHOOK_SECRET" | "STRIPE_PAYMENT_METHODS" | "STRIPE_API_BASE">;

/** The Stripe account, or null when none is configured. Tests pass `parseEnv({ … })` instead of the real env. */
export function stripeConfig(source: StripeEnv = env): StripeConfig | null {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret } = source;
  if (!secretKey || !webhookSecret) return null;
  return { secretKey, webhookSecret, methods: [...source.STRIPE_PAYMENT_METHODS], ...(source.STRIPE_API_BASE ? { apiBase: source.STRIPE_API_BASE } : {}) };
}

let client: { key: string; stripe: Stripe } | undefined;

/** config.apiBase (tests only) points the SDK at a local HTTP server standing in for Stripe's API host. */
export function stripeClient(config: StripeConfig): Stripe {
  const key = `${config.secretKey} ${config.apiBase ?? ""}`;
  if (client?.key !== key) {
    const base = config.apiBase ? new URL(config.apiBase) : null;
    client = {
      key,
      stripe: new Stripe(config.secretKey, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(base ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
      }),
    };
  }
  return client.stripe;
}
