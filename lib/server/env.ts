import "server-only";
// The one place that reads process.env (tests, scripts, lib/seed and next.config.js aside). Every variable is
// validated and coerced once, when the server starts (instrumentation.ts imports this module), so a bad value
// stops the server with a message naming the variable instead of misbehaving later. `parseEnv` is a pure
// function of an env object, so the rules are unit-tested without touching process.env.
// Each variable is described in .env.example and the README's Configuration table.
import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

export const STRIPE_METHODS = ["card", "wechat_pay", "alipay"] as const;
export type StripeMethod = (typeof STRIPE_METHODS)[number];

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Next sets NEXT_PHASE to this while `next build` runs: production-only requirements do not apply then. */
export const PHASE_PRODUCTION_BUILD = "phase-production-build";

const wholeNumber = (min: number, max: number, unit = "") => {
  const message = `must be a whole number from ${min} to ${max}${unit}`;
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
};

/** "1" turns a switch on; "0" or unset leaves it off. */
const flag = z
  .enum(["0", "1"], 'must be "1" (on) or "0" (off)')
  .optional()
  .transform((v) => v === "1");

const paymentMethods = z
  .string()
  .transform((value, ctx) => {
    const methods = value.split(",").map((m) => m.trim()).filter(Boolean);
    const unknown = methods.filter((m) => !(STRIPE_METHODS as readonly string[]).includes(m));
    if (unknown.length || !methods.length) {
      ctx.addIssue({
        code: "custom",
        message: `must be a comma-separated list of ${STRIPE_METHODS.join(", ")}${unknown.length ? ` (unknown: ${unknown.join(", ")})` : ""}`,
      });
      return z.NEVER;
    }
    return [...new Set(methods)] as StripeMethod[];
  })
  .default(["card"]);

const server = {
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// connection URL" }).optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 100).default(10),
  /** Several server processes share Next's data cache through this Redis (lib/server/cache-handler.mjs); unset: each keeps its own. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379" }).optional(),
  /** Put before every key this shop writes to Redis, so several shops (or test runs) can share one. */
  REDIS_KEY_PREFIX: z.string().trim().min(1).max(100).default("shop:"),
  EMBEDDED_DB_DIR: z.string().trim().min(1).default(".data/pglite"),
  SITE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://shop.example.cn" }).default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters: generate one with `openssl rand -base64 32`").optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().trim().min(1).default("noreply@localhost"),
  DEV_OUTBOX: flag,
  STRIPE_SECRET_KEY: z.string().trim().regex(/^(sk|rk)_/, "must be a Stripe secret key (sk_… or rk_…)").optional(),
  STRIPE_WEBHOOK_SECRET: z.string().trim().startsWith("whsec_", "must be a Stripe webhook signing secret (whsec_…)").optional(),
  STRIPE_PAYMENT_METHODS: paymentMethods,
  STRIPE_API_BASE: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  BANK_ACCOUNT_NAME: z.string().trim().min(1).default("唐县电商服务中心（示例）"),
  BANK_NAME: z.string().trim().min(1).default("中国农业银行唐县支行（示例）"),
  BANK_ACCOUNT_NUMBER: z.string().trim().min(1).default("6228 0000 0000 0000 000"),
  RESERVATION_SWEEP_MS: wholeNumber(1_000, 3_600_000, " (milliseconds)").default(60_000),
  /**
   * Who compresses responses for browsers that accept gzip: the app (Next's `compress`, per response in Node), or a
   * proxy in front (nginx's gzip), which costs less CPU a request (docs/benchmarks.md). Read by next.config.js.
   */
  COMPRESSION: z.enum(["app", "proxy"], 'must be "app" (the app compresses its responses) or "proxy" (a proxy in front does)').default("app"),
  /** Proxies in front of the app that append to X-Forwarded-For; 0: the header is not believed at all. */
  TRUSTED_PROXY_HOPS: wholeNumber(0, 5).default(0),
  SEED_DEMO_USERS: flag,
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).optional(),
  /** Where product photos are stored: a local folder (development) or an S3-compatible bucket (production). */
  STORAGE_DRIVER: z.enum(["local", "s3"], 'must be "local" or "s3"').default("local"),
  /** The local driver's folder (git-ignored under .data/). */
  UPLOADS_DIR: z.string().trim().min(1).default(".data/uploads"),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default("us-east-1"),
  /** Any S3-compatible store (MinIO, Aliyun OSS, Tencent COS…); unset: AWS itself. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  /** "1": bucket in the path (https://host/bucket/key), which MinIO and most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: flag,
  /** Set by vitest: logs default to silent under the tests. */
  VITEST: z.string().optional(),
};

const shared = {
  NODE_ENV: z.enum(["development", "test", "production"], "must be development, test or production").default("development"),
  NEXT_PHASE: z.string().optional(),
};

// Nothing is exposed to the browser today; a NEXT_PUBLIC_ variable would be declared here.
const client = {};

type Key = keyof typeof server | keyof typeof shared;
const KEYS = [...Object.keys(server), ...Object.keys(shared)] as Key[];

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment variables (see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Validates an env object (process.env, or a fake one in tests); throws an EnvError naming every bad variable. */
export function parseEnv(source: Readonly<Record<string, string | undefined>>) {
  // A copy: createEnv deletes empty strings from the object it is given.
  const runtimeEnv = Object.fromEntries(KEYS.map((k) => [k, source[k]])) as Record<Key, string | undefined>;
  const vars = createEnv({
    server,
    client,
    shared,
    runtimeEnv,
    isServer: true,
    // VAR= in a .env file means "unset", so the default applies.
    emptyStringAsUndefined: true,
    onValidationError: (issues) => {
      throw new EnvError(issues.map((i) => `${i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") || "env"}: ${i.message}`));
    },
  });

  const problems: string[] = [];
  if (vars.NODE_ENV === "production" && vars.NEXT_PHASE !== PHASE_PRODUCTION_BUILD && !vars.AUTH_SECRET) {
    problems.push("AUTH_SECRET: required in production: generate one with `openssl rand -base64 32`");
  }
  if (Boolean(vars.STRIPE_SECRET_KEY) !== Boolean(vars.STRIPE_WEBHOOK_SECRET)) {
    problems.push("STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both (Stripe on) or neither (bank transfer only)");
  }
  if (vars.STORAGE_DRIVER === "s3") {
    const missing = (["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((k) => !vars[k]);
    if (missing.length) problems.push(`${missing.join(", ")}: required when STORAGE_DRIVER=s3`);
  }
  if (problems.length) throw new EnvError(problems);

  return {
    ...vars,
    LOG_LEVEL: vars.LOG_LEVEL ?? (vars.VITEST ? "silent" : "info"),
  } as const;
}

export type Env = ReturnType<typeof parseEnv>;

/** The one rule for cookies' `secure` flag: set when the shop's public address is https. */
export function secureCookiesFor(siteUrl: string): boolean {
  return new URL(siteUrl).protocol === "https:";
}

export const env: Env = parseEnv(process.env);

/** Every cookie the app sets (session, cart, locale) uses this. */
export const secureCookies = secureCookiesFor(env.SITE_URL);

export const absoluteUrl = (path: string) => new URL(path, env.SITE_URL).toString();

// Development only: a fixed secret so `npm run dev` works with no configuration. Production cannot reach it:
// parseEnv refuses a production start without AUTH_SECRET (only `next build` runs without one).
const DEVELOPMENT_SECRET = "development-only-secret-not-for-production-use-0000";

/** The key that signs session and cart cookies. */
export function authSecret(): string {
  return env.AUTH_SECRET ?? DEVELOPMENT_SECRET;
}
