// Every foreign key, and every column set a hot query filters or joins on, is the leading columns of an index,
// read from PostgreSQL's catalog (pg_constraint, pg_index, pg_attribute) on the migrated test database. A new
// relation or a new hot query without its index fails here with the table and columns to index; a deliberate
// exception is listed below with its reason. Behaviour only: the timings are in tests/bench/orders-scale.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let t: TestDatabase;
let db: Db;

beforeAll(async () => {
  t = await createTestDatabase("shop_index_coverage");
  db = t.db;
});

afterAll(async () => {
  await t?.drop();
});

// ───────────────────────────── What must be indexed ─────────────────────────────

interface HotQuery {
  table: string;
  /** The columns the query's WHERE/JOIN pins (equalities first, then the range or sort), as an index must lead with them. */
  columns: string[];
  /** Where it runs. */
  query: string;
}

/** The reads on the paths that run per request or per row at county scale (orders, fulfilment, catalog, ledger, rollups, sign-in). */
const HOT_QUERIES: HotQuery[] = [
  // The buyer's orders and the order page (lib/server/queries/orders.ts, /account/orders/[id]).
  { table: "Order", columns: ["buyerId", "placedAt"], query: "listBuyerOrders: a buyer's orders, newest first" },
  { table: "Order", columns: ["organisationId", "placedAt"], query: "lib/server/orgs: an organisation's orders (reserved share, year-end statement, the admins' list)" },
  { table: "OrganisationMember", columns: ["userId"], query: "membershipOf: the caller's organisation, on every organisation page and write" },
  { table: "Shipment", columns: ["orderId"], query: "getBuyerOrder: an order's shipments" },
  { table: "OrderItem", columns: ["shipmentId"], query: "getBuyerOrder: a shipment's lines" },
  { table: "Refund", columns: ["orderId"], query: "getBuyerOrder / refunds.ts: an order's refunds" },
  { table: "Refund", columns: ["status"], query: "listRefundRequests: the requests awaiting a decision" },
  { table: "Refund", columns: ["paymentId"], query: "refunds.ts: a payment's Stripe refunds" },
  { table: "Refund", columns: ["shipmentId"], query: "after-sales: the refunds naming a parcel" },
  { table: "Order", columns: ["paymentMethod", "status"], query: "listTransfersAwaitingConfirmation" },
  // Placing, paying, cancelling an order (lib/server/orders/*).
  { table: "Cart", columns: ["userId"], query: "placeOrder / cart: the buyer's cart" },
  { table: "Cart", columns: ["guestToken"], query: "cart: a guest's cart" },
  { table: "CartItem", columns: ["cartId", "productId"], query: "cart: one line of a cart" },
  { table: "OrderItem", columns: ["orderId"], query: "ledger write, touched products: an order's lines" },
  { table: "Payment", columns: ["orderId"], query: "lifecycle.ts / refunds.ts: an order's payments" },
  { table: "StockReservation", columns: ["orderId"], query: "lifecycle.ts: an order's active reservations" },
  { table: "StockReservation", columns: ["status", "expiresAt"], query: "the reservation sweep" },
  { table: "StockReservation", columns: ["productId", "status"], query: "catalog availability: a product's active reservations" },
  { table: "Order", columns: ["status"], query: "sweep.ts: unpaid orders whose reservation ran out" },
  { table: "MailMessage", columns: ["status", "nextAttemptAt"], query: "the outbox worker" },
  { table: "MailMessage", columns: ["dedupeKey"], query: "placeOrder: an order's pending mails" },
  // The fulfilment queue (lib/server/fulfilment/*).
  { table: "Shipment", columns: ["cooperativeId", "status"], query: "queueWhere: a cooperative's shipments by state" },
  { table: "Shipment", columns: ["status", "shippedAt"], query: "the delivery sweep and late shipments" },
  { table: "Order", columns: ["paidAt"], query: "queue / late shipments / buyers in a range: orders paid between two days" },
  { table: "Batch", columns: ["productId"], query: "queue: a line's newest lot" },
  // The catalog listing and its filters (lib/server/queries/catalog/*).
  { table: "Product", columns: ["categoryId", "certificationStatus"], query: "listProducts ?category=" },
  { table: "Product", columns: ["originVillageId", "certificationStatus"], query: "listProducts ?village=, village page" },
  { table: "Product", columns: ["cooperativeId", "certificationStatus"], query: "listProducts ?cooperative=, cooperative page" },
  { table: "Product", columns: ["certificationStatus", "priceFen"], query: "listProducts: price range and sort" },
  { table: "Product", columns: ["certificationStatus", "createdAt"], query: "listProducts: newest first" },
  { table: "Product", columns: ["slug"], query: "the product page" },
  { table: "Category", columns: ["slug"], query: "listProducts ?category=" },
  { table: "Village", columns: ["slug"], query: "village page, ?village=" },
  { table: "Cooperative", columns: ["slug"], query: "cooperative page, ?cooperative=" },
  { table: "Cooperative", columns: ["status"], query: "facets, home: certified cooperatives" },
  { table: "ProductImage", columns: ["productId"], query: "product cards: a product's photos" },
  { table: "ProductBeneficiary", columns: ["productId"], query: "product page: the households a product supports" },
  { table: "HouseholdParticipation", columns: ["cooperativeId"], query: "cooperative page: its households" },
  { table: "Household", columns: ["villageId"], query: "village page: its households" },
  // The ledger and the rollups (lib/server/ledger, rollups, settlements, dashboard, reports).
  { table: "LedgerEntry", columns: ["orderId"], query: "refund ledger, buyers reached: an order's entries" },
  { table: "LedgerEntry", columns: ["orderItemId"], query: "reports / settlements: a line's sale before its refund" },
  { table: "LedgerEntry", columns: ["day"], query: "settlement sums: a month's entries" },
  { table: "LedgerEntry", columns: ["cooperativeId", "day"], query: "statements, dashboard: a cooperative's days" },
  { table: "LedgerEntry", columns: ["householdId", "day"], query: "household income: a household's days" },
  { table: "LedgerEntry", columns: ["villageId", "day"], query: "sales by village: a village's days" },
  { table: "SalesDailyRollup", columns: ["dimension", "key", "day"], query: "rollups/source.ts: a range's ragged ends" },
  { table: "SalesDailyRollup", columns: ["day"], query: "rollups/source.ts: every key's days" },
  { table: "SalesMonthlyRollup", columns: ["dimension", "key", "month"], query: "rollups/source.ts: whole months" },
  { table: "HouseholdDailyIncome", columns: ["cooperativeId", "day"], query: "dashboard: a cooperative's households reached" },
  { table: "HouseholdDailyIncome", columns: ["day"], query: "dashboard: households reached in a range" },
  { table: "HouseholdMonthlyIncome", columns: ["dimension", "month"], query: "rollups/source.ts: households by month" },
  { table: "BuyerMonthlyOrders", columns: ["key", "month"], query: "rollups/source.ts: buyers in whole months" },
  { table: "Settlement", columns: ["cooperativeId", "periodStart"], query: "settlements: a cooperative's statement of a month" },
  // Sessions and throttles (lib/server/auth/*).
  { table: "User", columns: ["email"], query: "credentials: sign-in by email" },
  { table: "LoginAttempt", columns: ["email", "createdAt"], query: "sign-in throttle by email" },
  { table: "LoginAttempt", columns: ["ip", "createdAt"], query: "sign-in throttle by address" },
  { table: "PasswordResetToken", columns: ["tokenHash"], query: "password reset: claim a token" },
  { table: "PasswordResetToken", columns: ["userId"], query: "password reset: a user's recent tokens" },
  { table: "Session", columns: ["sessionToken"], query: "Auth.js adapter: a session" },
  { table: "AuditLog", columns: ["entityType", "entityId"], query: "an entity's history" },
];

