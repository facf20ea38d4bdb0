import "server-only";
// What a buyer's money did, from the benefit ledger: net of refunds, in counts, villages and fen only.
// Household names never leave the manager and admin areas, so nothing here selects them.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

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

async function impactWhere(db: Db, where: Prisma.Sql): Promise<Impact> {
  // One pass over the ledger rows of the orders in question (through the orderId index).
  const [money, villages, cooperatives] = await Promise.all([
    db.$queryRaw<{ cooperativeFen: bigint; householdFen: bigint; orders: bigint }[]>`
      SELECT COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'COOPERATIVE_REVENUE'), 0) AS "cooperativeFen",
             COALESCE(SUM(l."amountFen") FILTER (WHERE l."kind" = 'HOUSEHOLD_BENEFIT'), 0) AS "householdFen",
             COUNT(DISTINCT l."orderId") AS "orders"
      FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId" WHERE ${where}`,
    db.$queryRaw<{ id: string; nameZh: string; nameEn: string; households: bigint }[]>`
      WITH reached AS (
        SELECT l."householdId" FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
        WHERE ${where} AND l."kind" = 'HOUSEHOLD_BENEFIT'
        GROUP BY l."householdId" HAVING SUM(l."amountFen") > 0
      )
      SELECT v."id", v."nameZh", v."nameEn", COUNT(*) AS "households"
      FROM reached r JOIN "Household" h ON h."id" = r."householdId" JOIN "Village" v ON v."id" = h."villageId"
      GROUP BY v."id", v."nameZh", v."nameEn" ORDER BY COUNT(*) DESC, v."nameZh"`,
    db.$queryRaw<{ id: string; nameZh: string; nameEn: string; fen: bigint }[]>`
      SELECT c."id", c."nameZh", c."nameEn", SUM(l."amountFen") AS "fen"
      FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId" JOIN "Cooperative" c ON c."id" = l."cooperativeId"
      WHERE ${where}
      GROUP BY c."id", c."nameZh", c."nameEn" HAVING SUM(l."amountFen") <> 0 ORDER BY SUM(l."amountFen") DESC`,
  ]);
  const m = money[0];
  if (!m) return EMPTY;
  // Sums come back as PostgreSQL bigint (no 32-bit ceiling on a union's years of buying); fen stay far below 2^53.
  const byVillage = villages.map((v) => ({ ...v, households: Number(v.households) }));
  return {
    cooperativeFen: Number(m.cooperativeFen),
    householdFen: Number(m.householdFen),
    orders: Number(m.orders),
    households: byVillage.reduce((s, v) => s + v.households, 0),
    villages: byVillage,
    cooperatives: cooperatives.map((c) => ({ ...c, fen: Number(c.fen) })),
  };
}

/** One order's impact; nothing for an order that is not the buyer's. */
export function orderImpact(db: Db, { buyerId, orderId }: { buyerId: string; orderId: string }): Promise<Impact> {
  return impactWhere(db, Prisma.sql`o."id" = ${orderId} AND o."buyerId" = ${buyerId}`);
}

/** "My impact": every order of the buyer. */
export function buyerImpact(db: Db, { buyerId }: { buyerId: string }): Promise<Impact> {
  return impactWhere(db, Prisma.sql`o."buyerId" = ${buyerId}`);
}
