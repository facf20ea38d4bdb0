// A transaction that finds every pooled connection busy waits its turn (lib/db/client.ts TRANSACTION_DEFAULTS), as
// during a checkout rush, instead of failing after Prisma's default 2 s with P2028. PostgreSQL only: the pool is
// node-postgres's (the embedded database has one connection and no pool).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type OpenedDatabase } from "@/lib/db/client";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("waiting for a pooled connection", () => {
  let opened: OpenedDatabase;

  beforeAll(() => {
    // One connection, so that one transaction holding it is "every connection busy".
    opened = openDatabase({ kind: "postgres", url: url!, poolSize: 1 });
  });

  afterAll(async () => {
    await opened?.close();
  });

  test("a transaction started while the only connection is held for 3 s runs once it is free", async () => {
    const db = opened.db;
    let holds!: () => void;
    const hasTheConnection = new Promise<void>((resolve) => (holds = resolve));
    const holding = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      holds();
      await tx.$executeRaw`SELECT pg_sleep(3)`;
      return "held";
    });
    await hasTheConnection;
    const started = performance.now();
    const waiting = db.$transaction(async (tx) => (await tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)[0]!.one);
    await expect(waiting).resolves.toBe(1);
    // It waited for the first one's 3 s, beyond Prisma's default 2 s.
    expect(performance.now() - started).toBeGreaterThan(2_500);
    await expect(holding).resolves.toBe("held");
  }, 20_000);
});