/** Foreign keys deliberately left without an index, as "Table(col, …)", with the reason. */
const FK_EXCEPTIONS: Record<string, string> = {
  // The ledger is the largest table (13M entries at county scale) and append-only: its trigger refuses every UPDATE
  // and DELETE, so deleting a Payment or Refund an entry names (ON DELETE SET NULL) or its Category (RESTRICT)
  // fails whatever index there is, and nothing deletes them. No query looks entries up by these columns, so an
  // index would only cost every payment's and refund's writes.
  "LedgerEntry(paymentId)": "append-only ledger (trigger); no query reads entries by payment",
  "LedgerEntry(refundId)": "append-only ledger (trigger); refund entries are read by orderItemId",
  "LedgerEntry(categoryId)": "append-only ledger (trigger); category sums read the rollups",
};

// ───────────────────────────── The catalog ─────────────────────────────

interface ForeignKey {
  table: string;
  name: string;
  columns: string[];
}

interface Index {
  table: string;
  name: string;
  /** Key columns in order (INCLUDE columns left out); null where the index has an expression. */
  columns: (string | null)[];
}

async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  return db.$queryRawUnsafe<ForeignKey[]>(`
    SELECT c.conrelid::regclass::text AS "table", c.conname AS "name",
           array_agg(a.attname::text ORDER BY k.ord) AS "columns"
    FROM pg_constraint c
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
    WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
    GROUP BY c.conrelid, c.conname
    ORDER BY 1, 2`);
}

/** Valid, non-partial indexes of the public tables (a partial index does not serve every row). */
async function indexes(db: Db): Promise<Index[]> {
  const rows = await db.$queryRawUnsafe<{ table: string; name: string; columns: (string | null)[] }[]>(`
    SELECT i.indrelid::regclass::text AS "table", i.indexrelid::regclass::text AS "name",
           array_agg(a.attname::text ORDER BY k.ord) AS "columns"
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
    WHERE t.relnamespace = 'public'::regnamespace AND i.indisvalid AND i.indpred IS NULL AND k.ord <= i.indnkeyatts
    GROUP BY i.indrelid, i.indexrelid
    ORDER BY 1, 2`);
  return rows;
}

