import "server-only";
// Which month the admins' settlements page shows: ?month=YYYY-MM, or the month before today's (Beijing), the one
// drawn up at the start of each month.
import { beijingDayOf } from "@/lib/domain/calendar";
import { parseMonth, type StatementMonth } from "@/lib/domain/reports";
import { previousMonth } from "@/lib/domain/settlement";

export function settlementsMonth(param: string | string[] | undefined, now = new Date()): { month: StatementMonth | null; raw: string } {
  const raw = typeof param === "string" ? param : previousMonth(beijingDayOf(now).slice(0, 7));
  return { month: parseMonth(raw), raw };
}
