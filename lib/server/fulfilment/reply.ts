import "server-only";
import type { BulkReportRow, BulkShipState } from "@/lib/domain/fulfilment-report";
import type { ActionState } from "@/lib/action-state";
import type { Translate } from "@/lib/i18n/translate";
import type { BulkShipResult } from "./bulk-ship";
import type { FulfilmentOutcome } from "./ship";

/** The form's answer for a pack or ship outcome: 200 done or unchanged, 404 another's, 409 refused with why. */
export function fulfilmentReply(t: Translate, outcome: FulfilmentOutcome, done: "packed" | "shipped", values: Record<string, string>): ActionState {
  switch (outcome.kind) {
    case "done":
      return { ok: true, status: 200, message: t(`fulfilment.saved.${done}`) };
    case "unchanged":
      return { ok: true, status: 200, message: t("fulfilment.saved.unchanged") };
    case "notFound":
      return { ok: false, status: 404, message: t("errors.notFoundTitle"), values };
    case "refused":
      return { ok: false, status: 409, message: t(`fulfilment.refused.${outcome.reason}`), values };
  }
}

export function bulkReport(t: Translate, result: BulkShipResult): BulkShipState {
  if (!result.ok) {
    const status = result.refusal === "tooLarge" || result.refusal === "tooManyRows" ? 413 : 422;
    return { ok: false, status, message: t(`fulfilment.bulk.file.${result.refusal}`, { rows: result.rowCount ?? 0 }) };
  }
  const report: BulkReportRow[] = result.rows.map((r) => {
    const base = { line: r.line, orderNumber: r.orderNumber, outcome: r.outcome };
    switch (r.outcome) {
      case "shipped":
      case "unchanged":
        return { ...base, detail: `${r.carrier} ${r.trackingNumber}` };
      case "invalid":
        return { ...base, detail: r.errors.map((e) => t(`fulfilment.bulk.rowErrors.${e}`)).join(" · ") };
      case "refused":
        return { ...base, detail: t(`fulfilment.refused.${r.reason}`) };
    }
  });
  const count = (o: BulkReportRow["outcome"]) => report.filter((r) => r.outcome === o).length;
  const shipped = count("shipped");
  const message = t("fulfilment.bulk.summary", { shipped, unchanged: count("unchanged"), refused: count("invalid") + count("refused") });
  return { ok: shipped + count("unchanged") > 0, status: 200, message, report };
}
