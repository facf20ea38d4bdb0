import "server-only";
// Reconciliation (`npm run ledger:check`): recomputes the ledger from the orders' snapshots and the rollups (daily
// and monthly) from the ledger, independently of the code that wrote them, and lists every difference. An empty list
// means every paid fen is where it should be. A check that finds nothing can record a checkpoint, and the next one
// then reads again only what may have changed since (./checkpoint.ts, lib/domain/ledger-checkpoint.ts), with the
// same findings as a check from scratch.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseBeneficiaries, partyKey, planPayment, planRefund, refundedItemsFen, type LineSnapshot, type PlannedEntry } from "@/lib/domain/ledger";
import { isPaidOrder, PAID_ORDER_STATUSES, type OrderStatus } from "@/lib/domain/order-state";
import { parseMonth } from "@/lib/domain/reports";
import { checkpointUsable, monthsOf, oldEntriesIntact, ordersToRecheck, periodsToRecheck, type Digests } from "@/lib/domain/ledger-checkpoint";
import { ROLLUP_QUERIES, ROLLUP_TABLES, rollupDifferences, rollupDigests } from "@/lib/server/rollups/rebuild";
import { changedSettlementMonths, entryDaysOf, latestCheckpoint, scanLedger, scanOrders, snapshotFacts, writeCheckpoint, type StoredCheckpoint } from "./checkpoint";
import { monthSums } from "@/lib/server/settlements/sums";

// Orders are read in key order in batches this large where Node must see their lines (refunded orders only).
/** The check reads through a transaction (one snapshot). */
type Reader = Prisma.TransactionClient;

const BATCH = 2_000;

export interface LedgerCheckOptions {
  /** Start from the newest checkpoint when one can be used (else check everything, saying why). Default: everything. */
  incremental?: boolean;
  /** Record a checkpoint when no difference is found. Default: no. */
  checkpoint?: boolean;
}

export interface LedgerCheckResult {
  /** Orders that are paid or have entries, and entries: what the findings cover (from scratch or since a checkpoint). */
  ordersChecked: number;
  entriesChecked: number;
  differences: string[];
  /** The checkpoint this check started from (when it was taken, and whether from scratch); null: from scratch. */
  since: { at: Date; full: boolean } | null;
  /** Why a check asked to start from a checkpoint checked everything instead. */
  fromScratchBecause: string | null;
  /** What a check since a checkpoint read again: orders, and rollup days or months compared row by row. */
  reread: { orders: number; entries: number; periods: number } | null;
  /** When the checkpoint this check recorded was taken; null when it recorded none. */
  checkpointAt: Date | null;
  /**
   * Milliseconds per phase: since (what changed after the checkpoint), orders, rollups, settlements, checkpoint
   * (reading what it records, and writing it).
   */
  timings: Record<string, number>;
}

type Sums = { amountFen: number; units: number };

function compareEntries(orderNumber: string, what: string, expected: Map<string, Sums>, actual: Map<string, Sums>): string[] {
  const out: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key) ?? { amountFen: 0, units: 0 };
    const a = actual.get(key) ?? { amountFen: 0, units: 0 };
    if (e.amountFen !== a.amountFen || e.units !== a.units) out.push(difference(orderNumber, what, key, e, a));
  }
  return out;
}

const difference = (orderNumber: string, what: string, key: string, e: Sums, a: Sums) =>
  `order ${orderNumber}: ${what} for ${key}: expected ${e.amountFen} fen / ${e.units} units, ledger has ${a.amountFen} fen / ${a.units} units`;

function sumByParty(entries: readonly PlannedEntry[]): Map<string, Sums> {
  const m = new Map<string, Sums>();
  for (const e of entries) {
    const row = m.get(partyKey(e)) ?? { amountFen: 0, units: 0 };
    row.amountFen += e.amountFen;
    row.units += e.units;
    m.set(partyKey(e), row);
  }
  return m;
}

/** The columns of an order item that decide its payment entries (its ids aside): one "shape" of line. */
const SHAPE = `jsonb_build_array(i."benefitRuleType"::text, i."benefitBasisPoints", i."benefitFenPerUnit", i."unitPriceFen", i."quantity", i."beneficiaries")`;
const PAID = `o."paidAt" IS NOT NULL AND o."status"::text = ANY($1::text[])`;

