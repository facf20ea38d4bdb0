import "server-only";
// The flags a page or the CSV shows: open first (then kept, then resolved), newest first within each (the pages
// may sort by another column and page in the database), with the
// household's code (never its head's name), village, township, cooperatives, status, its 12-month income series
// (from the rollup, one grouped query for all listed households) and the follow-up history.
import type { Db } from "@/lib/db/client";
import { type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import { lastTwelveMonths, type FlagStatusName, type MonitoringRuleName } from "@/lib/domain/monitoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { currentBeijingMonth } from "./evaluate";
import { householdScopeWhere, type MonitoringScope } from "./flags";
import { monthlyIncome } from "./income";

export interface Named {
  nameZh: string;
  nameEn: string;
}

export interface FlagRow {
  id: string;
  rule: MonitoringRuleName;
  periodKey: string;
  details: Record<string, unknown>;
  status: FlagStatusName;
  createdAt: Date;
  resolvedAt: Date | null;
  household: {
    id: string;
    code: string;
    status: "REGISTERED" | "EXITED" | "MONITORED";
    memberCount: number;
    village: Named;
    township: Named & { slug: string };
    cooperatives: (Named & { id: string })[];
  };
  /** Income per month, fen, for `months`. */
  series: number[];
  followUps: { id: string; kind: "VISITED" | "ACTION" | "NOTE"; note: string; createdAt: Date; actor: string }[];
}

export interface FlagList {
  months: string[];
  flags: FlagRow[];
  /** More flags matched than `limit` (the unpaged read, for the CSV). */
  truncated: boolean;
  counts: Record<FlagStatusName, number>;
  /** Flags matched in all, and the pages they fill (1 for the unpaged read). */
  total: number;
  pages: number;
}

export const FLAG_LIST_LIMIT = 200;

/** The pages' list: by status (open first, then newest), when flagged, household code or rule. */
export const FLAG_LIST = { sorts: ["status", "flagged", "household", "rule"], dirs: { status: "asc", household: "asc", rule: "asc" }, pageSize: 20 } as const satisfies ListSpec<string>;
export type FlagSort = (typeof FLAG_LIST.sorts)[number];

/** The flags list's sort and page from the URL; odd values fall back to open-first, page 1. */
export const parseFlagListQuery = (params: SearchParams): ListQuery<FlagSort> => parseListQuery(params, FLAG_LIST);

/** ORDER BY for the chosen column, ties broken by time then id so no row repeats or goes missing across pages. */
function flagOrder({ sort, dir }: ListQuery<FlagSort>): Prisma.MonitoringFlagOrderByWithRelationInput[] {
  const tail: Prisma.MonitoringFlagOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "asc" }];
  if (sort === "flagged") return [{ createdAt: dir }, { id: "asc" }];
  if (sort === "household") return [{ household: { code: dir } }, ...tail];
  if (sort === "rule") return [{ rule: dir }, ...tail];
  return [{ status: dir }, ...tail];
}

/**
 * The flags in scope. With `list` (the pages), one page sorted in the database; without it (the CSV), every flag
 * up to `limit`, open first.
 */
export async function listFlags(
  db: Db,
  { scope, now, townshipSlug, limit = FLAG_LIST_LIMIT, list }: { scope: MonitoringScope; now: Date; townshipSlug?: string | null; limit?: number; list?: ListQuery<FlagSort> },
): Promise<FlagList> {
  const months = lastTwelveMonths(currentBeijingMonth(now));
  const household = { ...householdScopeWhere(scope), ...(townshipSlug ? { village: { township: { slug: townshipSlug } } } : {}) };
  const [rows, grouped] = await Promise.all([
    db.monitoringFlag.findMany({
      where: { household },
      orderBy: flagOrder(list ?? { sort: "status", dir: "asc", page: 1 }),
      ...(list ? pageWindow(list.page, FLAG_LIST.pageSize) : { take: limit + 1 }),
      select: {
        id: true,
        rule: true,
        periodKey: true,
        details: true,
        status: true,
        createdAt: true,
        resolvedAt: true,
        household: {
          select: {
            id: true,
            code: true,
            status: true,
            memberCount: true,
            village: { select: { nameZh: true, nameEn: true, township: { select: { slug: true, nameZh: true, nameEn: true } } } },
            participations: { where: { active: true }, select: { cooperative: { select: { id: true, nameZh: true, nameEn: true } } } },
          },
        },
        followUps: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, note: true, createdAt: true, actor: { select: { name: true, role: true } } } },
      },
    }),
    db.monitoringFlag.groupBy({ by: ["status"], where: { household }, _count: { _all: true } }),
  ]);
  const listed = list ? rows : rows.slice(0, limit);
  const income = await monthlyIncome(db, { first: months[0]!, last: months[11]!, householdIds: [...new Set(listed.map((f) => f.household.id))] });
  const counts: Record<FlagStatusName, number> = { OPEN: 0, KEPT: 0, RESOLVED: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  const total = counts.OPEN + counts.KEPT + counts.RESOLVED;
  return {
    months,
    truncated: !list && rows.length > limit,
    counts,
    total,
    pages: list ? pageCount(total, FLAG_LIST.pageSize) : 1,
    flags: listed.map((f) => {
      const { village, participations, ...h } = f.household;
      const cooperatives = new Map(participations.map((p) => [p.cooperative.id, p.cooperative]));
      const byMonth = income.get(h.id) ?? {};
      return {
        ...f,
        details: (f.details ?? {}) as Record<string, unknown>,
        household: { ...h, village: { nameZh: village.nameZh, nameEn: village.nameEn }, township: village.township, cooperatives: [...cooperatives.values()] },
        series: months.map((m) => byMonth[m] ?? 0),
        followUps: f.followUps.map(({ actor, ...u }) => ({ ...u, actor: actor.name ?? actor.role })),
      };
    }),
  };
}

export const listTownships = (db: Db) => db.township.findMany({ orderBy: { nameZh: "asc" }, select: { slug: true, nameZh: true, nameEn: true } });
