import "server-only";
// 预留份额 for one organisation and year: its progress by Beijing month, the products and villages it bought from,
// and the year-end statement's rows, added up by lib/domain/reserved-share.ts.
//
// Where the money comes from. A payment counts its order's goods (itemsFen: shipping excluded, as the domain module
// asks) at Order.paidAt — the instant markOrderPaid set with the order's ledger entries, which sum to itemsFen (the
// ledger's invariant), so the order row says it with one row instead of one per household. A refund counts the goods'
// part of the money back on the Beijing day the order's refunded total moved: the ledger's reversing entries, which
// recordRefund writes exactly then (refundedItemsFen), and which put money back, on their own day, when a counted
// Stripe refund later fails. The Refund rows alone cannot say this: their amounts include shipping and may pass the
// order's cap while Stripe's events are in flight, and no column says when a row started or stopped counting. Only
// orders with a Refund row can have reversing entries, so only theirs are read. (On plain data the sources agree:
// tests/integration/orgs.test.ts checks the figures against paidAt/itemsFen, the Refund rows and the ledger.)
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { beijingDayOf, startOfBeijingDay } from "@/lib/domain/calendar";
import { reservedShareProgress, reservedShareYearRange, type Movement, type ReservedShareProgress } from "@/lib/domain/reserved-share";
import type { OrgScope } from "./scope";

/** A year's first and last-plus-one Beijing days, as the ledger's `day` column holds them (dates). */
export function ledgerDays(year: number): { from: Date; to: Date } {
  reservedShareYearRange(year); // refuses a year out of range
  return { from: new Date(`${year}-01-01T00:00:00.000Z`), to: new Date(`${year + 1}-01-01T00:00:00.000Z`) };
}

const dayString = (d: Date) => d.toISOString().slice(0, 10);

/** One order's payment, or the net of its refunds on one Beijing day. */
interface OrderMovement {
  orderId: string;
  number: string;
  /** The Beijing day (YYYY-MM-DD). */
  day: string;
  /** A payment's exact instant (null for refunds, which the ledger dates by day). */
  at: Date | null;
  payment: boolean;
  /** Positive for a payment; negative for money refunded (positive if a counted refund failed that day). */
  netFen: number;
}

async function orderMovements(db: Db, { organisationId }: OrgScope, year: number): Promise<OrderMovement[]> {
  const instants = reservedShareYearRange(year);
  const days = ledgerDays(year);
  const rows = await db.$queryRaw<{ orderId: string; number: string; at: Date | null; day: Date | null; payment: boolean; netFen: bigint }[]>`
    SELECT o."id" AS "orderId", o."number", o."paidAt" AS "at", NULL::date AS "day", true AS "payment", o."itemsFen"::bigint AS "netFen"
    FROM "Order" o
    WHERE o."organisationId" = ${organisationId} AND o."paidAt" >= ${instants.from} AND o."paidAt" < ${instants.to}
    UNION ALL
    SELECT o."id", o."number", NULL, l."day", false, SUM(l."amountFen")::bigint
    FROM "Order" o JOIN "LedgerEntry" l ON l."orderId" = o."id"
    WHERE o."organisationId" = ${organisationId} AND EXISTS (SELECT 1 FROM "Refund" r WHERE r."orderId" = o."id")
      AND l."idempotencyKey" NOT LIKE 'paid:%' AND l."day" >= ${days.from}::date AND l."day" < ${days.to}::date
    GROUP BY o."id", o."number", l."day"`;
  return rows
    .map((r) => ({ orderId: r.orderId, number: r.number, at: r.at, day: r.at ? beijingDayOf(r.at) : dayString(r.day!), payment: r.payment, netFen: Number(r.netFen) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.number < b.number ? -1 : a.number > b.number ? 1 : Number(b.payment) - Number(a.payment)));
}

/** As the domain's Movement: a day's refunds that net positive (a failed refund) count as money paid. */
function toMovement(m: OrderMovement): Movement | null {
  if (m.netFen === 0) return null;
  const at = m.at ?? startOfBeijingDay(m.day);
  if (m.payment || m.netFen > 0) return { kind: "payment", amountFen: Math.abs(m.netFen), at };
  return { kind: "refund", amountFen: -m.netFen, at };
}

/** The year's figures the organisation recorded (zeros when it has not: progress then has no target). */
export async function organisationYear(db: Db, { organisationId }: OrgScope, year: number): Promise<{ budgetFen: number; percentBp: number; recorded: boolean }> {
  const row = await db.organisationYear.findUnique({ where: { organisationId_year: { organisationId, year } }, select: { canteenBudgetFen: true, reservedPercentBp: true } });
  return row ? { budgetFen: Number(row.canteenBudgetFen), percentBp: row.reservedPercentBp, recorded: true } : { budgetFen: 0, percentBp: 0, recorded: false };
}

/** The organisation's progress toward its reserved share in `year`, by Beijing month. */
export async function reservedShareOf(db: Db, scope: OrgScope, year: number): Promise<OrganisationProgress> {
  const [settings, movements] = await Promise.all([organisationYear(db, scope, year), orderMovements(db, scope, year)]);
  return progressOf(year, settings, movements);
}

export type OrganisationProgress = ReservedShareProgress & { recorded: boolean; budgetFen: number; percentBp: number };

function progressOf(year: number, settings: Awaited<ReturnType<typeof organisationYear>>, movements: readonly OrderMovement[]): OrganisationProgress {
  const progress = reservedShareProgress({ year, budgetFen: settings.budgetFen, percentBp: settings.percentBp, movements: movements.map(toMovement).filter((m) => m !== null) });
  return { ...progress, ...settings };
}

export interface StatementRow {
  /** The Beijing day the money moved (YYYY-MM-DD). */
  date: string;
  orderId: string;
  number: string;
  kind: "payment" | "refund";
  /** The number of the VAT invoice issued for the order (lib/server/orgs/invoices.ts), or null while there is none. */
  invoiceNumber: string | null;
  /** What counts toward the reserved share: the goods paid (positive) or refunded (negative; positive if a counted refund failed). */
  amountFen: number;
}

/**
 * The year-end statement the finance department files: the organisation, the year, the target, the total, and
 * each order's payment (and any refund) in the year with its date and amount. The rows sum to `progress.countedFen`.
 */
export async function yearStatement(db: Db, scope: OrgScope, year: number) {
  const [organisation, settings, movements] = await Promise.all([
    db.organisation.findUnique({ where: { id: scope.organisationId }, select: { name: true, creditCode: true, invoiceTitle: true, taxId: true, address: true, district: true, kind: true } }),
    organisationYear(db, scope, year),
    orderMovements(db, scope, year),
  ]);
  if (!organisation) return null;
  const progress = progressOf(year, settings, movements);
  const invoices = await issuedInvoiceNumbers(db, [...new Set(movements.map((m) => m.orderId))]);
  const rows: StatementRow[] = movements
    .filter((m) => m.netFen !== 0)
    .map((m) => ({
      date: m.day,
      orderId: m.orderId,
      number: m.number,
      // A refund row is negative, or positive when a counted refund failed and its money came back into the year.
      kind: m.payment ? "payment" : "refund",
      invoiceNumber: invoices.get(m.orderId) ?? null,
      amountFen: m.netFen,
    }));
  return { organisation, year, targetFen: progress.targetFen, totalFen: progress.countedFen, progress, rows };
}

/** The issued invoices' numbers by order (an order is on one live request at most). */
async function issuedInvoiceNumbers(db: Db, orderIds: readonly string[]): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db.invoiceRequestOrder.findMany({
    where: { orderId: { in: [...orderIds] }, request: { status: "ISSUED", invoiceNumber: { not: null } } },
    select: { orderId: true, request: { select: { invoiceNumber: true } } },
  });
  return new Map(rows.map((r) => [r.orderId, r.request.invoiceNumber!]));
}