interface LineColumns {
  benefitRuleType: LineSnapshot["benefitRuleType"];
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
  unitPriceFen: number;
  quantity: number;
  beneficiaries: unknown;
}

const snapshot = (ids: { orderItemId: string; cooperativeId: string; villageId: string; categoryId: string }, c: LineColumns): LineSnapshot => ({
  ...ids,
  unitPriceFen: c.unitPriceFen,
  quantity: c.quantity,
  benefitRuleType: c.benefitRuleType,
  benefitBasisPoints: c.benefitBasisPoints,
  benefitFenPerUnit: c.benefitFenPerUnit,
  beneficiaries: parseBeneficiaries(c.beneficiaries),
});

/** One order's entries and refunds, counted in the database (every order that is paid or has entries). */
interface OrderFacts {
  id: string;
  number: string;
  status: OrderStatus;
  paidAt: Date | null;
  itemsFen: number;
  totalFen: number;
  refundedFen: number;
  entries: number;
  other: number;
  refundEntries: number;
  untraced: number;
  net: bigint;
  recorded: bigint;
}

// Where each kind of difference about an order goes among its others (the order the per-order loop wrote them in).
const SLOT = { unpaid: 0, other: 1, payment: 2, refunds: 3, untraced: 4, refunded: 5, net: 6 } as const;

class OrderFindings {
  private readonly byOrder = new Map<string, string[][]>();
  add(orderId: string, slot: number, lines: readonly string[]) {
    if (lines.length === 0) return;
    const slots = this.byOrder.get(orderId) ?? [];
    (slots[slot] ??= []).push(...lines);
    this.byOrder.set(orderId, slots);
  }
  /** By order id, then slot. */
  flushTo(out: string[]) {
    for (const id of [...this.byOrder.keys()].sort()) for (const lines of this.byOrder.get(id) ?? []) out.push(...(lines ?? []));
  }
}

/**
 * Each paid order's payment entries, party by party, against what planPayment writes for its lines. A line's entries
 * depend only on its shape (rule, price, quantity, beneficiaries), so planPayment runs once per distinct shape here,
 * and the database joins every line to its shape's parties and compares them with the ledger's sums, returning only
 * the parties that differ.
 */
