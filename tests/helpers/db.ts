// A fresh, migrated database per test suite: a throwaway database on the PostgreSQL server named by
// TEST_DATABASE_URL, or an in-memory embedded PGlite when it is unset.
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openDatabase, type DatabaseTarget, type Db } from "@/lib/db/client";
import { migrateDeploy } from "@/lib/db/migrations";

export interface TestDatabase {
  db: Db;
  target: DatabaseTarget;
  /** The connection URL (PostgreSQL only). */
  url: string | null;
  pglite: PGlite | null;
  drop(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/**
 * The integration suites' migrated template on the TEST_DATABASE_URL server, named by their global setup
 * (tests/integration/global-setup.ts): a database copied from it is migrated already.
 */
export const TEMPLATE_DATABASE_ENV = "TEST_TEMPLATE_DATABASE";

/**
 * Creates a database on the TEST_DATABASE_URL server and returns its URL: empty, or a copy of `template` (a
 * database nobody is connected to).
 */
export async function createPostgresDatabase(prefix: string, template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = uniqueName(prefix);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template.replaceAll('"', '""')}"` : `CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function createTestDatabase(prefix = "shop_test"): Promise<TestDatabase> {
  if (process.env.TEST_DATABASE_URL) {
    // A copy of the migrated template when the integration suites' global setup made one (a file copy on the
    // server, ~10× faster than applying every migration through the schema engine), else migrated here.
    const template = process.env[TEMPLATE_DATABASE_ENV];
    const created = await createPostgresDatabase(prefix, template);
    const target: DatabaseTarget = { kind: "postgres", url: created.url };
    if (!template) await migrateDeploy(target);
    const opened = openDatabase(target);
    return {
      db: opened.db,
      target,
      url: created.url,
      pglite: null,
      async drop() {
        await opened.close();
        await created.drop();
      },
    };
  }
  const pglite = new PGlite();
  const target: DatabaseTarget = { kind: "embedded", dataDir: null };
  await migrateDeploy(target, { pglite });
  const opened = openDatabase(target, pglite);
  return {
    db: opened.db,
    target,
    url: null,
    pglite,
    async drop() {
      await opened.close();
      await pglite.close();
    },
  };
}

/**
 * Resolves once some session of this database waits for a lock (PostgreSQL only): how a test holding a row on a
 * second connection knows that the call it started has reached that row. Fails with `what` after 30 s.
 */
export async function untilSomeoneWaitsForALock(db: Db, what: string): Promise<void> {
  for (let waited = 0; ; waited += 20) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.n > 0) return;
    if (waited > 30_000) throw new Error(`${what} never waited for a lock`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs `use` on a PostgreSQL connection of its own (another session than the app's pool), closed after. */
export async function onOwnConnection<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
