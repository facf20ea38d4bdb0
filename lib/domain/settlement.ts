// The monthly settlement the platform pays a cooperative: its arithmetic from the ledger and its state machine.
// Pure (no Prisma, no Next), so both are table-tested.
//
// A statement covers every ledger entry of the cooperative (its share and its households' shares: the platform pays
// the cooperative, which pays its households) whose own day falls in the month. Entries are never moved between
// months, so a refund dated after a statement's month lands in a later statement by construction:
//   sales        = the month's payment entries
//   refunds      = the month's refund entries of orders paid in the same month (a positive number, subtracted)
//   adjustments  = the month's refund entries of orders paid in an earlier month (zero or negative)
//   amount       = sales − refunds + adjustments = the sum of the month's entries, to the fen.

export type SettlementStatus = "OPEN" | "CONFIRMED" | "DISPUTED" | "PAID";

export interface StatementEntry {
  amountFen: number;
  /** A refund's reversing entry (negative), or a payment's entry (positive). */
  refund: boolean;
  /** YYYY-MM of the order's payment (Beijing day of its payment entries). */
  saleMonth: string;
}

export interface StatementSums {
  salesFen: number;
  refundsFen: number;
  adjustmentsFen: number;
  amountFen: number;
}

export const amountOf = ({ salesFen, refundsFen, adjustmentsFen }: Omit<StatementSums, "amountFen">): number => salesFen - refundsFen + adjustmentsFen;

/** The month's sums from its entries (the SQL in lib/server/settlements does the same grouping). */
export function statementSums(month: string, entries: readonly StatementEntry[]): StatementSums {
  let salesFen = 0;
  let refundsFen = 0;
  let adjustmentsFen = 0;
  for (const e of entries) {
    if (!e.refund) salesFen += e.amountFen;
    else if (e.saleMonth >= month) refundsFen -= e.amountFen;
    else adjustmentsFen += e.amountFen;
  }
  return { salesFen, refundsFen, adjustmentsFen, amountFen: amountOf({ salesFen, refundsFen, adjustmentsFen }) };
}

/** YYYY-MM of a YYYY-MM-DD day. */
export const monthOfDay = (day: string): string => day.slice(0, 7);

/** The month before YYYY-MM ("2026-01" → "2025-12"): what is generated at the start of each month. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

export type SettlementEvent =
  | { kind: "regenerate" }
  | { kind: "confirm" }
  | { kind: "dispute"; note: string }
  | { kind: "reopen" }
  | { kind: "pay"; paidOn: string; reference: string; today: string; periodEnd: string; amountFen: number };

export type RefusalReason =
  | "paidIsFinal"
  | "locked"
  | "notOpen"
  | "notDisputed"
  | "alreadyConfirmed"
  | "notConfirmed"
  | "noteRequired"
  | "referenceRequired"
  | "paidBeforePeriodEnd"
  | "paidInFuture"
  | "negativeAmount";

export type Move = { ok: true; to: SettlementStatus } | { ok: false; status: 409 | 422; reason: RefusalReason };

const refuse = (reason: RefusalReason, status: 409 | 422 = 409): Move => ({ ok: false, status, reason });

/**
 * The one transition table:
 *   OPEN      --confirm--> CONFIRMED     OPEN --dispute(note)--> DISPUTED     OPEN --regenerate--> OPEN
 *   DISPUTED  --regenerate|reopen--> OPEN    DISPUTED --confirm--> CONFIRMED
 *   CONFIRMED --pay(date, reference)--> PAID
 *   PAID      nothing, ever.
 * Wrong state → 409; bad arguments of a legal move (empty note, transfer dated before the month ended) → 422.
 */
export function nextSettlement(from: SettlementStatus, event: SettlementEvent): Move {
  if (from === "PAID") return refuse("paidIsFinal");
  switch (event.kind) {
    case "regenerate":
      if (from === "CONFIRMED") return refuse("locked");
      return { ok: true, to: "OPEN" };
    case "reopen":
      return from === "DISPUTED" ? { ok: true, to: "OPEN" } : refuse("notDisputed");
    case "confirm":
      if (from === "CONFIRMED") return refuse("alreadyConfirmed");
      return { ok: true, to: "CONFIRMED" };
    case "dispute":
      if (from !== "OPEN") return refuse("notOpen");
      if (event.note.trim() === "") return refuse("noteRequired", 422);
      return { ok: true, to: "DISPUTED" };
    case "pay":
      if (from !== "CONFIRMED") return refuse("notConfirmed");
      if (event.reference.trim() === "") return refuse("referenceRequired", 422);
      if (event.amountFen < 0) return refuse("negativeAmount", 422);
      if (event.paidOn <= event.periodEnd) return refuse("paidBeforePeriodEnd", 422);
      if (event.paidOn > event.today) return refuse("paidInFuture", 422);
      return { ok: true, to: "PAID" };
  }
}

/** Whether a statement's figures may still be recomputed from the ledger. */
export const recomputable = (status: SettlementStatus): boolean => status === "OPEN" || status === "DISPUTED";
