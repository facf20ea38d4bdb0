import "server-only";
import { z } from "zod";

// Configuration, validated once at start-up (see .env.example for each variable).
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/pglite"),
  SITE_URL: z.string().url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
});

export const env = schema.parse({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  EMBEDDED_DB_DIR: process.env.EMBEDDED_DB_DIR || undefined,
  SITE_URL: process.env.SITE_URL || undefined,
  NODE_ENV: process.env.NODE_ENV || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
});

export const absoluteUrl = (path: string) => new URL(path, env.SITE_URL).toString();

// Development only: a fixed secret so `npm run dev` works with no configuration. Never used in production.
const DEVELOPMENT_SECRET = "development-only-secret-not-for-production-use-0000";

/** The key that signs session cookies. Production refuses to start without one. */
export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it in the environment");
  }
  return DEVELOPMENT_SECRET;
}
