// One Prisma client factory for the app, the scripts and the tests.
// One schema, one generated client, one query path: a Prisma driver adapter over either a real PostgreSQL
// (DATABASE_URL) or the embedded PostgreSQL-compatible PGlite (a folder on disk, or in memory for tests).
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";

export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string | null }; // null: in memory

export const DEFAULT_EMBEDDED_DIR = ".data/pglite";

/** Where the database is: DATABASE_URL when set, otherwise the embedded database's folder. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  return { kind: "embedded", dataDir: env.EMBEDDED_DB_DIR?.trim() || DEFAULT_EMBEDDED_DIR };
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

export function openDatabase(target: DatabaseTarget, pglite?: PGlite): OpenedDatabase {
  if (target.kind === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const db = new PrismaClient({ adapter });
    return { db, pglite: null, close: () => db.$disconnect() };
  }
  const lite = pglite ?? openPGlite(target.dataDir);
  const db = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    db,
    pglite: lite,
    close: async () => {
      await db.$disconnect();
      if (!pglite) await lite.close();
    },
  };
}
