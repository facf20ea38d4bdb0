// A newcomer's first `npm run dev` migrates and seeds an empty embedded database. Made fast (docs/benchmarks.md),
// it must still build the same database: the migrations applied to an empty PGlite in one go leave the same
// schema and the same `_prisma_migrations` rows as Prisma's engine applying them one by one, and later deploys
// and status checks take them as their own; the seed writes exactly the rows it wrote before (a fingerprint
// taken from the seed as it was, on PostgreSQL and on PGlite alike), and the ledger reconciles after it.
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { loadMigrationList, migrateDeploy, migrationChecksum, migrationStatus } from "@/lib/db/migrations";
import { prepareDatabase } from "@/lib/db/prepare";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { seedFingerprint } from "../helpers/seed-fingerprint";

const SLOW = 180_000;
const EMBEDDED = { kind: "embedded", dataDir: null } as const;

/**
 * What the seed wrote before it was made faster (taken with the seed of commit 2c45218); since issue 15 with the
 * quantity prices and minimum order of three products (and two of them stocked for a canteen's 200 units) and the union's approver account.
 */
const SEED_BEFORE = {
  counts: {
    county: 1,
    township: 5,
    village: 12,
    enterprise: 2,
    cooperative: 7,
    household: 69,
    participation: 106,
    category: 7,
    product: 44,
    productImage: 44,
    beneficiary: 534,
    batch: 48,
    user: 6,
    manager: 2,
    institution: 1,
  },
  sha256: "86c9de46905ab2c08a794f7ed18c68207f67a460a8f03078fc79271811d925ec",
};

/** Everything the schema is made of, in a fixed order, to compare two databases. */
async function schemaOf(pglite: PGlite): Promise<unknown> {
  const q = async (sql: string) => (await pglite.query(sql)).rows;
  return {
    columns: await q(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, is_generated, generation_expression
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`),
    constraints: await q(`SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    enums: await q(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t
      JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    functions: await q(`SELECT p.proname, pg_get_functiondef(p.oid) AS def FROM pg_proc p
      WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1, 2`),
    triggers: await q(`SELECT tgrelid::regclass::text AS tbl, tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger
      WHERE NOT tgisinternal ORDER BY 1, 2`),
    extensions: await q(`SELECT extname FROM pg_extension ORDER BY 1`),
  };
}

async function migrationRows(pglite: PGlite) {
  const { rows } = await pglite.query<Record<string, unknown>>(
    `SELECT migration_name, checksum, logs, rolled_back_at, finished_at IS NOT NULL AS finished, applied_steps_count
     FROM _prisma_migrations ORDER BY migration_name`,
  );
  return rows;
}

describe("migrations on an empty embedded database", () => {
  let bulk: PGlite;
  let engine: PGlite;
  let applied: string[] = [];

  beforeAll(async () => {
    bulk = new PGlite();
    engine = new PGlite();
    applied = (await migrateDeploy(EMBEDDED, { pglite: bulk })).applied;
    await migrateDeploy(EMBEDDED, { pglite: engine, engineOnly: true });
  }, SLOW);

  afterAll(async () => {
    await bulk?.close();
    await engine?.close();
  });

  it("applies every migration, in order", async () => {
    const list = await loadMigrationList();
    expect(applied).toEqual(list.migrationDirectories.map((d) => d.path));
  });

  it("builds the same schema as the engine applying them one by one", async () => {
    expect(await schemaOf(bulk)).toEqual(await schemaOf(engine));
  }, SLOW);

  it("records them in _prisma_migrations as the engine does", async () => {
    const rows = await migrationRows(bulk);
    expect(rows).toEqual(await migrationRows(engine));
    const list = await loadMigrationList();
    for (const dir of list.migrationDirectories) {
      const sql = dir.migrationFile.content.tag === "ok" ? dir.migrationFile.content.value : "";
      expect(rows.find((r) => r.migration_name === dir.path)?.checksum).toBe(migrationChecksum(sql));
    }
  });

  it("leaves nothing for the engine to apply and a clean status", async () => {
    expect((await migrateDeploy(EMBEDDED, { pglite: bulk })).applied).toEqual([]);
    const status = await migrationStatus(EMBEDDED, { pglite: bulk });
    expect(status).toMatchObject({ upToDate: true, pending: [], failed: [], edited: [] });
  }, SLOW);

  it("leaves a failing migration to the engine, which records it as failed", async () => {
    const list = await loadMigrationList();
    const broken = new PGlite();
    try {
      const dir = await mkdtemp(path.join(tmpdir(), "first-start-migrations-"));
      try {
        await cp(list.baseDir, dir, { recursive: true });
        await mkdir(path.join(dir, "99991231000000_broken"));
        await writeFile(path.join(dir, "99991231000000_broken", "migration.sql"), `CREATE TABLE "Broken" (id int);\nSELECT no_such_function();\n`);
        await expect(migrateDeploy(EMBEDDED, { pglite: broken, migrationsDir: dir })).rejects.toThrow(/99991231000000_broken/);
        const rows = await migrationRows(broken);
        expect(rows.filter((r) => r.finished).map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
        expect(rows.find((r) => r.migration_name === "99991231000000_broken")).toMatchObject({ finished: false });
        expect((await broken.query(`SELECT to_regclass('"Broken"') AS t`)).rows).toEqual([{ t: null }]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    } finally {
      await broken.close();
    }
  }, SLOW);
});

describe("the seed", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase("first_start");
    expect((await seedDatabase(test.db)).created).toBe(true);
  }, SLOW);

  afterAll(async () => {
    await test?.drop();
  });

  it("writes exactly the rows the seed wrote before", async () => {
    expect(await seedFingerprint(test.db)).toEqual(SEED_BEFORE);
  });

  it("leaves a ledger that reconciles", async () => {
    await expectLedgerReconciled(test.db);
  });
});

describe("prepareDatabase on a new embedded database", () => {
  it("migrates, seeds and says where the time went", async () => {
    const result = await prepareDatabase(EMBEDDED);
    expect(result.seeded).toBe(true);
    expect(result.applied.length).toBeGreaterThan(0);
    expect(result.phases.map(([phase]) => phase)).toEqual(["open", "migrate", "seed", "close"]);
  }, SLOW);

  it("writes the same rows as the seed on the test database", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "first-start-db-"));
    try {
      await prepareDatabase({ kind: "embedded", dataDir: dir });
      const opened = openDatabase({ kind: "embedded", dataDir: dir });
      try {
        expect(await seedFingerprint(opened.db)).toEqual(SEED_BEFORE);
        await expectLedgerReconciled(opened.db);
      } finally {
        await opened.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, SLOW);
});
