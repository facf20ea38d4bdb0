// One Prisma client factory for the app, the scripts and the tests.
// One schema, one generated client, one query path: a Prisma driver adapter over either a real PostgreSQL
// (DATABASE_URL) or the embedded PostgreSQL-compatible PGlite (a folder on disk, or in memory for tests).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; /** connections per process (DATABASE_POOL_SIZE) */ poolSize?: number }
  | { kind: "embedded"; dataDir: string | null }; // null: in memory

export const DEFAULT_EMBEDDED_DIR = ".data/pglite";
export const DEFAULT_POOL_SIZE = 10;

/** What databaseTargetFromEnv reads: the app passes its validated env (lib/server/env.ts), scripts process.env. */
export interface DatabaseEnv {
  readonly [name: string]: unknown;
  DATABASE_URL?: string | undefined;
  EMBEDDED_DB_DIR?: string | undefined;
  DATABASE_POOL_SIZE?: string | number | undefined;
}

/** Where the database is: DATABASE_URL when set, otherwise the embedded database's folder. */
export function databaseTargetFromEnv(env: DatabaseEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url, poolSize: poolSize(env.DATABASE_POOL_SIZE) };
  return { kind: "embedded", dataDir: env.EMBEDDED_DB_DIR?.trim() || DEFAULT_EMBEDDED_DIR };
}

// The app's value is already validated; a script's raw string gets the same bounds.
function poolSize(value: string | number | undefined): number {
  if (value === undefined || value === "") return DEFAULT_POOL_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`DATABASE_POOL_SIZE: must be a whole number from 1 to 100 (got "${value}")`);
  return n;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded PGlite (${target.dataDir ?? "in memory"})`;
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

export type Db = PrismaClient;

export interface OpenedDatabase {
  db: PrismaClient;
  /** The PGlite instance behind the embedded database (null for PostgreSQL). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

export function openPGlite(dataDir: string | null): PGlite {
  return dataDir ? new PGlite(dataDir) : new PGlite();
}

/**
 * Every interactive transaction's defaults, in place of Prisma's 2 s wait for a pooled connection and 5 s to run.
 * During a checkout rush every connection of the pool may be held by an order queued on a hot product's row lock
 * (each gives it back within milliseconds once it has the row), so a webhook, an approval or a manager's edit that
 * arrives then would fail after 2 s with P2028 while waiting its turn would have taken a few hundred milliseconds
 * more. The work on the hot rows themselves waits longer still (HOT_ROW_TRANSACTION).
 */
export const TRANSACTION_DEFAULTS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * A transaction on the product rows a rush queues on (a checkout, a cancellation, a manager's stock or batch
 * change): it waits for a connection, and for the rows, as long as a rush may last, rather than fail.
 */
export const HOT_ROW_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

export function openDatabase(target: DatabaseTarget, pglite?: PGlite): OpenedDatabase {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: target.poolSize ?? DEFAULT_POOL_SIZE });
    const db = new PrismaClient({ adapter, transactionOptions: TRANSACTION_DEFAULTS });
    return { db, pglite: null, close: () => db.$disconnect() };
  }
  const lite = pglite ?? openPGlite(target.dataDir);
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite), transactionOptions: TRANSACTION_DEFAULTS });
  return {
    db,
    pglite: lite,
    close: async () => {
      await db.$disconnect();
      if (!pglite) await lite.close();
    },
  };
}
