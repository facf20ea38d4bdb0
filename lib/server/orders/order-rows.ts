import "server-only";
// The pieces of writing an order fast that a cart's checkout (./place-order.ts) and a union's gift order
// (lib/server/orgs/gift-orders.ts) share: the order's rows inserted from one JSON document in one statement, and
// the stock of every product taken in one statement, a conditional update per product, in one order.
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BenefitRuleType, CertificationStatus, CooperativeStatus, ListingStatus } from "@/lib/generated/prisma/enums";

type Tx = PrismaTypes.TransactionClient;

/**
 * A product as an order being placed reads it (a cart's line, a gift list's product): price and tiers, what
 * isSellable judges, the snapshot its line keeps, its beneficiaries and its cooperative's shipping terms.
 */
export interface SoldProductRow {
  id: string;
  nameZh: string;
  nameEn: string;
  priceFen: number;
  /** Product.priceTiers as stored (JSON); read with storedTiers. */
  priceTiers: unknown;
  minOrderQuantity: number;
  listingStatus: ListingStatus;
  certificationStatus: CertificationStatus;
  certificateValidFrom: Date | null;
  certificateValidUntil: Date | null;
  categoryId: string;
  originVillageId: string;
  benefitRuleType: BenefitRuleType;
  benefitBasisPoints: number | null;
  benefitFenPerUnit: number | null;
  beneficiaries: { householdId: string; weight: number }[];
  cooperativeId: string;
  cooperativeStatus: CooperativeStatus;
  shippingFeeFen: number;
  freeShippingMinFen: number;
}

/** A product row as the stock statement left it, locked: what isSellable judges. */
export interface TakenRow {
  id: string;
  listingStatus: ListingStatus;
  certificationStatus: CertificationStatus;
  certificateValidFrom: Date | null;
  certificateValidUntil: Date | null;
  cooperativeStatus: CooperativeStatus;
}

/** What isSellable (lib/domain/catalog.ts) takes, from a row that carries its cooperative's status alongside. */
export const sellableProbe = (r: Omit<TakenRow, "id">) => ({ ...r, cooperative: { status: r.cooperativeStatus } });

export type OrderTable = "Order" | "Shipment" | "OrderItem" | "StockReservation" | "Payment";

/**
 * `INSERT INTO "<table>" (…) SELECT … FROM` the statement's JSON document ("rows"."d"): the row, or the array of rows,
 * under the table's name there; the columns are the keys of `sample` (the row, or the first of them). Dates are in
 * the document as ISO strings in UTC, which is what a timestamp column without time zone keeps. Every row of an
 * array must have the same keys (a key missing from a row reads as NULL, not as the column's default).
 */
export function insertRows(table: OrderTable, sample: object | readonly object[]): Prisma.Sql {
  const many = Array.isArray(sample);
  const first: object = (many ? (sample as readonly object[])[0] : sample) ?? {};
  const columns = Prisma.raw(Object.keys(first).map((c) => `"${c}"`).join(", "));
  const from = Prisma.raw(`${many ? "jsonb_populate_recordset" : "jsonb_populate_record"}(NULL::"${table}", "rows"."d"->'${table}')`);
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${table}"`)} (${columns}) SELECT ${columns} FROM "rows", ${from}`;
}

/**
 * The one order in which every path that changes several products' stock meets their rows: by id, compared as
 * code units (PostgreSQL's "C" collation, whatever the database's own). Checkouts, gift orders, cancellations
 * and a payment after a cancellation all go through the rows in this order, so no two of them can each hold a
 * row the other waits for.
 */
export const byProductId = (a: { productId: string }, b: { productId: string }) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

/**
 * The stock, as CTEs of a statement: one conditional UPDATE per product, "take0", "take1", … in byProductId
 * order, each taking the product's units only if it has them, and "taken", their rows together, as they are under
 * the lock (what isSellable judges: a product taken off sale since the caller's read is seen too; the
 * cooperative's status is read as of the statement's start). A product absent from "taken" was short.
 * `wanted` names each product once.
 *
 * Each UPDATE waits for the one before it (its one-time filter counts that one's rows), so the rows are locked one
 * after another in a fixed order and concurrent orders cannot deadlock on each other's rows. Each UPDATE locks
 * its row itself, as PostgreSQL's own queue for a contended row expects. (A first CTE locking every row with
 * SELECT … FOR NO KEY UPDATE, and an UPDATE after it, deadlocked under a rush on one product while others added it
 * to their carts: the UPDATE starts again from the row version of the statement's snapshot and, when carts' key
 * share locks sit on that version, waits for its tuple lock, held by the next order in the queue, which waits for
 * this one. docs/benchmarks.md, "a rush on one product".)
 *
 * `onlyAfter`, a condition on the statement's earlier CTEs that no product row enters, is evaluated before the
 * first row is locked, so what it needs runs first: a checkout's cart lock (./place-order.ts), taken before the
 * first cart line is deleted.
 */
