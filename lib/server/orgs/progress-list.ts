import "server-only";
// The admins' list of every organisation's reserved-share progress for a year (the county and the paired district
// both report it): one SQL statement sums each organisation's money of the year (payments and refunds as
// ./reserved-share.ts reads them) and joins the year's figures, so a thousand organisations cost one round trip,
// not one each; the target, the amount still to buy and the percent reached come from lib/domain/reserved-share.ts,
// the same rule the organisation's own page uses. Sorted here, as a CSV export needs every row anyway.
import type { Db } from "@/lib/db/client";
import type { ListSpec } from "@/lib/domain/list-query";
import { reservedShareProgress, reservedShareYearRange, type Movement, type ReservedShareProgress } from "@/lib/domain/reserved-share";
import type { OrganisationKind, OrganisationStatus } from "@/lib/generated/prisma/client";
import { ledgerDays } from "./reserved-share";

export const PROGRESS_SORTS = ["name", "reached", "remaining"] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

/** An organisation's year as the admins' list shows it: who it is, its figures, and its progress (the pure module's). */
export interface ProgressRow extends Pick<ReservedShareProgress, "targetFen" | "paidFen" | "refundedFen" | "countedFen" | "remainingFen" | "reachedBp" | "reached"> {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  status: OrganisationStatus;
  creditCode: string;
  district: string;
  /** Whether the organisation recorded its figures for the year (no target otherwise). */
  recorded: boolean;
  budgetFen: number;
  percentBp: number;
}

const collator = new Intl.Collator("zh-CN-u-co-pinyin");

function compare(sort: ProgressSort): (a: ProgressRow, b: ProgressRow) => number {
  if (sort === "name") return (a, b) => collator.compare(a.name, b.name);
  // Without a target an organisation has no percentage: it sorts after every one that has, either way.
  if (sort === "reached") return (a, b) => (a.reachedBp ?? -1) - (b.reachedBp ?? -1);
  return (a, b) => a.remainingFen - b.remainingFen;
}

/** Every organisation's progress for `year`, sorted (ties by name); `dir` "desc" reverses the order. */
export async function organisationsProgress(db: Db, input: { year: number; sort?: ProgressSort; dir?: "asc" | "desc" }): Promise<ProgressRow[]> {
  const { year, sort = "name", dir = "asc" } = input;
  const instants = reservedShareYearRange(year);
  const days = ledgerDays(year);
  // Payments from the orders (paidAt, itemsFen), refunds from the reversing ledger entries of orders with a refund:
  // the same money as ./reserved-share.ts reads, summed per organisation by the database.
  const rows = await db.$queryRaw<
    { id: string; name: string; kind: OrganisationKind; status: OrganisationStatus; creditCode: string; district: string; budgetFen: bigint | null; percentBp: number | null; paidFen: bigint | null; refundNetFen: bigint | null }[]
  >`
    WITH paid AS (
      SELECT o."organisationId" AS "id", SUM(o."itemsFen")::bigint AS "paidFen"
      FROM "Order" o
      WHERE o."organisationId" IS NOT NULL AND o."paidAt" >= ${instants.from} AND o."paidAt" < ${instants.to}
      GROUP BY 1
    ), refunded AS (
      SELECT o."organisationId" AS "id", SUM(l."amountFen")::bigint AS "refundNetFen"
      FROM "Order" o JOIN "LedgerEntry" l ON l."orderId" = o."id"
      WHERE o."organisationId" IS NOT NULL AND EXISTS (SELECT 1 FROM "Refund" r WHERE r."orderId" = o."id")
        AND l."idempotencyKey" NOT LIKE 'paid:%' AND l."day" >= ${days.from}::date AND l."day" < ${days.to}::date
      GROUP BY 1
    )
    SELECT g."id", g."name", g."kind", g."status", g."creditCode", g."district",
           y."canteenBudgetFen" AS "budgetFen", y."reservedPercentBp" AS "percentBp", p."paidFen", r."refundNetFen"
    FROM "Organisation" g
    LEFT JOIN "OrganisationYear" y ON y."organisationId" = g."id" AND y."year" = ${year}
    LEFT JOIN paid p ON p."id" = g."id"
    LEFT JOIN refunded r ON r."id" = g."id"`;
  const at = instants.from;
  const out = rows.map((r): ProgressRow => {
    const budgetFen = Number(r.budgetFen ?? 0n);
    const percentBp = r.percentBp ?? 0;
    const refundNet = Number(r.refundNetFen ?? 0n);
    // The year's sums as two movements: the domain module adds them up as it would the organisation's own list.
    const movements: Movement[] = [{ kind: "payment", amountFen: Number(r.paidFen ?? 0n), at }];
    movements.push(refundNet <= 0 ? { kind: "refund", amountFen: -refundNet, at } : { kind: "payment", amountFen: refundNet, at });
    const p = reservedShareProgress({ year, budgetFen, percentBp, movements });
    return {
      organisationId: r.id,
      name: r.name,
      kind: r.kind,
      status: r.status,
      creditCode: r.creditCode,
      district: r.district,
      recorded: r.budgetFen !== null,
      budgetFen,
      percentBp,
      targetFen: p.targetFen,
      paidFen: p.paidFen,
      refundedFen: p.refundedFen,
      countedFen: p.countedFen,
      remainingFen: p.remainingFen,
      reachedBp: p.reachedBp,
      reached: p.reached,
    };
  });
  const by = compare(sort);
  const sign = dir === "desc" ? -1 : 1;
  return out.sort((a, b) => sign * by(a, b) || collator.compare(a.name, b.name) || (a.organisationId < b.organisationId ? -1 : 1));
}

/** The admins' list in the URL: ?sort=name|reached|remaining&dir=…&page=… (the sorting itself is organisationsProgress'). */
export const PROGRESS_LIST = { sorts: PROGRESS_SORTS, dirs: { name: "asc", reached: "asc", remaining: "desc" }, pageSize: 50 } as const satisfies ListSpec<ProgressSort>;