async function checkPayments(db: Reader, facts: ReadonlyMap<string, OrderFacts>, findings: OrderFindings, scope: readonly string[] | null): Promise<void> {
  const statuses: string[] = [...PAID_ORDER_STATUSES];
  // Only the orders in scope (parameter n), through the items' and the ledger's order indexes.
  const only = (column: string, n: number) => (scope ? ` AND ${column} = ANY($${n}::text[])` : "");
  const more = scope ? [scope] : [];
  const shapes = await db.$queryRawUnsafe<{ shape: unknown }[]>(
    `SELECT DISTINCT ${SHAPE} AS "shape" FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" WHERE ${PAID}${only(`i."orderId"`, 2)}`,
    statuses,
    ...more,
  );
  const planned = shapes.map(({ shape }) => {
    if (!Array.isArray(shape) || shape.length !== 6) throw new TypeError("bad order item shape");
    const [benefitRuleType, benefitBasisPoints, benefitFenPerUnit, unitPriceFen, quantity, beneficiaries] = shape as [LineSnapshot["benefitRuleType"], number | null, number | null, number, number, unknown];
    const line = snapshot({ orderItemId: "", cooperativeId: "", villageId: "", categoryId: "" }, { benefitRuleType, benefitBasisPoints, benefitFenPerUnit, unitPriceFen, quantity, beneficiaries });
    const parties = new Map<string | null, Sums>();
    for (const e of planPayment([line])) {
      const row = parties.get(e.householdId) ?? { amountFen: 0, units: 0 };
      row.amountFen += e.amountFen;
      row.units += e.units;
      parties.set(e.householdId, row);
    }
    return { k: shape, p: [...parties].map(([householdId, s]) => [householdId, s.amountFen, s.units]) };
  });
  const rows = await db.$queryRawUnsafe<{ orderId: string; orderItemId: string; householdId: string | null; expectedFen: bigint; expectedUnits: bigint; actualFen: bigint; actualUnits: bigint }[]>(
    `WITH s AS (
       SELECT x->'k' AS "shape", COALESCE(p->>0, '') AS "householdId", (p->>1)::bigint AS "amountFen", (p->>2)::bigint AS "units"
       FROM jsonb_array_elements($2::jsonb) x CROSS JOIN LATERAL jsonb_array_elements(x->'p') p
     ), expected AS (
       SELECT i."orderId", i."id" AS "orderItemId", s."householdId", s."amountFen", s."units"
       FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" JOIN s ON s."shape" = ${SHAPE}
       WHERE ${PAID}${only(`i."orderId"`, 3)}
     ), actual AS (
       SELECT l."orderId", l."orderItemId", COALESCE(l."householdId", '') AS "householdId", SUM(l."amountFen")::bigint AS "amountFen", SUM(l."units")::bigint AS "units"
       FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
       WHERE l."idempotencyKey" LIKE 'paid:%' AND ${PAID}${only(`l."orderId"`, 3)}
       GROUP BY 1, 2, 3
     )
     SELECT COALESCE(e."orderId", a."orderId") AS "orderId", COALESCE(e."orderItemId", a."orderItemId") AS "orderItemId",
            NULLIF(COALESCE(e."householdId", a."householdId"), '') AS "householdId",
            COALESCE(e."amountFen", 0) AS "expectedFen", COALESCE(e."units", 0) AS "expectedUnits",
            COALESCE(a."amountFen", 0) AS "actualFen", COALESCE(a."units", 0) AS "actualUnits"
     FROM expected e FULL JOIN actual a ON a."orderId" = e."orderId" AND a."orderItemId" = e."orderItemId" AND a."householdId" = e."householdId"
     WHERE COALESCE(e."amountFen", 0) <> COALESCE(a."amountFen", 0) OR COALESCE(e."units", 0) <> COALESCE(a."units", 0)
     ORDER BY 1, 2, 3 NULLS FIRST`,
    statuses,
    JSON.stringify(planned),
    ...more,
  );
  for (const r of rows) {
    const order = facts.get(r.orderId);
    if (!order) throw new Error(`ledger check: no facts for paid order ${r.orderId}`);
    const e = { amountFen: Number(r.expectedFen), units: Number(r.expectedUnits) };
    const a = { amountFen: Number(r.actualFen), units: Number(r.actualUnits) };
    findings.add(r.orderId, SLOT.payment, [difference(order.number, "payment", partyKey(r), e, a)]);
  }
}

/**
 * Each refunded order's reversing entries, party by party, against what planRefund computes in one step from its
 * lines and refunded total. Only orders with a refunded total or reversing entries can differ here; they are read in
 * key order in batches, lines and the ledger's sums per party only.
 */
async function checkRefunds(db: Reader, orders: readonly OrderFacts[], findings: OrderFindings): Promise<void> {
  for (let from = 0; from < orders.length; from += BATCH) {
    const batch = orders.slice(from, from + BATCH);
    const ids = batch.map((o) => o.id);
    const [items, reversed] = await Promise.all([
      db.$queryRawUnsafe<(LineColumns & { id: string; orderId: string; cooperativeId: string; originVillageId: string; categoryId: string })[]>(
        `SELECT "id", "orderId", "cooperativeId", "originVillageId", "categoryId", "unitPriceFen", "quantity", "benefitRuleType"::text AS "benefitRuleType",
                "benefitBasisPoints", "benefitFenPerUnit", "beneficiaries"
         FROM "OrderItem" WHERE "orderId" = ANY($1::text[])`,
        ids,
      ),
      db.$queryRawUnsafe<{ orderId: string; orderItemId: string; householdId: string | null; amountFen: bigint; units: bigint }[]>(
        `SELECT "orderId", "orderItemId", "householdId", SUM("amountFen")::bigint AS "amountFen", SUM("units")::bigint AS "units"
         FROM "LedgerEntry" WHERE "orderId" = ANY($1::text[]) AND "idempotencyKey" LIKE 'refund:%'
         GROUP BY 1, 2, 3`,
        ids,
      ),
    ]);
    const linesOf = new Map<string, LineSnapshot[]>();
    for (const i of items) {
      const lines = linesOf.get(i.orderId) ?? [];
      lines.push(snapshot({ orderItemId: i.id, cooperativeId: i.cooperativeId, villageId: i.originVillageId, categoryId: i.categoryId }, i));
      linesOf.set(i.orderId, lines);
    }
    const reversedOf = new Map<string, Map<string, Sums>>();
    for (const r of reversed) {
      const parties = reversedOf.get(r.orderId) ?? new Map<string, Sums>();
      parties.set(partyKey(r), { amountFen: Number(r.amountFen), units: Number(r.units) });
      reversedOf.set(r.orderId, parties);
    }
    for (const order of batch) {
      const planned = planPayment(linesOf.get(order.id) ?? []);
      // What the refunded total should have reversed, computed in one step from the snapshots.
      const expectedReversal = planRefund(
        [...planned].sort((a, b) => (`paid:${partyKey(a)}` < `paid:${partyKey(b)}` ? -1 : 1)),
        new Map(),
        refundedItemsFen(order.refundedFen, order.itemsFen, order.totalFen),
      );
      findings.add(order.id, SLOT.refunds, compareEntries(order.number, "refunds", sumByParty(expectedReversal), reversedOf.get(order.id) ?? new Map<string, Sums>()));
    }
  }
}

