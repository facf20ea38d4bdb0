import "server-only";
import { z } from "zod";

// Configuration, validated once at start-up (see .env.example for each variable).
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_DB_DIR: z.string().min(1).default(".data/pglite"),
  SITE_URL: z.string().url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
});

export const env = schema.parse({
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  EMBEDDED_DB_DIR: process.env.EMBEDDED_DB_DIR || undefined,
  SITE_URL: process.env.SITE_URL || undefined,
  NODE_ENV: process.env.NODE_ENV || undefined,
});

export const absoluteUrl = (path: string) => new URL(path, env.SITE_URL).toString();
