import "server-only";
// The monitoring line (income per member per year, fen) lives in Setting "monitoring.incomeLinePerMemberFen";
// the default is DEFAULT_LINE_FEN_PER_MEMBER_YEAR (¥6,600, see lib/domain/monitoring.ts for why).
import type { Db } from "@/lib/db/client";
import { lineFromSetting } from "@/lib/domain/monitoring";
import type { Prisma } from "@/lib/generated/prisma/client";

export const LINE_SETTING_KEY = "monitoring.incomeLinePerMemberFen";
export const LAST_RUN_SETTING_KEY = "monitoring.lastEvaluatedAt";

export async function readLine(db: Db | Prisma.TransactionClient): Promise<{ lineFen: number; isDefault: boolean; updatedAt: Date | null }> {
  const row = await db.setting.findUnique({ where: { key: LINE_SETTING_KEY } });
  const lineFen = lineFromSetting(row?.value);
  return { lineFen, isDefault: !row || row.value !== lineFen, updatedAt: row?.updatedAt ?? null };
}

export async function readLastRun(db: Db | Prisma.TransactionClient): Promise<Date | null> {
  const row = await db.setting.findUnique({ where: { key: LAST_RUN_SETTING_KEY } });
  return typeof row?.value === "string" ? new Date(row.value) : null;
}