/**
 * Every order that is paid or has entries (or those of them in `scope`): its entries against its snapshots and
 * refunded total. The counts and sums per order come from one pass over the ledger in the database (over the
 * scope's entries only, through the ledger's order index); the per-party comparisons return only what differs.
 * Returns the orders and entries it read, and how many of those orders are not paid.
 */
async function checkOrders(db: Reader, out: string[], scope: readonly string[] | null): Promise<{ orders: number; entries: number; unpaid: number }> {
  if (scope?.length === 0) return { orders: 0, entries: 0, unpaid: 0 };
  const only = (column: string) => (scope ? ` WHERE ${column} = ANY($1::text[])` : "");
  const rows = await db.$queryRawUnsafe<OrderFacts[]>(
    `SELECT o."id", o."number", o."status"::text AS "status", o."paidAt", o."itemsFen", o."totalFen", o."refundedFen",
            COALESCE(e."entries", 0)::int AS "entries", COALESCE(e."other", 0)::int AS "other",
            COALESCE(e."refundEntries", 0)::int AS "refundEntries", COALESCE(e."untraced", 0)::int AS "untraced",
            COALESCE(e."net", 0)::bigint AS "net", COALESCE(r."recorded", 0)::bigint AS "recorded"
     FROM "Order" o
     LEFT JOIN (
       SELECT "orderId", COUNT(*) AS "entries",
              COUNT(*) FILTER (WHERE "idempotencyKey" NOT LIKE 'paid:%' AND "idempotencyKey" NOT LIKE 'refund:%') AS "other",
              COUNT(*) FILTER (WHERE "idempotencyKey" LIKE 'refund:%') AS "refundEntries",
              COUNT(*) FILTER (WHERE "idempotencyKey" LIKE 'refund:%' AND "refundId" IS NULL) AS "untraced",
              SUM("amountFen") AS "net"
       FROM "LedgerEntry"${only(`"orderId"`)} GROUP BY 1
     ) e ON e."orderId" = o."id"
     LEFT JOIN (SELECT "orderId", SUM("amountFen") AS "recorded" FROM "Refund" WHERE "recorded" GROUP BY 1) r ON r."orderId" = o."id"
     WHERE (o."paidAt" IS NOT NULL OR e."orderId" IS NOT NULL)${scope ? ` AND o."id" = ANY($1::text[])` : ""}
     ORDER BY o."id"`,
    ...(scope ? [scope] : []),
  );
  const findings = new OrderFindings();
  const facts = new Map<string, OrderFacts>();
  const refunded: OrderFacts[] = [];
  let entries = 0;
  let unpaid = 0;
  for (const order of rows) {
    entries += order.entries;
    if (order.paidAt === null) unpaid++;
    const paid = order.paidAt !== null && isPaidOrder(order.status);
    if (!paid) {
      if (order.entries > 0) findings.add(order.id, SLOT.unpaid, [`order ${order.number}: ${order.entries} ledger entries but the order is ${order.status}, not paid`]);
      continue;
    }
    facts.set(order.id, order);
    if (order.refundedFen > 0 || order.refundEntries > 0) refunded.push(order);
    if (order.other > 0) findings.add(order.id, SLOT.other, [`order ${order.number}: ${order.other} ledger entries neither from its payment nor from a refund`]);
    if (order.untraced > 0) findings.add(order.id, SLOT.untraced, [`order ${order.number}: ${order.untraced} reversing entries that name no refund`]);
    // The refunded total is the counted refunds' sum, capped at the order's total (a refund Stripe has failed,
    // whose event is still on its way, may count meanwhile).
    const recorded = Number(order.recorded);
    if (Math.min(recorded, order.totalFen) !== order.refundedFen) findings.add(order.id, SLOT.refunded, [`order ${order.number}: refunded ${order.refundedFen} fen, but its counted refunds add up to ${recorded}`]);
    const net = Number(order.net);
    const expectedNet = order.itemsFen - refundedItemsFen(order.refundedFen, order.itemsFen, order.totalFen);
    if (net !== expectedNet) findings.add(order.id, SLOT.net, [`order ${order.number}: ledger nets ${net} fen, expected ${expectedNet} (items ${order.itemsFen}, refunded ${order.refundedFen} of ${order.totalFen})`]);
  }
  await checkPayments(db, facts, findings, scope);
  await checkRefunds(db, refunded, findings);
  findings.flushTo(out);
  return { orders: rows.length, entries, unpaid };
}

