import "server-only";
// Every rollup as one set-based query over the ledger. The ledger's writer (../ledger/write.ts) keeps the rollups
// row by row from lib/domain/ledger.ts; these queries are the independent definition that `ledger:check` compares
// the stored rows with (../ledger/check.ts), and they rebuild the rollups where rows were loaded in bulk (the county
// bench, test fixtures). A payment's entries are those whose idempotency key starts with "paid:"; orders count once
// per key, on those (all of one payment's entries share a day, so a month's count is the sum of its days').
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysOfMonths, type Digest } from "@/lib/domain/ledger-checkpoint";

const monthOf = (column: string) => `date_trunc('month', ${column}::timestamp)::date`;

// Each query takes `where`: a condition on the ledger's entries (alias l), "true" for the whole ledger; the check
// passes one on l."day" to group only some days or months.
const sales = (period: string) => (where: string) => `
      SELECT d."dimension"::"RollupDimension" AS "dimension", d."key", ${period},
             (COUNT(DISTINCT l."orderId") FILTER (WHERE l."idempotencyKey" LIKE 'paid:%'))::int AS "orders",
             COALESCE(SUM(l."units"), 0)::int AS "units",
             COALESCE(SUM(l."amountFen"), 0)::bigint AS "revenueFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0)::bigint AS "householdBenefitFen"
      FROM "LedgerEntry" l JOIN "OrderItem" i ON i."id" = l."orderItemId"
      CROSS JOIN LATERAL (VALUES ('VILLAGE', l."villageId"), ('COOPERATIVE', l."cooperativeId"), ('CATEGORY', l."categoryId"), ('PRODUCT', i."productId"), ('TOTAL', '')) AS d("dimension", "key")
      WHERE ${where}
      GROUP BY 1, 2, 3`;

/**
 * Each query's columns are its table's: `keys` (the primary key) then `values`, in this order; `period` is its day or
 * month column (a key), grouped from the entries' days.
 */
export const ROLLUP_QUERIES = {
  SalesDailyRollup: { period: "day", keys: ["dimension", "key", "day"], values: ["orders", "units", "revenueFen", "householdBenefitFen"], sql: sales(`l."day"`) },
  SalesMonthlyRollup: { period: "month", keys: ["dimension", "key", "month"], values: ["orders", "units", "revenueFen", "householdBenefitFen"], sql: sales(`${monthOf(`l."day"`)} AS "month"`) },
  HouseholdDailyIncome: {
    period: "day",
    keys: ["householdId", "cooperativeId", "villageId", "categoryId", "day"],
    values: ["amountFen"],
    sql: (where: string) => `
      SELECT l."householdId", l."cooperativeId", l."villageId", l."categoryId", l."day", SUM(l."amountFen")::int AS "amountFen"
      FROM "LedgerEntry" l WHERE l."kind" = 'HOUSEHOLD_BENEFIT' AND ${where}
      GROUP BY 1, 2, 3, 4, 5`,
  },
  HouseholdMonthlyIncome: {
    period: "month",
    keys: ["dimension", "key", "householdId", "month"],
    values: ["amountFen"],
    sql: (where: string) => `
      SELECT d."dimension"::"RollupDimension" AS "dimension", d."key", l."householdId", ${monthOf(`l."day"`)} AS "month", SUM(l."amountFen")::int AS "amountFen"
      FROM "LedgerEntry" l
      CROSS JOIN LATERAL (VALUES ('VILLAGE', l."villageId"), ('COOPERATIVE', l."cooperativeId"), ('CATEGORY', l."categoryId"), ('TOTAL', '')) AS d("dimension", "key")
      WHERE l."kind" = 'HOUSEHOLD_BENEFIT' AND ${where}
      GROUP BY 1, 2, 3, 4`,
  },
  BuyerMonthlyOrders: {
    period: "month",
    keys: ["key", "month", "buyerId"],
    values: ["orders"],
    sql: (where: string) => `
      SELECT k."key", ${monthOf(`l."day"`)} AS "month", o."buyerId", COUNT(DISTINCT l."orderId")::int AS "orders"
      FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
      CROSS JOIN LATERAL (VALUES (''), (l."cooperativeId")) AS k("key")
      WHERE l."idempotencyKey" LIKE 'paid:%' AND ${where}
      GROUP BY 1, 2, 3`,
  },
} as const;

