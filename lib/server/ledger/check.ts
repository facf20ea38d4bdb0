import "server-only";
// Reconciliation (`npm run ledger:check`): recomputes the ledger from the orders' snapshots and the rollups (daily
// and monthly) from the ledger, independently of the code that wrote them, and lists every difference. An empty list
// means every paid fen is where it should be.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseBeneficiaries, partyKey, planPayment, planRefund, refundedItemsFen, type LineSnapshot, type PlannedEntry } from "@/lib/domain/ledger";
import { isPaidOrder, PAID_ORDER_STATUSES, type OrderStatus } from "@/lib/domain/order-state";
import { parseMonth } from "@/lib/domain/reports";
import { ROLLUP_TABLES, rollupDifferences } from "@/lib/server/rollups/rebuild";
import { monthSums } from "@/lib/server/settlements/sums";

// Orders are read in key order in batches this large where Node must see their lines (refunded orders only).
/** The check reads through a transaction (one snapshot). */
type Reader = Prisma.TransactionClient;

const BATCH = 2_000;

export interface LedgerCheckResult {
  ordersChecked: number;
  entriesChecked: number;
  differences: string[];
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
async function checkPayments(db: Reader, facts: ReadonlyMap<string, OrderFacts>, findings: OrderFindings): Promise<void> {
  const statuses: string[] = [...PAID_ORDER_STATUSES];
  const shapes = await db.$queryRawUnsafe<{ shape: unknown }[]>(`SELECT DISTINCT ${SHAPE} AS "shape" FROM "OrderItem" i JOIN "Order" o ON o."id" = i."orderId" WHERE ${PAID}`, statuses);
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
       WHERE ${PAID}
     ), actual AS (
       SELECT l."orderId", l."orderItemId", COALESCE(l."householdId", '') AS "householdId", SUM(l."amountFen")::bigint AS "amountFen", SUM(l."units")::bigint AS "units"
       FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
       WHERE l."idempotencyKey" LIKE 'paid:%' AND ${PAID}
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
 * Every order that is paid or has entries: its entries against its snapshots and refunded total. The counts and sums
 * per order come from one pass over the ledger in the database; the per-party comparisons return only what differs.
 */
async function checkOrders(db: Reader, out: string[]): Promise<{ orders: number; entries: number }> {
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
       FROM "LedgerEntry" GROUP BY 1
     ) e ON e."orderId" = o."id"
     LEFT JOIN (SELECT "orderId", SUM("amountFen") AS "recorded" FROM "Refund" WHERE "recorded" GROUP BY 1) r ON r."orderId" = o."id"
     WHERE o."paidAt" IS NOT NULL OR e."orderId" IS NOT NULL
     ORDER BY o."id"`,
  );
  const findings = new OrderFindings();
  const facts = new Map<string, OrderFacts>();
  const refunded: OrderFacts[] = [];
  let entries = 0;
  for (const order of rows) {
    entries += order.entries;
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
  await checkPayments(db, facts, findings);
  await checkRefunds(db, refunded, findings);
  findings.flushTo(out);
  return { orders: rows.length, entries };
}

/** Every rollup against its GROUP BY of the ledger, row by row (lib/server/rollups/rebuild.ts). */
async function checkRollups(db: Reader, out: string[]): Promise<void> {
  for (const table of ROLLUP_TABLES) {
    for (const d of await rollupDifferences(db, table)) out.push(`${d.what}: expected ${d.expected}; stored ${d.actual}`);
  }
}

/**
 * Every settlement statement against its month's ledger sums for its cooperative (lib/server/settlements/sums.ts),
 * month by month. A CONFIRMED or PAID statement can never differ (entries are dated the day money moves, so a
 * later refund lands in a later month); an OPEN one differs only if it was drawn up before its month ended and not
 * regenerated since.
 */
async function checkSettlements(db: Reader, out: string[]): Promise<void> {
  const months = await db.settlement.findMany({ distinct: ["periodStart"], select: { periodStart: true }, orderBy: { periodStart: "asc" } });
  for (const { periodStart } of months) {
    const month = parseMonth(periodStart.toISOString().slice(0, 7));
    if (!month) continue;
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

/**
 * Every check, in one read-only REPEATABLE READ transaction: all its statements see the same snapshot, so an order
 * paid while the check runs is either wholly in it or wholly not (never entries without their order's facts).
 */
export async function checkLedger(db: Db): Promise<LedgerCheckResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
      const differences: string[] = [];
      const { orders, entries } = await checkOrders(tx, differences);
      await checkRollups(tx, differences);
      await checkSettlements(tx, differences);
      return { ordersChecked: orders, entriesChecked: entries, differences };
    },
    { isolationLevel: "RepeatableRead", maxWait: 60_000, timeout: 3_600_000 },
  );
}
