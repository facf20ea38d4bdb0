import "server-only";
// Ledger checkpoints, the database side (the rules: lib/domain/ledger-checkpoint.ts). What changed since a checkpoint
// is read from the rows' xmin (the transaction that wrote the row's current version): `age(xmin)` counts the
// transactions since it, and a row is "written since" the checkpoint when its age is at most the age of the
// checkpoint's snapshot xmin. Each query here is one sequential pass over its table, with no index and nothing for the
// shop to keep when it writes.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHECKPOINT_VERSION, xid32, type CheckpointFacts, type Digests, type SnapshotFacts } from "@/lib/domain/ledger-checkpoint";

type Reader = Prisma.TransactionClient;

/** `age(<xmin>)` lies in [1, age of the xid in $n]: the row was written by a transaction at or after that xid. */
const since = (xmin: string, n = 1) => `age(${xmin}) BETWEEN 1 AND (SELECT age($${n}::text::xid))`;

/** The snapshot this transaction reads (REPEATABLE READ: the one every statement of the check sees). */
export async function snapshotFacts(tx: Reader): Promise<SnapshotFacts> {
  const [row] = await tx.$queryRawUnsafe<{ databaseOid: bigint; xmin: string; xmax: string }[]>(
    `SELECT (SELECT "oid" FROM pg_database WHERE "datname" = current_database())::bigint AS "databaseOid",
            pg_snapshot_xmin(pg_current_snapshot())::text AS "xmin", pg_snapshot_xmax(pg_current_snapshot())::text AS "xmax"`,
  );
  if (!row) throw new Error("ledger check: no snapshot");
  return { databaseOid: BigInt(row.databaseOid), xmin: BigInt(row.xmin), xmax: BigInt(row.xmax) };
}

export interface StoredCheckpoint extends CheckpointFacts {
  createdAt: Date;
  oldEntries: bigint;
  full: boolean;
}

/** The newest checkpoint, or null. */
export async function latestCheckpoint(tx: Reader): Promise<StoredCheckpoint | null> {
  const cp = await tx.ledgerCheckpoint.findFirst({ orderBy: [{ snapshotXmin: "desc" }, { createdAt: "desc" }] });
  if (!cp) return null;
  return { createdAt: cp.createdAt, version: cp.version, databaseOid: cp.databaseOid, snapshotXmin: cp.snapshotXmin, oldEntries: cp.oldEntries, full: cp.full, digests: cp.digests as unknown as Digests };
}

export interface LedgerScan {
  /** Every entry in the snapshot. */
  entries: number;
  /** Entries written before `sinceXid` (their count is what a checkpoint at `sinceXid` recorded). */
  before: bigint;
  /** Entries written before the snapshot's xmin (what a checkpoint of this snapshot records). */
  beforeSnapshot: bigint;
  /** The orders and days (YYYY-MM-DD) of the entries written at or after it. */
  orders: string[];
  days: string[];
}

/** One pass over the ledger: what was written at or after the (64-bit) transaction id `sinceXid`. */
export async function scanLedger(tx: Reader, sinceXid: bigint, snapshot: SnapshotFacts): Promise<LedgerScan> {
  const [row] = await tx.$queryRawUnsafe<{ entries: bigint; before: bigint; beforeSnapshot: bigint; orders: string[]; days: string[] }[]>(
    `SELECT COUNT(*)::bigint AS "entries", COUNT(*) FILTER (WHERE NOT (${since("l.xmin")}))::bigint AS "before",
            COUNT(*) FILTER (WHERE NOT (${since("l.xmin", 2)}))::bigint AS "beforeSnapshot",
            COALESCE(array_agg(DISTINCT l."orderId") FILTER (WHERE ${since("l.xmin")}), '{}') AS "orders",
            COALESCE(array_agg(DISTINCT l."day"::text) FILTER (WHERE ${since("l.xmin")}), '{}') AS "days"
     FROM "LedgerEntry" l`,
    xid32(sinceXid),
    xid32(snapshot.xmin),
  );
  if (!row) throw new Error("ledger check: no ledger scan");
  return { entries: Number(row.entries), before: BigInt(row.before), beforeSnapshot: BigInt(row.beforeSnapshot), orders: row.orders, days: row.days };
}

/**
 * The orders whose own rows may have changed since `sinceXid`: the order row, an item or a refund written since, or a
 * refunded total that its counted refunds do not explain (what deleting a refund would leave); and how many orders
 * are paid.
 */
export async function scanOrders(tx: Reader, sinceXid: bigint): Promise<{ paid: number; orders: string[] }> {
  const [row] = await tx.$queryRawUnsafe<{ paid: number; orders: string[] }[]>(
    `WITH r AS (
       SELECT "orderId", SUM("amountFen") FILTER (WHERE "recorded") AS "recorded", bool_or(${since("xmin")}) AS "changed"
       FROM "Refund" GROUP BY 1
     )
     SELECT COUNT(*) FILTER (WHERE o."paidAt" IS NOT NULL)::int AS "paid",
            COALESCE(array_agg(o."id") FILTER (WHERE ${since("o.xmin")} OR r."changed" OR LEAST(COALESCE(r."recorded", 0), o."totalFen") <> o."refundedFen"), '{}') AS "orders"
     FROM "Order" o LEFT JOIN r ON r."orderId" = o."id"`,
    xid32(sinceXid),
  );
  const items = await tx.$queryRawUnsafe<{ orderId: string }[]>(`SELECT DISTINCT "orderId" FROM "OrderItem" WHERE ${since("xmin")}`, xid32(sinceXid));
  return { paid: row?.paid ?? 0, orders: [...(row?.orders ?? []), ...items.map((i) => i.orderId)] };
}

/** The days of every entry of these orders (what their months' statements are summed from). */
export async function entryDaysOf(tx: Reader, orderIds: readonly string[]): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ day: string }[]>(`SELECT DISTINCT "day"::text AS "day" FROM "LedgerEntry" WHERE "orderId" = ANY($1::text[])`, orderIds);
  return rows.map((r) => r.day);
}

/** The months (YYYY-MM-01) of settlement statements written since `sinceXid`. */
export async function changedSettlementMonths(tx: Reader, sinceXid: bigint): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ month: string }[]>(`SELECT DISTINCT to_char("periodStart", 'YYYY-MM-01') AS "month" FROM "Settlement" WHERE ${since("xmin")}`, xid32(sinceXid));
  return rows.map((r) => r.month);
}

/** Records a checkpoint of a snapshot in which the check found no difference; older ones are removed. */
export async function writeCheckpoint(db: Db, cp: { snapshot: SnapshotFacts; oldEntries: bigint; full: boolean; digests: Digests }): Promise<Date> {
  const [, created] = await db.$transaction([
    db.ledgerCheckpoint.deleteMany({ where: { snapshotXmin: { lte: cp.snapshot.xmin } } }),
    db.ledgerCheckpoint.create({
      data: {
        version: CHECKPOINT_VERSION,
        databaseOid: cp.snapshot.databaseOid,
        snapshotXmin: cp.snapshot.xmin,
        oldEntries: cp.oldEntries,
        full: cp.full,
        digests: cp.digests,
      },
      select: { createdAt: true },
    }),
  ]);
  return created.createdAt;
}
