import "server-only";
// Runs the 防返贫 rules (lib/domain/monitoring.ts) for every household taking part in a cooperative and writes
// one MonitoringFlag per household, rule and period. Bounded: one query for the participations, one for every
// household's months (the monthly rollup), one for the flags already raised, one insert of the new ones. A flag already there (whatever its status: a RESOLVED flag
// stays resolved) is left as it is, so running twice, or from two servers at once, changes nothing.
import type { Db } from "@/lib/db/client";
import { beijingDayOf, startOfBeijingMonth } from "@/lib/domain/calendar";
import { evaluateHousehold, monthsRead, type MonitoringRuleName, type Participation, type RuleResult } from "@/lib/domain/monitoring";
import { audit } from "@/lib/server/audit";
import { monthlyIncome } from "./income";
import { LAST_RUN_SETTING_KEY, readLine } from "./settings";

export interface EvaluationSummary {
  month: string;
  lineFen: number;
  households: number;
  found: number;
  created: number;
  byRule: Record<MonitoringRuleName, number>;
}

export const currentBeijingMonth = (now: Date): string => beijingDayOf(now).slice(0, 7);

/** Each household's participations as Beijing days; an ended one without a date counts for its first day only. */
function stretch(p: { since: Date; endedAt: Date | null; active: boolean }): Participation {
  const from = beijingDayOf(p.since);
  return { from, to: p.endedAt ? beijingDayOf(p.endedAt) : p.active ? null : from };
}

export async function evaluateMonitoring(db: Db, { now, actorId }: { now: Date; actorId: string | null }): Promise<EvaluationSummary> {
  const month = currentBeijingMonth(now);
  const { first, last } = monthsRead(month);
  const [{ lineFen }, participations, income] = await Promise.all([
    readLine(db),
    db.householdParticipation.findMany({
      // Only stretches that can reach into the months read.
      where: { OR: [{ active: true }, { endedAt: { gte: startOfBeijingMonth(first) } }] },
      select: { householdId: true, since: true, endedAt: true, active: true, household: { select: { memberCount: true } } },
    }),
    monthlyIncome(db, { first, last, householdIds: null }),
  ]);
  const households = new Map<string, { memberCount: number; participations: Participation[] }>();
  for (const p of participations) {
    const h = households.get(p.householdId) ?? { memberCount: p.household.memberCount, participations: [] };
    h.participations.push(stretch(p));
    households.set(p.householdId, h);
  }
  const results: { householdId: string; result: RuleResult }[] = [];
  for (const [householdId, h] of households) {
    for (const result of evaluateHousehold({ ...h, incomeByMonth: income.get(householdId) ?? {} }, month, lineFen)) results.push({ householdId, result });
  }
  const byRule: Record<MonitoringRuleName, number> = { NO_INCOME_3M: 0, QUARTER_DROP: 0, BELOW_LINE: 0 };
  for (const { result } of results) byRule[result.rule]++;
  // Flags already raised for these periods (a re-run finds most of them): only the others are sent to the insert,
  // which still skips duplicates, for a run on another server meanwhile.
  const periodKeys = [...new Set(results.map(({ result }) => result.periodKey))];
  const raised = new Set(
    periodKeys.length === 0
      ? []
      : (await db.monitoringFlag.findMany({ where: { periodKey: { in: periodKeys } }, select: { householdId: true, rule: true, periodKey: true } })).map((f) => `${f.householdId}:${f.rule}:${f.periodKey}`),
  );
  const fresh = results.filter(({ householdId, result }) => !raised.has(`${householdId}:${result.rule}:${result.periodKey}`));
  const created = await db.$transaction(async (tx) => {
    const { count } =
      fresh.length === 0
        ? { count: 0 }
        : await tx.monitoringFlag.createMany({
            data: fresh.map(({ householdId, result }) => ({ householdId, rule: result.rule, periodKey: result.periodKey, details: result.details })),
            skipDuplicates: true,
          });
    const value = now.toISOString();
    await tx.setting.upsert({ where: { key: LAST_RUN_SETTING_KEY }, create: { key: LAST_RUN_SETTING_KEY, value, updatedById: actorId }, update: { value, updatedById: actorId } });
    await audit(tx, { action: "monitoring.evaluated", actorId, entityType: "MonitoringFlag", metadata: { month, lineFen, households: households.size, found: results.length, created: count } });
    return count;
  });
  return { month, lineFen, households: households.size, found: results.length, created, byRule };
}
