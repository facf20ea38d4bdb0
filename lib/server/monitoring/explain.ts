// Why a flag was raised, in a sentence of the reader's language, from the numbers stored with it.
import { yuan } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function explainFlag(t: Translate, rule: string, details: Record<string, unknown>): string {
  switch (rule) {
    case "NO_INCOME_3M": {
      const months = list(details.months).map(str);
      const total = list(details.incomeFen).reduce<number>((s, v) => s + num(v), 0);
      return t("monitoring.why.NO_INCOME_3M", { first: months[0] ?? "", last: months[months.length - 1] ?? "", total: yuan(total) });
    }
    case "QUARTER_DROP":
      return t("monitoring.why.QUARTER_DROP", {
        quarter: str(details.quarter),
        quarterBefore: str(details.previousQuarter),
        now: yuan(num(details.incomeFen)),
        before: yuan(num(details.previousIncomeFen)),
        percent: num(details.percent),
      });
    case "BELOW_LINE": {
      const months = list(details.months).map(str);
      return t("monitoring.why.BELOW_LINE", {
        first: months[0] ?? "",
        last: months[1] ?? "",
        total: yuan(num(details.incomeFen)),
        members: num(details.memberCount),
        perMember: yuan(num(details.perMemberFen)),
        line: yuan(num(details.lineFen)),
      });
    }
    default:
      return rule;
  }
}
