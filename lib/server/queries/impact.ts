import "server-only";
// What a buyer's money did, from the benefit ledger: net of refunds, in counts, villages and fen only.
// Household names never leave the manager and admin areas, so nothing here selects them.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

export interface Impact {
  /** What the cooperatives kept, and what went to households, net of refunds. */
  cooperativeFen: number;
  householdFen: number;
  /** Households whose net share is above zero, and the villages they live in. */
  households: number;
  villages: { id: string; nameZh: string; nameEn: string; households: number }[];
  cooperatives: { id: string; nameZh: string; nameEn: string; fen: number }[];
  orders: number;
}

const EMPTY: Impact = { cooperativeFen: 0, householdFen: 0, households: 0, villages: [], cooperatives: [], orders: 0 };

async function impactWhere(where: Prisma.Sql): Promise<Impact> {
  // One pass over the ledger rows of the orders in question (through the orderId index).
  const [money, villages, cooperatives] = await Promise.all([
    db.$queryRaw<{ cooperativeFen: number; householdFen: number; orders: number }[]>`
      SELECT COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'COOPERATIVE_REVENUE'), 0)::int AS "cooperativeFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0)::int AS "householdFen",
             COUNT(DISTINCT l."orderId")::int AS "orders"
      FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId" WHERE ${where}`,
    db.$queryRaw<{ id: string; nameZh: string; nameEn: string; households: number }[]>`
      WITH reached AS (
        SELECT l."householdId" FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
        WHERE ${where} AND l."kind" = 'HOUSEHOLD_BENEFIT'
        GROUP BY l."householdId" HAVING SUM(l."amountFen") > 0
      )
      SELECT v."id", v."nameZh", v."nameEn", COUNT(*)::int AS "households"
      FROM reached r JOIN "Household" h ON h."id" = r."householdId" JOIN "Village" v ON v."id" = h."villageId"
      GROUP BY v."id", v."nameZh", v."nameEn" ORDER BY COUNT(*) DESC, v."nameZh"`,
    db.$queryRaw<{ id: string; nameZh: string; nameEn: string; fen: number }[]>`
      SELECT c."id", c."nameZh", c."nameEn", SUM(l."amountFen")::int AS "fen"
      FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId" JOIN "Cooperative" c ON c."id" = l."cooperativeId"
      WHERE ${where}
      GROUP BY c."id", c."nameZh", c."nameEn" HAVING SUM(l."amountFen") <> 0 ORDER BY SUM(l."amountFen") DESC`,
  ]);
  const m = money[0];
  if (!m) return EMPTY;
  return { ...m, households: villages.reduce((s, v) => s + v.households, 0), villages, cooperatives };
}

/** One order's impact. The caller has checked that the order is the buyer's. */
export function orderImpact(orderId: string): Promise<Impact> {
  return impactWhere(Prisma.sql`o."id" = ${orderId}`);
}

/** "My impact": every order of the buyer. */
export function buyerImpact(buyerId: string): Promise<Impact> {
  return impactWhere(Prisma.sql`o."buyerId" = ${buyerId}`);
}
