import "server-only";
// Jobs the county needs on a calendar, run from each server process's timer (instrumentation.ts): once a Beijing
// day, the 防返贫 rules are evaluated (new flags only; an existing flag is never reopened); once a Beijing month,
// the month before gets its settlement statements. Both are idempotent in the database, so several processes, or a
// restart, at worst repeat a cheap check; the in-memory day and month only keep one process from asking every tick.
import type { Db } from "@/lib/db/client";
import { beijingDayOf } from "@/lib/domain/calendar";
import { lastMonths, parseMonth } from "@/lib/domain/reports";
import { previousMonth } from "@/lib/domain/settlement";
import { evaluateMonitoring } from "@/lib/server/monitoring/evaluate";
import { generateSettlements } from "@/lib/server/settlements/generate";

let lastDay = "";
let lastMonth = "";

export async function runCalendarJobs(db: Db, now = new Date()): Promise<void> {
  const day = beijingDayOf(now);
  if (day !== lastDay) {
    lastDay = day;
    await evaluateMonitoring(db, { now, actorId: null });
  }
  const [thisMonth = ""] = lastMonths(now, 1);
  if (thisMonth && thisMonth !== lastMonth) {
    lastMonth = thisMonth;
    const month = parseMonth(previousMonth(thisMonth));
    // Only when nobody has generated the month yet (an admin may have, from /admin/settlements).
    if (month && (await db.settlement.count({ where: { periodStart: new Date(`${month.from}T00:00:00.000Z`) } })) === 0) {
      await generateSettlements(db, month, null);
    }
  }
}