export function stockTakeCtes(wanted: readonly { productId: string; quantity: number }[], stamp: Date, onlyAfter: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  const returning = Prisma.sql`p."id", p."listingStatus"::text AS "listingStatus", p."certificationStatus"::text AS "certificationStatus",
                p."certificateValidFrom", p."certificateValidUntil",
                (SELECT c."status"::text FROM "Cooperative" c WHERE c."id" = p."cooperativeId") AS "cooperativeStatus"`;
  // Named twice, a product's second UPDATE would find its row already updated by this statement and skip it.
  if (new Set(wanted.map((w) => w.productId)).size !== wanted.length) throw new Error("stockTakeCtes: a product is named twice");
  const steps = [...wanted].sort(byProductId).map((w, i) => {
    const after = i === 0 ? Prisma.empty : Prisma.sql` AND (SELECT COUNT(*) FROM ${Prisma.raw(`"take${i - 1}"`)}) >= 0`;
    return Prisma.sql`${Prisma.raw(`"take${i}"`)} AS (
      UPDATE "Product" p SET "stock" = p."stock" - ${w.quantity}::int, "updatedAt" = ${stamp}::timestamp(3)
      WHERE p."id" = ${w.productId} AND p."stock" >= ${w.quantity}::int AND ${onlyAfter}${after}
      RETURNING ${returning}
    )`;
  });
  const taken = steps.length
    ? Prisma.join(steps.map((_, i) => Prisma.raw(`SELECT * FROM "take${i}"`)), " UNION ALL ")
    : Prisma.sql`SELECT ${returning} FROM "Product" p WHERE FALSE`;
  return Prisma.sql`${Prisma.join([...steps, Prisma.sql`"taken" AS (${taken})`], ", ")}`;
}

/** The stock taken on its own, in one statement (stockTakeCtes): the taken rows, locked until the commit. */
export async function takeStock(tx: Tx, wanted: readonly { productId: string; quantity: number }[], stamp: Date): Promise<TakenRow[]> {
  return tx.$queryRaw<TakenRow[]>`WITH ${stockTakeCtes(wanted, stamp)} SELECT * FROM "taken"`;
}

// 32^6 order numbers a day: among tens of thousands of orders in a day, two may draw the same one.
/** Whether a failed insert drew an order number or transfer reference already taken (draw again). */
export const numberTaken = (error: unknown) => error instanceof Error && /"Order_(number|transferReference)_key"/.test(error.message);

/**
 * Whether PostgreSQL chose this transaction as a deadlock's victim (SQLSTATE 40P01): it was rolled back whole, and
 * trying again is what PostgreSQL's documentation advises. No cycle among orders is known since the stock take
 * locks each product by its own UPDATE (stockTakeCtes; before, a rush on one product with carts being filled beside
 * it deadlocked: docs/benchmarks.md, "a rush on one product"), but an order's statement meets many rows that other
 * work locks too, and a deadlock found later should cost a buyer a second's wait, not their order.
 */
export const deadlocked = (error: unknown) => {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  // A raw query's failure (P2010) has the SQLSTATE in its message; a model query's is P2034, "a write conflict or a
  // deadlock" (Prisma's own advice: retry); node-postgres (the benchmark's baseline) puts it in code.
  return /\b40P01\b/.test(error.message) || code === "P2034" || code === "40P01";
};

/** Attempts in all for one order: the first and up to two more. */
export const ORDER_ATTEMPTS = 3;

/**
 * Runs one order's transaction, and runs it again (up to ORDER_ATTEMPTS in all) when it failed for a reason that
 * trying again cures: an order number or transfer reference drawn twice, or a deadlock's victim. Either was rolled
 * back whole, so nothing of the failed attempt stands. Any other failure (a refusal, a lost connection) is thrown
 * at once. placeOrder and an organisation's gift order share it.
 */
export async function retryingOrder<T>(attemptOnce: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptOnce();
    } catch (error) {
      if (attempt < ORDER_ATTEMPTS && (numberTaken(error) || deadlocked(error))) continue;
      throw error;
    }
  }
}
