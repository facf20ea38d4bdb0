// The environment's rules (lib/server/env.ts), on fake env objects: nothing here reads or writes process.env.
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv, secureCookiesFor } from "@/lib/server/env";
import { stripeConfig } from "@/lib/server/stripe";

/** The message parseEnv refuses `source` with, or null when it accepts it. */
function refusal(source: Record<string, string | undefined>): string | null {
  try {
    parseEnv(source);
    return null;
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
}

const SECRET = "x".repeat(32);

describe("bad values are refused at start, naming the variable and the rule", () => {
  test.each([
    { name: "RESERVATION_SWEEP_MS", value: "abc", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000 (milliseconds)" },
    { name: "RESERVATION_SWEEP_MS", value: "0", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000 (milliseconds)" },
    { name: "RESERVATION_SWEEP_MS", value: "5", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000 (milliseconds)" },
    { name: "RESERVATION_SWEEP_MS", value: "-60000", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000" },
    { name: "RESERVATION_SWEEP_MS", value: "1500.5", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000" },
    { name: "RESERVATION_SWEEP_MS", value: "3600001", message: "RESERVATION_SWEEP_MS: must be a whole number from 1000 to 3600000" },
    { name: "DATABASE_POOL_SIZE", value: "0", message: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" },
    { name: "DATABASE_POOL_SIZE", value: "101", message: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" },
    { name: "DATABASE_POOL_SIZE", value: "ten", message: "DATABASE_POOL_SIZE: must be a whole number from 1 to 100" },
    { name: "DATABASE_URL", value: "mysql://shop@127.0.0.1/shop", message: "DATABASE_URL: must be a postgresql:// connection URL" },
    { name: "DATABASE_URL", value: "127.0.0.1:5432", message: "DATABASE_URL: must be a postgresql:// connection URL" },
    { name: "SITE_URL", value: "shop.example.cn", message: "SITE_URL: must be an http:// or https:// URL" },
    { name: "SITE_URL", value: "ftp://shop.example.cn", message: "SITE_URL: must be an http:// or https:// URL" },
    { name: "REDIS_URL", value: "127.0.0.1:6379", message: "REDIS_URL: must be a redis:// or rediss:// URL" },
    { name: "REDIS_URL", value: "http://127.0.0.1:6379", message: "REDIS_URL: must be a redis:// or rediss:// URL" },
    { name: "REDIS_KEY_PREFIX", value: "k".repeat(101), message: "REDIS_KEY_PREFIX:" },
    { name: "SMTP_URL", value: "smtp.example.cn", message: "SMTP_URL: must be an smtp:// or smtps:// URL" },
    { name: "AUTH_SECRET", value: "short", message: "AUTH_SECRET: must be at least 32 characters" },
    { name: "STRIPE_PAYMENT_METHODS", value: "card,paypal", message: "STRIPE_PAYMENT_METHODS: must be a comma-separated list of card, wechat_pay, alipay (unknown: paypal)" },
    { name: "STRIPE_PAYMENT_METHODS", value: " , ", message: "STRIPE_PAYMENT_METHODS: must be a comma-separated list of card, wechat_pay, alipay" },
    { name: "STRIPE_API_BASE", value: "localhost:12111", message: "STRIPE_API_BASE: must be an http:// or https:// URL" },
    { name: "DEV_OUTBOX", value: "yes", message: 'DEV_OUTBOX: must be "1" (on) or "0" (off)' },
    { name: "SEED_DEMO_USERS", value: "true", message: 'SEED_DEMO_USERS: must be "1" (on) or "0" (off)' },
    { name: "COMPRESSION", value: "nginx", message: 'COMPRESSION: must be "app" (the app compresses its responses) or "proxy" (a proxy in front does)' },
    { name: "LOG_LEVEL", value: "verbose", message: "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent" },
    { name: "NODE_ENV", value: "staging", message: "NODE_ENV: must be development, test or production" },
  ])("$name=$value", ({ name, value, message }) => {
    expect(refusal({ [name]: value })).toContain(message);
  });

  test("every bad variable is named in one message", () => {
    const message = refusal({ RESERVATION_SWEEP_MS: "5", DATABASE_POOL_SIZE: "0", SITE_URL: "nope" });
    expect(message).toMatch(/^Invalid environment variables/);
    for (const name of ["RESERVATION_SWEEP_MS", "DATABASE_POOL_SIZE", "SITE_URL"]) expect(message).toContain(`${name}:`);
  });

  test("a secret's value is never repeated in the message", () => {
    expect(refusal({ AUTH_SECRET: "hunter2-but-too-short" })).not.toContain("hunter2");
  });

  test.each([
    { why: "only the secret key", vars: { STRIPE_SECRET_KEY: "sk_test_1" } },
    { why: "only the webhook secret", vars: { STRIPE_WEBHOOK_SECRET: "whsec_1" } },
  ])("Stripe half-configured ($why) is refused", ({ vars }) => {
    expect(refusal(vars)).toContain("STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: set both (Stripe on) or neither");
  });

  test.each([
    { name: "STRIPE_SECRET_KEY", value: "pk_live_1", message: "STRIPE_SECRET_KEY: must be a Stripe secret key" },
    { name: "STRIPE_WEBHOOK_SECRET", value: "secret", message: "STRIPE_WEBHOOK_SECRET: must be a Stripe webhook signing secret" },
  ])("$name=$value", ({ name, value, message }) => {
    expect(refusal({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", [name]: value })).toContain(message);
  });
});

describe("defaults and coercion", () => {
  test("an empty environment gets every default", () => {
    expect(parseEnv({})).toEqual({
      DATABASE_POOL_SIZE: 10,
      REDIS_KEY_PREFIX: "shop:",
      EMBEDDED_DB_DIR: ".data/pglite",
      SITE_URL: "http://localhost:3000",
      MAIL_FROM: "noreply@localhost",
      DEV_OUTBOX: false,
      STRIPE_PAYMENT_METHODS: ["card"],
      BANK_ACCOUNT_NAME: "唐县电商服务中心（示例）",
      BANK_NAME: "中国农业银行唐县支行（示例）",
      BANK_ACCOUNT_NUMBER: "6228 0000 0000 0000 000",
      RESERVATION_SWEEP_MS: 60_000,
      SEED_DEMO_USERS: false,
      LOG_LEVEL: "info",
      NODE_ENV: "development",
      TRUSTED_PROXY_HOPS: 0,
      COMPRESSION: "app",
      STORAGE_DRIVER: "local",
      UPLOADS_DIR: ".data/uploads",
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: false,
    });
  });

  test("an empty string means unset (VAR= in a .env file), so the default applies", () => {
    const env = parseEnv({ RESERVATION_SWEEP_MS: "", DATABASE_URL: "", SITE_URL: "", STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" });
    expect(env.RESERVATION_SWEEP_MS).toBe(60_000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  test("the source object is not changed", () => {
    const source = { RESERVATION_SWEEP_MS: "" };
    parseEnv(source);
    expect(source).toEqual({ RESERVATION_SWEEP_MS: "" });
  });

  test.each([
    { name: "RESERVATION_SWEEP_MS", value: "1000", parsed: 1000 },
    { name: "RESERVATION_SWEEP_MS", value: "3600000", parsed: 3_600_000 },
    { name: "DATABASE_POOL_SIZE", value: " 25 ", parsed: 25 },
    { name: "DEV_OUTBOX", value: "1", parsed: true },
    { name: "DEV_OUTBOX", value: "0", parsed: false },
    { name: "STRIPE_PAYMENT_METHODS", value: "card, wechat_pay,alipay,card", parsed: ["card", "wechat_pay", "alipay"] },
    { name: "DATABASE_URL", value: "postgres://shop@127.0.0.1/shop", parsed: "postgres://shop@127.0.0.1/shop" },
    { name: "REDIS_URL", value: "redis://127.0.0.1:6379/0", parsed: "redis://127.0.0.1:6379/0" },
    { name: "REDIS_URL", value: "rediss://:secret@cache.internal:6380", parsed: "rediss://:secret@cache.internal:6380" },
  ])("$name=$value → $parsed", ({ name, value, parsed }) => {
    expect(parseEnv({ [name]: value })[name as keyof ReturnType<typeof parseEnv>]).toEqual(parsed);
  });

  test.each([
    { why: "default", vars: {}, level: "info" },
    { why: "under vitest", vars: { VITEST: "true" }, level: "silent" },
    { why: "LOG_LEVEL wins over vitest", vars: { VITEST: "true", LOG_LEVEL: "debug" }, level: "debug" },
  ])("log level: $why → $level", ({ vars, level }) => {
    expect(parseEnv(vars).LOG_LEVEL).toBe(level);
  });
});

describe("production-only requirements", () => {
  test.each([
    { why: "production without AUTH_SECRET", vars: { NODE_ENV: "production" }, refused: true },
    { why: "production with an empty AUTH_SECRET", vars: { NODE_ENV: "production", AUTH_SECRET: "" }, refused: true },
    { why: "production with AUTH_SECRET", vars: { NODE_ENV: "production", AUTH_SECRET: SECRET }, refused: false },
    { why: "`next build` (production, no secret yet)", vars: { NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }, refused: false },
    { why: "`next start` is not the build phase", vars: { NODE_ENV: "production", NEXT_PHASE: "phase-production-server" }, refused: true },
    { why: "development without AUTH_SECRET", vars: { NODE_ENV: "development" }, refused: false },
    { why: "tests without AUTH_SECRET", vars: { NODE_ENV: "test" }, refused: false },
  ])("$why", ({ vars, refused }) => {
    const message = refusal(vars);
    if (refused) expect(message).toContain("AUTH_SECRET: required in production");
    else expect(message).toBeNull();
  });
});

describe("one rule for cookies' secure flag: SITE_URL is https", () => {
  test.each([
    { siteUrl: "https://shop.example.cn", secure: true },
    { siteUrl: "https://127.0.0.1:3443/", secure: true },
    { siteUrl: "http://shop.example.cn", secure: false },
    { siteUrl: "http://localhost:3000", secure: false },
    { siteUrl: "HTTPS://SHOP.EXAMPLE.CN", secure: true },
  ])("$siteUrl → secure: $secure", ({ siteUrl, secure }) => {
    expect(secureCookiesFor(parseEnv({ SITE_URL: siteUrl }).SITE_URL)).toBe(secure);
  });

  test("the default address (development) sets no secure cookies", () => {
    expect(secureCookiesFor(parseEnv({}).SITE_URL)).toBe(false);
  });
});

describe("stripeConfig reads the validated env it is given", () => {
  test.each([
    { why: "no keys: bank transfer only", vars: {}, config: null },
    {
      why: "both keys, default method",
      vars: { STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" },
      config: { secretKey: "sk_test_1", webhookSecret: "whsec_1", methods: ["card"] },
    },
    {
      why: "methods and a test API host",
      vars: { STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", STRIPE_PAYMENT_METHODS: "wechat_pay,alipay", STRIPE_API_BASE: "http://127.0.0.1:12111" },
      config: { secretKey: "sk_test_1", webhookSecret: "whsec_1", methods: ["wechat_pay", "alipay"], apiBase: "http://127.0.0.1:12111" },
    },
  ])("$why", ({ vars, config }) => {
    expect(stripeConfig(parseEnv(vars))).toEqual(config);
  });
});