export interface BoughtProduct {
  productId: string;
  nameZh: string;
  nameEn: string;
  villageId: string;
  units: number;
  amountFen: number;
}

export interface BoughtVillage {
  villageId: string;
  nameZh: string;
  nameEn: string;
  amountFen: number;
}

/** The products and (origin) villages the organisation's counted money went to in `year`, largest first, net of refunds. */
export async function boughtFrom(db: Db, { organisationId }: OrgScope, year: number): Promise<{ products: BoughtProduct[]; villages: BoughtVillage[] }> {
  const { from, to } = ledgerDays(year);
  const where = Prisma.sql`o."organisationId" = ${organisationId} AND l."day" >= ${from}::date AND l."day" < ${to}::date`;
  const [products, villages] = await Promise.all([
    db.$queryRaw<{ productId: string; nameZh: string; nameEn: string; villageId: string; units: bigint; amountFen: bigint }[]>`
      SELECT i."productId", p."nameZh", p."nameEn", l."villageId", SUM(l."units")::bigint AS "units", SUM(l."amountFen")::bigint AS "amountFen"
      FROM "Order" o JOIN "LedgerEntry" l ON l."orderId" = o."id" JOIN "OrderItem" i ON i."id" = l."orderItemId" JOIN "Product" p ON p."id" = i."productId"
      WHERE ${where}
      GROUP BY i."productId", p."nameZh", p."nameEn", l."villageId"
      ORDER BY "amountFen" DESC, p."nameZh"`,
    db.$queryRaw<{ villageId: string; nameZh: string; nameEn: string; amountFen: bigint }[]>`
      SELECT l."villageId", v."nameZh", v."nameEn", SUM(l."amountFen")::bigint AS "amountFen"
      FROM "Order" o JOIN "LedgerEntry" l ON l."orderId" = o."id" JOIN "Village" v ON v."id" = l."villageId"
      WHERE ${where}
      GROUP BY l."villageId", v."nameZh", v."nameEn"
      ORDER BY "amountFen" DESC, v."nameZh"`,
  ]);
  return {
    products: products.map((r) => ({ ...r, units: Number(r.units), amountFen: Number(r.amountFen) })),
    villages: villages.map((r) => ({ ...r, amountFen: Number(r.amountFen) })),
  };
}