export type RollupTable = keyof typeof ROLLUP_QUERIES;

const TABLES = Object.keys(ROLLUP_QUERIES) as RollupTable[];
const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(", ");

/**
 * The statements that replace every rollup's rows with what its query gives, written in day (month) order as a live
 * shop appends them, so that a range of days is a few neighbouring pages of the table, not rows all over it.
 */
export function rebuildStatements(): string[] {
  return [
    `TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")}`,
    ...TABLES.map((t) => {
      const q = ROLLUP_QUERIES[t];
      return `INSERT INTO "${t}" (${quoted([...q.keys, ...q.values])}) SELECT * FROM (${q.sql("true")}) q ORDER BY "${q.period}"`;
    }),
  ];
}

/** Rebuilds every rollup from the ledger, in one transaction. For bulk-loaded data; a running shop never needs it. */
export async function rebuildRollups(db: Db): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const s of rebuildStatements()) await tx.$executeRawUnsafe(s);
  });
}

/**
 * The rows where a rollup and its query disagree (at most `limit`), each described in words: a FULL JOIN on the
 * primary key finds rows missing on either side. With `periods` (days, or months' first days, per the table's period
 * column), only those periods' rows on both sides: what the whole comparison finds in them, in the same words and
 * order.
 */
export async function rollupDifferences(
  db: Db | Prisma.TransactionClient,
  table: RollupTable,
  options: { limit?: number; periods?: readonly string[] } = {},
): Promise<{ what: string; expected: string; actual: string }[]> {
  const { keys, values, sql, period } = ROLLUP_QUERIES[table];
  const { limit = 1000, periods } = options;
  if (periods?.length === 0) return [];
  const key = (c: string) => `COALESCE(e."${c}", r."${c}")::text`;
  const list = (alias: string) => `concat_ws(', ', ${values.map((v) => `'${v} ' || COALESCE(${alias}."${v}"::text, '-')`).join(", ")})`;
  // The entries of the periods' days ($1), found through the ledger's day index; the stored rows of the periods ($2).
  const days = periods ? (period === "day" ? [...periods] : daysOfMonths(periods)) : null;
  const stored = periods ? `(SELECT * FROM "${table}" WHERE "${period}" = ANY($2::date[]))` : `"${table}"`;
  return db.$queryRawUnsafe(
    `
    WITH expected AS (${sql(days ? `l."day" = ANY($1::date[])` : "true")})
    SELECT concat_ws(' ', '${table}', ${keys.map(key).join(", ")}) AS "what", ${list("e")} AS "expected", ${list("r")} AS "actual"
    FROM expected e FULL JOIN ${stored} r ON ${keys.map((c) => `r."${c}" = e."${c}"`).join(" AND ")}
    WHERE e."${keys[0]}" IS NULL OR r."${keys[0]}" IS NULL
      OR (${values.map((v) => `e."${v}"::bigint`).join(", ")}, 0) IS DISTINCT FROM (${values.map((v) => `r."${v}"::bigint`).join(", ")}, 0)
    ORDER BY 1
    LIMIT ${Math.trunc(limit)}`,
    ...(days ? [days, periods] : []),
  );
}

/**
 * A digest of each period's stored rows of a rollup: how many, and the sum of a 64-bit hash of each row's columns
 * (keys and values), so that any row changed, added or removed changes its period's digest. What a ledger checkpoint
 * records, and what the check after it compares (lib/domain/ledger-checkpoint.ts).
 */
export async function rollupDigests(db: Db | Prisma.TransactionClient, table: RollupTable): Promise<Record<string, Digest>> {
  const { keys, values, period } = ROLLUP_QUERIES[table];
  const rows = await db.$queryRawUnsafe<{ period: string; rows: number; hash: string }[]>(
    `SELECT "${period}"::text AS "period", COUNT(*)::int AS "rows",
            SUM(hashtextextended(concat_ws(E'\\x1f', ${[...keys, ...values].map((c) => `"${c}"::text`).join(", ")}), 0))::text AS "hash"
     FROM "${table}" GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.period, [r.rows, r.hash] as const]));
}

export const ROLLUP_TABLES = TABLES;