/**
 * Every rollup against its GROUP BY of the ledger, row by row (lib/server/rollups/rebuild.ts); after a checkpoint,
 * only the periods of the re-read orders' entries and those whose stored rows' digest moved (every stored row is
 * read for that).
 * After a checkpoint, returns the digests it read (what a new checkpoint records) and how many periods it compared.
 */
async function checkRollups(db: Reader, out: string[], since: { checkpoint: Digests; days: readonly string[] } | null): Promise<{ digests: Digests | null; periods: number }> {
  const stored: Record<string, Digests[string]> = {};
  let periods = 0;
  for (const table of ROLLUP_TABLES) {
    let only: string[] | undefined;
    if (since) {
      stored[table] = await rollupDigests(db, table);
      const touched = ROLLUP_QUERIES[table].period === "day" ? since.days : monthsOf(since.days);
      only = periodsToRecheck(stored[table], since.checkpoint[table] ?? {}, touched);
      periods += only.length;
    }
    for (const d of await rollupDifferences(db, table, { periods: only })) out.push(`${d.what}: expected ${d.expected}; stored ${d.actual}`);
  }
  return { digests: since ? stored : null, periods };
}

async function allDigests(db: Reader): Promise<Digests> {
  const out: Record<string, Digests[string]> = {};
  for (const table of ROLLUP_TABLES) out[table] = await rollupDigests(db, table);
  return out;
}

/**
 * Every settlement statement against its month's ledger sums for its cooperative (lib/server/settlements/sums.ts),
 * month by month. A CONFIRMED or PAID statement can never differ (entries are dated the day money moves, so a
 * later refund lands in a later month); an OPEN one differs only if it was drawn up before its month ended and not
 * regenerated since.
 */
async function checkSettlements(db: Reader, out: string[], onlyMonths: ReadonlySet<string> | null): Promise<void> {
  const months = await db.settlement.findMany({ distinct: ["periodStart"], select: { periodStart: true }, orderBy: { periodStart: "asc" } });
  for (const { periodStart } of months) {
    const month = parseMonth(periodStart.toISOString().slice(0, 7));
    if (!month) continue;
    if (onlyMonths && !onlyMonths.has(`${month.month}-01`)) continue;
    const [stored, sums] = await Promise.all([
      db.settlement.findMany({ where: { periodStart }, select: { cooperativeId: true, status: true, amountFen: true, salesFen: true, refundsFen: true, adjustmentsFen: true } }),
      monthSums(db, month),
    ]);
    const expected = new Map(sums.map((s) => [s.cooperativeId, s]));
    for (const s of stored) {
      const e = expected.get(s.cooperativeId) ?? { amountFen: 0, salesFen: 0, refundsFen: 0, adjustmentsFen: 0 };
      if (e.amountFen !== s.amountFen || e.salesFen !== s.salesFen || e.refundsFen !== s.refundsFen || e.adjustmentsFen !== s.adjustmentsFen) {
        out.push(
          `settlement ${s.cooperativeId} ${month.month} (${s.status}): expected amount ${e.amountFen} (sales ${e.salesFen}, refunds ${e.refundsFen}, adjustments ${e.adjustmentsFen}); stored amount ${s.amountFen} (sales ${s.salesFen}, refunds ${s.refundsFen}, adjustments ${s.adjustmentsFen})`,
        );
      }
    }
  }
}

