"use client";
// The pickup-list upload and its per-row report. The action answers an ActionState with the report added
// (BulkShipState in lib/domain/fulfilment-report.ts), every text already translated on the server; the labels come
// from the page as props, so this component needs no client-side messages.
import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { bulkShipAction } from "@/lib/server/actions/coop/bulk-ship";
import { reportOf, type BulkReportRow } from "@/lib/domain/fulfilment-report";

export interface BulkShipLabels {
  file: string;
  defaultCarrier: string;
  none: string;
  submit: string;
  report: string;
  line: string;
  order: string;
  result: string;
  detail: string;
  outcome: Record<BulkReportRow["outcome"], string>;
}

const TONE: Record<BulkReportRow["outcome"], string> = { shipped: "text-leaf-700", unchanged: "text-earth-600", invalid: "text-wine-700", refused: "text-wine-700" };

export function BulkShipForm({ cooperativeId, carriers, labels }: { cooperativeId: string; carriers: { value: string; label: string }[]; labels: BulkShipLabels }) {
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(bulkShipAction, undefined);
  const report = reportOf(state);
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4 rounded-2xl bg-white p-4 shadow-sm" data-testid="bulk-ship-form">
        <input type="hidden" name="cooperativeId" value={cooperativeId} />
        <div>
          <label htmlFor="bulk-file" className="text-sm font-medium">
            {labels.file}
          </label>
          <input id="bulk-file" name="file" type="file" accept=".csv,text/csv" required className="mt-1 block w-full text-base" aria-describedby={state?.fieldErrors?.file ? "bulk-file-msg" : undefined} />
          {state?.fieldErrors?.file && (
            <p id="bulk-file-msg" className="mt-1 text-sm text-wine-700">
              {state.fieldErrors.file}
            </p>
          )}
        </div>
        <div>
          <label htmlFor="bulk-carrier" className="text-sm font-medium">
            {labels.defaultCarrier}
          </label>
          <select id="bulk-carrier" name="defaultCarrier" defaultValue="" className="mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base">
            <option value="">{labels.none}</option>
            {carriers.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {state?.message && (
          <p role={state.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ${state.ok ? "bg-leaf-50 text-leaf-700" : "bg-wine-50 text-wine-700"}`} data-testid="bulk-ship-message">
            {state.message}
          </p>
        )}
        <button type="submit" disabled={pending} aria-busy={pending} className="rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 disabled:opacity-60">
          {labels.submit}
        </button>
      </form>
      {report && report.length > 0 && (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={labels.report}>
          <table className="w-full min-w-[32rem] text-sm" data-testid="bulk-ship-report">
            <caption className="p-3 text-left font-semibold">{labels.report}</caption>
            <thead className="bg-earth-100">
              <tr>
                <th scope="col" className="p-2 text-right">{labels.line}</th>
                <th scope="col" className="p-2 text-left">{labels.order}</th>
                <th scope="col" className="p-2 text-left">{labels.result}</th>
                <th scope="col" className="p-2 text-left">{labels.detail}</th>
              </tr>
            </thead>
            <tbody>
              {report.map((r) => (
                <tr key={r.line} className="border-t border-earth-100" data-outcome={r.outcome} data-line={r.line}>
                  <td className="p-2 text-right tabular-nums">{r.line}</td>
                  <th scope="row" className="p-2 text-left font-mono font-normal">{r.orderNumber}</th>
                  <td className={`p-2 font-medium ${TONE[r.outcome]}`}>{labels.outcome[r.outcome]}</td>
                  <td className="p-2">{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
