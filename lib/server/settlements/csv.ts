import "server-only";
// The admins' month of statements as CSV: one row per cooperative, money in yuan (lib/server/reports-csv.ts toCsv).
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import { toCsv, type CsvCell } from "@/lib/server/reports-csv";
import type { SettlementRow } from "./queries";

export function settlementsCsv(rows: readonly SettlementRow[], t: Translate, locale: Locale): string {
  const total = (k: "salesFen" | "refundsFen" | "adjustmentsFen" | "amountFen") => rows.reduce((s, r) => s + r[k], 0);
  return toCsv([
    [t("settlements.cols.cooperative"), t("settlements.cols.status"), t("settlements.cols.sales"), t("settlements.cols.refunds"), t("settlements.cols.adjustments"), t("settlements.cols.amount"), t("settlements.cols.bankAccountName"), t("settlements.cols.bankName"), t("settlements.cols.bankAccountNumber"), t("settlements.cols.paidOn"), t("settlements.cols.reference")],
    ...rows.map((r): CsvCell[] => [
      locale === "en" ? r.cooperative.nameEn : r.cooperative.nameZh,
      t(`settlements.status.${r.status}`),
      { yuan: r.salesFen },
      { yuan: r.refundsFen },
      { yuan: r.adjustmentsFen },
      { yuan: r.amountFen },
      r.cooperative.bankAccountName ?? "",
      r.cooperative.bankName ?? "",
      r.cooperative.bankAccountNumber ?? "",
      r.paidOn ?? "",
      r.reference ?? "",
    ]),
    [t("settlements.total"), "", { yuan: total("salesFen") }, { yuan: total("refundsFen") }, { yuan: total("adjustmentsFen") }, { yuan: total("amountFen") }, "", "", "", "", ""],
  ]);
}
