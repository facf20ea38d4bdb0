import "server-only";
// The roster as managers and admins read it: one row per participation (a household takes part in a
// cooperative once per benefit type), active ones first. The head's name leaves this module masked only
// (lib/domain/roster.ts maskName); the ID-card number never leaves it. The full name is read one household at a
// time, audited (./changes.ts showHouseholdName).
import type { Db } from "@/lib/db/client";
import { type ListPage, type ListQuery, type ListSpec, pageCount, pageWindow, parseListQuery, type SearchParams } from "@/lib/domain/list-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { maskName, type BenefitTypeValue, type HouseholdStatusValue } from "@/lib/domain/roster";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";

export interface RosterEntry {
  participationId: string;
  householdId: string;
  code: string;
  village: { nameZh: string; nameEn: string };
  maskedName: string;
  memberCount: number;
  status: HouseholdStatusValue;
  benefitType: BenefitTypeValue;
  landMu: string | null;
  weight: number;
  active: boolean;
  since: Date;
  endedAt: Date | null;
  hasIdCard: boolean;
}

const ENTRY_SELECT = {
  id: true,
  benefitType: true,
  weight: true,
  landMu: true,
  active: true,
  since: true,
  endedAt: true,
  household: {
    select: { id: true, code: true, headName: true, idCardNumber: true, memberCount: true, status: true, village: { select: { nameZh: true, nameEn: true } } },
  },
} as const satisfies Prisma.HouseholdParticipationSelect;

const entry = (r: Prisma.HouseholdParticipationGetPayload<{ select: typeof ENTRY_SELECT }>): RosterEntry => ({
  participationId: r.id,
  householdId: r.household.id,
  code: r.household.code,
  village: r.household.village,
  maskedName: maskName(r.household.headName ?? ""),
  memberCount: r.household.memberCount,
  status: r.household.status,
  benefitType: r.benefitType,
  landMu: r.landMu === null ? null : r.landMu.toFixed(2),
  weight: r.weight,
  active: r.active,
  since: r.since,
  endedAt: r.endedAt,
  hasIdCard: r.household.idCardNumber !== null,
});

/** Any cooperative's roster: for admins (their layout and action checked the role) and for rosterOfScope. */
export async function rosterOf(db: Db, cooperativeId: string): Promise<RosterEntry[]> {
  const rows = await db.householdParticipation.findMany({ where: { cooperativeId }, orderBy: rosterOrder(ROSTER_DEFAULT), select: ENTRY_SELECT });
  return rows.map(entry);
}

/** The roster pages' sorts: active first then by code (the default), by village, joining date or household size. */
export const ROSTER_LIST = { sorts: ["code", "village", "since", "members"], dirs: { code: "asc", village: "asc" }, pageSize: 100 } as const satisfies ListSpec<string>;
export type RosterSort = (typeof ROSTER_LIST.sorts)[number];
export const parseRosterListQuery = (params: SearchParams): ListQuery<RosterSort> => parseListQuery(params, ROSTER_LIST);
const ROSTER_DEFAULT: ListQuery<RosterSort> = { sort: "code", dir: "asc", page: 1 };

function rosterOrder({ sort, dir }: ListQuery<RosterSort>): Prisma.HouseholdParticipationOrderByWithRelationInput[] {
  const tail: Prisma.HouseholdParticipationOrderByWithRelationInput[] = [{ household: { code: "asc" } }, { benefitType: "asc" }, { id: "asc" }];
  if (sort === "village") return [{ household: { village: { nameZh: dir } } }, ...tail];
  if (sort === "since") return [{ since: dir }, ...tail];
  if (sort === "members") return [{ household: { memberCount: dir } }, ...tail];
  return [{ active: "desc" }, { household: { code: dir } }, { benefitType: "asc" }, { id: "asc" }];
}

/** One page of a cooperative's roster, sorted in the database (admins' and managers' pages check the caller first). */
export async function rosterPage(db: Db, cooperativeId: string, query: ListQuery<RosterSort>): Promise<ListPage<RosterEntry>> {
  const where = { cooperativeId };
  const [total, rows] = await Promise.all([
    db.householdParticipation.count({ where }),
    db.householdParticipation.findMany({ where, orderBy: rosterOrder(query), ...pageWindow(query.page, ROSTER_LIST.pageSize), select: ENTRY_SELECT }),
  ]);
  return { total, pages: pageCount(total, ROSTER_LIST.pageSize), rows: rows.map(entry) };
}

/** One page of the roster of one of the caller's cooperatives; null for any other. */
export async function rosterPageOfScope(db: Db, scope: OneCoopScope, query: ListQuery<RosterSort>): Promise<ListPage<RosterEntry> | null> {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  return rosterPage(db, scope.cooperativeId, query);
}

/** The roster of one of the caller's cooperatives; null for any other. */
export async function rosterOfScope(db: Db, scope: OneCoopScope): Promise<RosterEntry[] | null> {
  if (!scope.cooperativeIds.includes(scope.cooperativeId)) return null;
  return rosterOf(db, scope.cooperativeId);
}

/** For the admin's list: every cooperative with its status, village, managers and active households. */
export async function cooperativesOverview(db: Db) {
  const [coops, active] = await Promise.all([
    db.cooperative.findMany({
      orderBy: { slug: "asc" },
      select: { id: true, slug: true, nameZh: true, nameEn: true, status: true, village: { select: { nameZh: true, nameEn: true } }, _count: { select: { managers: true } } },
    }),
    db.$queryRaw<{ cooperativeId: string; households: bigint }[]>`
      SELECT "cooperativeId", COUNT(DISTINCT "householdId") AS households FROM "HouseholdParticipation" WHERE "active" GROUP BY "cooperativeId"`,
  ]);
  const households = new Map(active.map((a) => [a.cooperativeId, Number(a.households)]));
  return coops.map(({ _count, ...c }) => ({ ...c, managers: _count.managers, activeHouseholds: households.get(c.id) ?? 0 }));
}

export async function cooperativeName(db: Db, cooperativeId: string) {
  return db.cooperative.findUnique({ where: { id: cooperativeId }, select: { id: true, nameZh: true, nameEn: true, status: true } });
}