/** Where a check since a checkpoint starts from: the checkpoint, and what was written after it. */
interface Since {
  checkpoint: StoredCheckpoint;
  orders: string[];
  entries: number;
  paid: number;
  days: string[];
  settlementMonths: Set<string>;
}

/**
 * Every check, in one read-only REPEATABLE READ transaction: all its statements see the same snapshot, so an order
 * paid while the check runs is either wholly in it or wholly not (never entries without their order's facts). With
 * `incremental`, from the newest usable checkpoint: the orders, rollup periods and settlement months that may have
 * changed since are checked exactly as from scratch, and the rest is what the checkpoint verified. With
 * `checkpoint`, a check that finds nothing records one (after its transaction, from what it read in it).
 */
export async function checkLedger(db: Db, options: LedgerCheckOptions = {}): Promise<LedgerCheckResult> {
  const timings: Record<string, number> = {};
  const timed = async <T>(phase: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[phase] = (timings[phase] ?? 0) + Math.round(performance.now() - start);
    }
  };
  const result = await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const snapshot = await snapshotFacts(tx);
      let fromScratchBecause: string | null = null;
      let since: Since | null = null;
      let beforeSnapshot: bigint | null = null;
      if (options.incremental) {
        const checkpoint = await latestCheckpoint(tx);
        const start = performance.now();
        const usable = checkpointUsable(checkpoint, snapshot, ROLLUP_TABLES);
        if (!usable.ok || !checkpoint) fromScratchBecause = usable.ok ? "no checkpoint yet" : usable.reason;
        else {
          const ledger = await scanLedger(tx, checkpoint.snapshotXmin, snapshot);
          ({ beforeSnapshot } = ledger);
          const intact = oldEntriesIntact(checkpoint.oldEntries, ledger.before);
          if (!intact.ok) fromScratchBecause = intact.reason;
          else {
            const orders = await scanOrders(tx, checkpoint.snapshotXmin);
            const scope = ordersToRecheck(ledger.orders, orders.orders);
            // The rollups group the entries of these orders with their order's buyer and their items' products, so
            // every day these orders have entries on is compared again; a statement sums only its month's entries.
            const days = [...new Set([...ledger.days, ...(await entryDaysOf(tx, scope))])];
            const settlementMonths = new Set([...monthsOf(await entryDaysOf(tx, ledger.orders)), ...(await changedSettlementMonths(tx, checkpoint.snapshotXmin))]);
            since = { checkpoint, orders: scope, entries: ledger.entries, paid: orders.paid, days, settlementMonths };
          }
        }
        timings["since"] = Math.round(performance.now() - start);
      }
      const differences: string[] = [];
      const checked = await timed("orders", () => checkOrders(tx, differences, since?.orders ?? null));
      const rollups = await timed("rollups", () => checkRollups(tx, differences, since ? { checkpoint: since.checkpoint.digests, days: since.days } : null));
      await timed("settlements", () => checkSettlements(tx, differences, since?.settlementMonths ?? null));
      // A checkpoint of this snapshot: the stored rollups' digests (already read after a checkpoint) and the count of
      // entries written before the snapshot's xmin (one more pass over the ledger when the check did not make it).
      let record: { oldEntries: bigint; digests: Digests } | null = null;
      if (options.checkpoint && differences.length === 0) {
        record = await timed("checkpoint", async () => ({
          oldEntries: beforeSnapshot ?? (await scanLedger(tx, snapshot.xmin, snapshot)).beforeSnapshot,
          digests: rollups.digests ?? (await allDigests(tx)),
        }));
      }
      return {
        ordersChecked: since ? since.paid + checked.unpaid : checked.orders,
        entriesChecked: since ? since.entries : checked.entries,
        differences,
        since: since ? { at: since.checkpoint.createdAt, full: since.checkpoint.full } : null,
        fromScratchBecause,
        reread: since ? { orders: since.orders.length, entries: checked.entries, periods: rollups.periods } : null,
        record,
        snapshot,
      };
    },
    { isolationLevel: "RepeatableRead", maxWait: 60_000, timeout: 3_600_000 },
  );
  const { record, snapshot, ...out } = result;
  const checkpointAt = record ? await timed("checkpoint", () => writeCheckpoint(db, { snapshot, ...record, full: out.since === null })) : null;
  return { ...out, checkpointAt, timings };
}
