import "server-only";
// The flags as CSV for a township (or all): codes, never names; the why in words; the 12 months in yuan.
import type { Translate } from "@/lib/i18n/translate";
import { toCsv, type CsvCell } from "@/lib/server/reports-csv";
import { explainFlag } from "./explain";
import type { FlagList } from "./list";

const named = (row: { nameZh: string; nameEn: string }, locale: string) => (locale === "en" ? row.nameEn : row.nameZh);

export function flagsCsv(list: FlagList, t: Translate, locale: string): string {
  const c = (k: "code" | "township" | "village" | "cooperatives" | "householdStatus" | "members" | "rule" | "period" | "status" | "why" | "followUps") => t(`monitoring.csv.cols.${k}`);
  return toCsv([
    [c("code"), c("township"), c("village"), c("cooperatives"), c("householdStatus"), c("members"), c("rule"), c("period"), c("status"), c("why"), c("followUps"), ...list.months],
    ...list.flags.map((f): CsvCell[] => [
      f.household.code,
      named(f.household.township, locale),
      named(f.household.village, locale),
      f.household.cooperatives.map((x) => named(x, locale)).join(" / "),
      t(`monitoring.householdStatus.${f.household.status}`),
      f.household.memberCount,
      t(`monitoring.ruleName.${f.rule}`),
      f.periodKey,
      t(`monitoring.status.${f.status}`),
      explainFlag(t, f.rule, f.details),
      f.followUps.length,
      ...f.series.map((fen) => ({ yuan: fen })),
    ]),
  ]);
}
