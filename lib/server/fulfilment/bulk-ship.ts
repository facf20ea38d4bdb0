import "server-only";
// "Mark shipped" for a whole pickup list. The file is checked first, as a whole (size, rows, columns: refused
// outright, nothing written) and row by row (lib/domain/shipping-csv.ts). Then each valid row is shipped in its
// own small transaction through shipShipment, the one ship path: a refused row (an open refund, a cancelled
// order) never blocks the others, and none is half-written — each row is shipped in full (shipment, order
// status, audit, mail) or not at all. The report lists every row's outcome.
import type { Db } from "@/lib/db/client";
import type { CarrierCode } from "@/lib/domain/carriers";
import type { FulfilmentRefusal } from "@/lib/domain/fulfilment";
import { checkShippingRows, orderNumbersIn, readShippingCsv, type Encoding, type FileRefusal, type RowError } from "@/lib/domain/shipping-csv";
import type { OneCoopScope } from "@/lib/server/queries/coop-scope";
import { shipmentsByOrderNumber } from "./queue";
import { shipShipment } from "./ship";

export type BulkRowOutcome =
  | { line: number; orderNumber: string; outcome: "shipped" | "unchanged"; carrier: CarrierCode; trackingNumber: string }
  | { line: number; orderNumber: string; outcome: "invalid"; errors: RowError[] }
  | { line: number; orderNumber: string; outcome: "refused"; reason: FulfilmentRefusal | "notFound" };

export type BulkShipResult = { ok: false; refusal: FileRefusal; rowCount?: number } | { ok: true; encoding: Encoding; rows: BulkRowOutcome[] };

export async function bulkShip(db: Db, scope: OneCoopScope & { actorId: string }, bytes: Uint8Array, defaultCarrier: CarrierCode | null): Promise<BulkShipResult> {
  const read = readShippingCsv(bytes);
  if (!read.ok) return read;
  const ours = await shipmentsByOrderNumber(db, scope, orderNumbersIn(read.rows));
  const checked = checkShippingRows(read, { isOurs: (n) => ours.has(n), defaultCarrier });
  if (!checked.ok) return checked;
  const rows: BulkRowOutcome[] = [];
  for (const row of checked.rows) {
    if (!row.ok) {
      rows.push({ line: row.line, orderNumber: row.orderNumber, outcome: "invalid", errors: row.errors });
      continue;
    }
    const shipmentId = ours.get(row.orderNumber) as string;
    const result = await shipShipment(db, { ...scope, shipmentId, carrier: row.carrier, carrierName: null, trackingNumber: row.trackingNumber, source: "csv" });
    const base = { line: row.line, orderNumber: row.orderNumber };
    if (result.kind === "done" || result.kind === "unchanged") rows.push({ ...base, outcome: result.kind === "done" ? "shipped" : "unchanged", carrier: row.carrier, trackingNumber: row.trackingNumber });
    else rows.push({ ...base, outcome: "refused", reason: result.kind === "notFound" ? "notFound" : result.reason });
  }
  return { ok: true, encoding: checked.encoding, rows };
}
