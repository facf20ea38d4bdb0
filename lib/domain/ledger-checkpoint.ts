// Checkpoints of the ledger check (`npm run ledger:check`), the pure part: whether a checkpoint may be started from,
// and what a check that starts from one must read again. The database side is lib/server/ledger/checkpoint.ts.
//
// A checkpoint is written after a check that found no difference. It records the snapshot's xmin (every transaction
// below it had ended, so a row whose xmin is below it was in the snapshot, and was checked), how many ledger entries
// had an xmin below it, and a digest per rollup table and day (month) of the stored rollup rows. A row's xmin is the
// transaction that wrote its current version, so it changes on every insert and update and cannot be written by hand.
// The next check then reads again:
// - the orders with a ledger entry, an order row, an order item or a refund written since (xmin at or above the
//   checkpoint's), and every order whose refunded total its counted refunds do not explain (a deleted refund leaves
//   no xmin behind); all their checks, exactly as a check from scratch;
// - per rollup table, the periods that those orders have entries in (a rollup groups entries with their order's buyer
//   and their item's product too) and those whose stored rows' digest differs from the checkpoint's (a row changed,
//   added or removed by anyone), each compared row by row with the ledger's GROUP BY;
// - the settlement months of those orders' entries and of settlement rows written since.
// Anything else is what the checkpoint verified and has not changed. Entries are never updated or deleted (a trigger
// refuses it); should that be bypassed, the count of entries older than the checkpoint changes and the check starts
// from scratch.

/** What the check compares; a checkpoint written by another version is not used. */
export const CHECKPOINT_VERSION = 1;

/**
 * How far back (in transactions) a checkpoint may be: 32-bit xmins are compared with it modulo 2^32, which needs the
 * distance below 2^31; past this, the check starts from scratch.
 */
export const MAX_CHECKPOINT_XIDS = 2n ** 30n;

const XID32 = 2n ** 32n;

/** A transaction id as PostgreSQL's 32-bit `xid` (what a row's xmin holds): the low 32 bits of the 64-bit one. */
export const xid32 = (xid: bigint): string => String(((xid % XID32) + XID32) % XID32);

/** [rows, sum of the rows' 64-bit hashes as a decimal] of one rollup table's stored rows in one day or month. */
export type Digest = readonly [rows: number, hash: string];
/** Per rollup table, per period ("YYYY-MM-DD": the day, or the month's first day). */
export type Digests = Readonly<Record<string, Readonly<Record<string, Digest>>>>;

export interface CheckpointFacts {
  version: number;
  databaseOid: bigint;
  snapshotXmin: bigint;
  digests: Digests;
}

/** The snapshot a check reads: its database, and its xmin and xmax (64-bit transaction ids). */
export interface SnapshotFacts {
  databaseOid: bigint;
  xmin: bigint;
  xmax: bigint;
}

export type Usable = { ok: true } | { ok: false; reason: string };

/** Whether a check reading `now` may start from `checkpoint`, or why it checks everything from scratch. */
export function checkpointUsable(checkpoint: CheckpointFacts | null, now: SnapshotFacts, tables: readonly string[]): Usable {
  if (!checkpoint) return { ok: false, reason: "no checkpoint yet" };
  if (checkpoint.version !== CHECKPOINT_VERSION) return { ok: false, reason: `the checkpoint is of check version ${checkpoint.version}, this is ${CHECKPOINT_VERSION}` };
  if (checkpoint.databaseOid !== now.databaseOid) return { ok: false, reason: "the checkpoint was taken in another database (restored copy?)" };
  const behind = now.xmax - checkpoint.snapshotXmin;
  if (behind < 0n) return { ok: false, reason: "the checkpoint is ahead of this database's transactions (restored copy?)" };
  if (behind >= MAX_CHECKPOINT_XIDS) return { ok: false, reason: `the checkpoint is ${behind} transactions old (at most ${MAX_CHECKPOINT_XIDS})` };
  const missing = tables.filter((t) => !checkpoint.digests[t]);
  if (missing.length > 0) return { ok: false, reason: `the checkpoint has no digest of ${missing.join(", ")}` };
  return { ok: true };
}

/** Whether the entries older than the checkpoint are the ones it counted; if not, why the check starts from scratch. */
export function oldEntriesIntact(counted: bigint, now: bigint): Usable {
  return counted === now ? { ok: true } : { ok: false, reason: `the ledger had ${counted} entries older than the checkpoint and now has ${now} (an entry was changed or removed behind the append-only trigger)` };
}

const sameDigest = (a: Digest | undefined, b: Digest | undefined) => a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * The periods of one rollup table to compare row by row with the ledger: those whose stored rows' digest is not the
 * checkpoint's (rows changed, added or removed, or the period is new or gone) and `touched`, those the orders read
 * again have entries in. Sorted.
 */
export function periodsToRecheck(stored: Readonly<Record<string, Digest>>, checkpoint: Readonly<Record<string, Digest>>, touched: Iterable<string>): string[] {
  const out = new Set<string>(touched);
  for (const period of new Set([...Object.keys(stored), ...Object.keys(checkpoint)])) {
    if (!sameDigest(stored[period], checkpoint[period])) out.add(period);
  }
  return [...out].sort();
}

/** The months ("YYYY-MM-01") of some days ("YYYY-MM-DD"), sorted, once each. */
export function monthsOf(days: Iterable<string>): string[] {
  return [...new Set([...days].map((d) => `${d.slice(0, 7)}-01`))].sort();
}

/** Every day of some months ("YYYY-MM-01"), in order: what a month's rollup row is grouped from. */
export function daysOfMonths(months: Iterable<string>): string[] {
  const out: string[] = [];
  for (const month of [...new Set(months)].sort()) {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    for (let d = 1; d <= last; d++) out.push(`${month.slice(0, 8)}${String(d).padStart(2, "0")}`);
  }
  return out;
}

/** The orders to check again: every order any source names, once each, in key order. */
export function ordersToRecheck(...sources: Iterable<string>[]): string[] {
  const out = new Set<string>();
  for (const s of sources) for (const id of s) out.add(id);
  return [...out].sort();
}
