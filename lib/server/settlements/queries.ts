import "server-only";
// Reads of statements. The admins' list is not scoped (the caller is an admin: the page and CSV route check);
// the cooperative's own statement takes the caller's scope and answers null outside it.
import type { Db } from "@/lib/db/client";
import { type ListPage, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { StatementMonth } from "@/lib/domain/reports";
import type { SettlementStatus, StatementSums } from "@/lib/domain/settlement";
import type { Prisma } from "@/lib/generated/prisma/client";
import { inScope, type OneCoopScope } from "@/lib/server/queries/coop-scope";
import { cooperativeMonthSums, monthSums } from "./sums";

export interface SettlementRow extends StatementSums {
  id: string;
  status: SettlementStatus;
  cooperative: { id: string; slug: string; nameZh: string; nameEn: string; bankAccountName: string | null; bankName: string | null; bankAccountNumber: string | null };
  confirmedAt: Date | null;
  disputedAt: Date | null;
  disputeNote: string | null;
  /** YYYY-MM-DD, the transfer's day. */
  paidOn: string | null;
  paidAt: Date | null;
  reference: string | null;
  /** The ledger's sums today differ from the stored ones (an OPEN statement generated before the month ended). */
  stale: boolean;
}

const select = {
  id: true,
  status: true,
  amountFen: true,
  salesFen: true,
  refundsFen: true,
  adjustmentsFen: true,
  confirmedAt: true,
  disputedAt: true,
  disputeNote: true,
  paidOn: true,
  paidAt: true,
  reference: true,
  cooperative: { select: { id: true, slug: true, nameZh: true, nameEn: true, bankAccountName: true, bankName: true, bankAccountNumber: true } },
} as const;

type Stored = { amountFen: number; salesFen: number; refundsFen: number; adjustmentsFen: number };
const differs = (a: Stored, b: Stored) => a.amountFen !== b.amountFen || a.salesFen !== b.salesFen || a.refundsFen !== b.refundsFen || a.adjustmentsFen !== b.adjustmentsFen;
const ZERO = { salesFen: 0, refundsFen: 0, adjustmentsFen: 0, amountFen: 0 };

/** Every statement of the month, by cooperative name, with whether the ledger still agrees (the month's CSV). */
export async function listMonthSettlements(db: Db, month: StatementMonth): Promise<SettlementRow[]> {
  const [rows, sums] = await Promise.all([
    db.settlement.findMany({ where: { periodStart: new Date(`${month.from}T00:00:00.000Z`) }, select }),
    monthSums(db, month),
  ]);
  const live = new Map(sums.map((s) => [s.cooperativeId, s]));
  return rows
    .map((r) => ({ ...r, paidOn: r.paidOn?.toISOString().slice(0, 10) ?? null, stale: differs(r, live.get(r.cooperative.id) ?? ZERO) }))
    .sort((a, b) => a.cooperative.nameZh.localeCompare(b.cooperative.nameZh, "zh-CN"));
}

export const SETTLEMENT_LIST = { sorts: ["name", "amount", "status"], dirs: { name: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type SettlementSort = (typeof SETTLEMENT_LIST.sorts)[number];

/** The admins' list's sort and page from the URL (the month is settlementsMonth's); odd values fall back. */
export const parseSettlementListQuery = (params: SearchParams): ListQuery<SettlementSort> => parseListQuery(params, SETTLEMENT_LIST);

const settlementOrder = ({ sort, dir }: ListQuery<SettlementSort>): Prisma.SettlementOrderByWithRelationInput[] => [
  sort === "amount" ? { amountFen: dir } : sort === "status" ? { status: dir } : { cooperative: { nameZh: dir } },
  { cooperative: { slug: "asc" } },
  { id: "asc" },
];

/** One page of the month's statements, sorted in the database, each with whether the ledger still agrees. */
export async function listMonthSettlementsPage(db: Db, month: StatementMonth, query: ListQuery<SettlementSort>): Promise<ListPage<SettlementRow>> {
  const where = { periodStart: new Date(`${month.from}T00:00:00.000Z`) };
  const [total, rows, sums] = await Promise.all([
    db.settlement.count({ where }),
    db.settlement.findMany({ where, orderBy: settlementOrder(query), ...pageWindow(query.page, SETTLEMENT_LIST.pageSize), select }),
    monthSums(db, month),
  ]);
  const live = new Map(sums.map((s) => [s.cooperativeId, s]));
  return {
    total,
    pages: pageCount(total, SETTLEMENT_LIST.pageSize),
    rows: rows.map((r) => ({ ...r, paidOn: r.paidOn?.toISOString().slice(0, 10) ?? null, stale: differs(r, live.get(r.cooperative.id) ?? ZERO) })),
  };
}

/** Cooperatives with ledger entries in the month but no statement yet (shown so the admin knows to generate). */
export async function countMissingStatements(db: Db, month: StatementMonth): Promise<number> {
  const [sums, existing] = await Promise.all([monthSums(db, month), db.settlement.findMany({ where: { periodStart: new Date(`${month.from}T00:00:00.000Z`) }, select: { cooperativeId: true } })]);
  const have = new Set(existing.map((e) => e.cooperativeId));
  return sums.filter((s) => !have.has(s.cooperativeId)).length;
}

/** The cooperative's statement for the month and the ledger's sums today; null outside the caller's scope. */
export async function cooperativeSettlement(db: Db, { cooperativeIds, cooperativeId, month }: OneCoopScope & { month: StatementMonth }): Promise<{ settlement: SettlementRow | null; live: StatementSums } | null> {
  if (!inScope({ cooperativeIds }, cooperativeId)) return null;
  const [row, live] = await Promise.all([
    db.settlement.findUnique({ where: { cooperativeId_periodStart: { cooperativeId, periodStart: new Date(`${month.from}T00:00:00.000Z`) } }, select }),
    cooperativeMonthSums(db, month, cooperativeId),
  ]);
  return { settlement: row ? { ...row, paidOn: row.paidOn?.toISOString().slice(0, 10) ?? null, stale: differs(row, live) } : null, live };
}

/** The cooperative's bank account (payee on the printed statement); null outside the caller's scope. */
export async function cooperativeBank(db: Db, { cooperativeIds, cooperativeId }: OneCoopScope) {
  if (!inScope({ cooperativeIds }, cooperativeId)) return null;
  return db.cooperative.findUnique({ where: { id: cooperativeId }, select: { bankAccountName: true, bankName: true, bankAccountNumber: true } });
}
