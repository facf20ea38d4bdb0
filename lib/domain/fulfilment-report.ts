// The bulk-ship answer's shape, apart from the CSV reader so the upload form (a client component) can read it
// without bundling the parser.
import type { ActionState } from "@/lib/action-state";

/** One row of the bulk-ship report as the upload form shows it (translated on the server). */
export interface BulkReportRow {
  line: number;
  orderNumber: string;
  outcome: "shipped" | "unchanged" | "invalid" | "refused";
  detail: string;
}

/** The bulk-ship action's answer: an ActionState plus the per-row report. */
export interface BulkShipState extends ActionState {
  report?: BulkReportRow[];
}

/** The report in an action's answer, if it holds one. */
export function reportOf(state: ActionState | undefined): BulkReportRow[] | undefined {
  return state && "report" in state && Array.isArray(state.report) ? (state.report as BulkReportRow[]) : undefined;
}