/** Column names of every public table, by table (as regclass prints it: quoted where mixed-case). */
async function tableColumns(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db.$queryRawUnsafe<{ table: string; column: string }[]>(`
    SELECT c.oid::regclass::text AS "table", a.attname::text AS "column"
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'`);
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.table, (out.get(r.table) ?? new Set()).add(r.column));
  return out;
}

const quoted = (table: string) => `"${table}"`;
const label = (table: string, columns: string[]) => `${table.replace(/^"|"$/g, "")}(${columns.join(", ")})`;

/** Whether some index's first columns are exactly these (in any order: equalities may come in any order). */
function covered(all: Index[], table: string, columns: string[]): Index | undefined {
  const want = new Set(columns);
  return all.find((i) => i.table === table && i.columns.length >= want.size && i.columns.slice(0, want.size).every((c) => c !== null && want.has(c)));
}

/** The foreign keys no index leads with and no exception names, as "Table(cols) (constraint)". */
function unindexedForeignKeys(fks: ForeignKey[], all: Index[], exceptions: Record<string, string>): string[] {
  return fks
    .filter((fk) => !covered(all, fk.table, fk.columns) && !(label(fk.table, fk.columns) in exceptions))
    .map((fk) => `${label(fk.table, fk.columns)} — foreign key ${fk.name} has no index leading with these columns`);
}

// ───────────────────────────── The tests ─────────────────────────────

describe("index coverage", () => {
  test("every foreign key is the leading columns of an index, or a listed exception", async () => {
    const missing = unindexedForeignKeys(await foreignKeys(db), await indexes(db), FK_EXCEPTIONS);
    expect(missing, `add @@index for:\n${missing.join("\n")}`).toEqual([]);
  });

  test("every listed exception is a foreign key that still lacks an index", async () => {
    const [fks, all] = [await foreignKeys(db), await indexes(db)];
    const stale = Object.keys(FK_EXCEPTIONS).filter((key) => {
      const fk = fks.find((f) => label(f.table, f.columns) === key);
      return !fk || covered(all, fk.table, fk.columns);
    });
    expect(stale, "exceptions naming no unindexed foreign key: remove them").toEqual([]);
  });

  test("every hot query's WHERE/JOIN columns are the leading columns of an index", async () => {
    const [all, columns] = [await indexes(db), await tableColumns(db)];
    const problems = HOT_QUERIES.flatMap(({ table, columns: cols, query }) => {
      const known = columns.get(quoted(table));
      if (!known) return [`${table}: no such table (${query})`];
      const unknown = cols.filter((c) => !known.has(c));
      if (unknown.length) return [`${table}(${unknown.join(", ")}): no such column (${query})`];
      return covered(all, quoted(table), cols) ? [] : [`${label(table, cols)} — no index leads with these columns (${query})`];
    });
    expect(problems, `index these:\n${problems.join("\n")}`).toEqual([]);
  });

  test("OrderItem.shipmentId, which the order page reads by, has its index", async () => {
    expect(covered(await indexes(db), quoted("OrderItem"), ["shipmentId"])?.name).toBe('"OrderItem_shipmentId_idx"');
  });

  // The check itself: a new relation without an index is reported by table and columns, and is not once indexed.
  test("reports a new unindexed foreign key by table and columns, and not once it is indexed", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "IndexProbe" ("id" TEXT PRIMARY KEY, "orderId" TEXT NOT NULL REFERENCES "Order"("id"), "note" TEXT)`);
    try {
      const before = unindexedForeignKeys(await foreignKeys(db), await indexes(db), FK_EXCEPTIONS);
      expect(before).toEqual([`IndexProbe(orderId) — foreign key IndexProbe_orderId_fkey has no index leading with these columns`]);

      // A partial index does not count; one leading with other columns does not either.
      await db.$executeRawUnsafe(`CREATE INDEX "IndexProbe_partial" ON "IndexProbe"("orderId") WHERE "note" IS NULL`);
      await db.$executeRawUnsafe(`CREATE INDEX "IndexProbe_note_order" ON "IndexProbe"("note", "orderId")`);
      expect(unindexedForeignKeys(await foreignKeys(db), await indexes(db), FK_EXCEPTIONS)).toHaveLength(1);

      await db.$executeRawUnsafe(`CREATE INDEX "IndexProbe_order_note" ON "IndexProbe"("orderId", "note")`);
      expect(unindexedForeignKeys(await foreignKeys(db), await indexes(db), FK_EXCEPTIONS)).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "IndexProbe"`);
    }
  });
});
