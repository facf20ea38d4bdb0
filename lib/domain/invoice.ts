// VAT invoices (发票) for an organisation's paid orders (issue 15): what may be requested, what an issued invoice's
// number, date and PDF must look like, and the amounts. Pure: lib/server/orgs/invoices.ts reads the rows and writes.
//
// The coverage rule. A paid order is on at most one live (REQUESTED or ISSUED) request. An ORDER request covers its
// one order; a MONTH request covers the organisation's orders paid in that Beijing month (Order.paidAt) that are not
// already on a live request — so an organisation may ask for a few orders one by one and the rest of the month in one
// invoice, and a cancelled request frees its orders. A month may be asked for once it has ended (an invoice for the
// whole month, not a part of it). "Paid" is paid and not cancelled; an order's amount is its total (goods and
// shipping: what the organisation paid) less what was refunded; an order refunded in full has nothing to invoice.
import type { OrgRole } from "./permissions";

export const INVOICE_KINDS = ["GENERAL", "SPECIAL"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];
export const INVOICE_SCOPES = ["ORDER", "MONTH"] as const;
export type InvoiceScope = (typeof INVOICE_SCOPES)[number];
export const INVOICE_STATUSES = ["REQUESTED", "ISSUED", "CANCELLED"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * Who may request (and cancel a request not yet issued): the purchaser who placed the orders knows what they need
 * invoiced, finance files the invoice, the organisation's admin stands in for both. An approver only approves.
 */
export const INVOICE_REQUESTER_ROLES = ["PURCHASER", "FINANCE", "ORG_ADMIN"] as const satisfies readonly OrgRole[];
/** Who may download an issued invoice's PDF: finance (the issue's rule) and the organisation's admin. */
export const INVOICE_READER_ROLES = ["FINANCE", "ORG_ADMIN"] as const satisfies readonly OrgRole[];

/** Order statuses that mean paid and not cancelled (REFUNDED orders count, and have nothing left to invoice). */
export const PAID_ORDER_STATUSES = ["PAID", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "REFUNDED"] as const;

export const INVOICE_LIMITS = {
  /** The PDF an admin uploads: a 数电票 PDF is some 100 KB; 5 MB leaves room for a scanned paper invoice. */
  maxPdfBytes: 5 * 1024 * 1024,
  bankAccountMax: 100,
  addressPhoneMax: 200,
  monthMin: "2020-01",
} as const;

export interface InvoiceableOrder {
  status: string;
  paidAt: Date | null;
  totalFen: number;
  refundedFen: number;
  /** Whether the order is already on a live request. */
  covered: boolean;
}

/** What the organisation paid for the order and kept: its total less refunds, never below zero. */
export const orderNetFen = (o: { totalFen: number; refundedFen: number }): number => Math.max(0, o.totalFen - o.refundedFen);

export const isPaidOrder = (o: { status: string; paidAt: Date | null }): boolean => o.paidAt !== null && (PAID_ORDER_STATUSES as readonly string[]).includes(o.status);

export type OrderRefusal = "notPaid" | "nothingToInvoice" | "alreadyCovered";

/** Whether one order may be invoiced on its own: paid, something left after refunds, on no live request. */
export function checkOrderRequest(o: InvoiceableOrder): { ok: true; amountFen: number } | { ok: false; problem: OrderRefusal } {
  if (!isPaidOrder(o)) return { ok: false, problem: "notPaid" };
  if (o.covered) return { ok: false, problem: "alreadyCovered" };
  const amountFen = orderNetFen(o);
  if (amountFen <= 0) return { ok: false, problem: "nothingToInvoice" };
  return { ok: true, amountFen };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month as "YYYY-MM" (2020 onwards), or null. */
export function parseInvoiceMonth(input: string): string | null {
  const m = MONTH.exec(input.trim());
  if (!m) return null;
  const month = `${m[1]}-${m[2]}`;
  return month >= INVOICE_LIMITS.monthMin ? month : null;
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** The Beijing instants a month spans: [from, to). */
export function monthRange(month: string): { from: Date; to: Date } {
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${nextMonth(month)}-01T00:00:00+08:00`) };
}

/** Whether the Beijing month is over at `now`. */
export const monthHasEnded = (month: string, now: Date): boolean => monthRange(month).to.getTime() <= now.getTime();

export type MonthRefusal = "monthInvalid" | "monthNotEnded" | "nothingToInvoice";

/**
 * The orders a MONTH request covers, given the organisation's orders paid in that month: the paid ones with money
 * left that no live request covers. Refused when the month has not ended or nothing is left to invoice.
 */
export function monthCoverage<O extends InvoiceableOrder>(
  month: string,
  orders: readonly O[],
  now: Date,
): { ok: true; orders: (O & { netFen: number })[]; amountFen: number } | { ok: false; problem: MonthRefusal } {
  if (parseInvoiceMonth(month) !== month) return { ok: false, problem: "monthInvalid" };
  if (!monthHasEnded(month, now)) return { ok: false, problem: "monthNotEnded" };
  const { from, to } = monthRange(month);
  const covered = orders
    .filter((o) => isPaidOrder(o) && !o.covered && o.paidAt!.getTime() >= from.getTime() && o.paidAt!.getTime() < to.getTime())
    .map((o) => ({ ...o, netFen: orderNetFen(o) }))
    .filter((o) => o.netFen > 0);
  if (covered.length === 0) return { ok: false, problem: "nothingToInvoice" };
  return { ok: true, orders: covered, amountFen: sumFen(covered.map((o) => o.netFen)) };
}

/** A sum of fen amounts that refuses to leave the safe integers (an invoice's amount is stored as a 32-bit Int). */
export function sumFen(amounts: readonly number[]): number {
  const total = amounts.reduce((s, a) => s + a, 0);
  if (!Number.isSafeInteger(total) || total > 2_147_483_647) throw new RangeError(`invoice amount out of range: ${total}`);
  return total;
}

export type NumberProblem = "numberInvalid" | "numberYear";

/**
 * An invoice number as typed (full-width digits and spaces allowed): 8 digits (an invoice with a separate 发票代码),
 * or 20 for a 数电票, whose first two digits are the issue year's last two (国家税务总局公告 2021 年第 1 号 format:
 * year, region, channel, sequence). Returns the digits or the problem.
 */
export function checkInvoiceNumber(input: string, issuedOn: string): { ok: true; number: string } | { ok: false; problem: NumberProblem } {
  const number = input.normalize("NFKC").replace(/\s+/g, "");
  if (!/^(?:\d{8}|\d{20})$/.test(number)) return { ok: false, problem: "numberInvalid" };
  if (number.length === 20 && number.slice(0, 2) !== issuedOn.slice(2, 4)) return { ok: false, problem: "numberYear" };
  return { ok: true, number };
}

export type DateProblem = "dateInvalid" | "dateFuture" | "dateBeforeRequest";

/**
 * The issue date: a real calendar day, not after today and not before the day the request was made (both Beijing
 * days, YYYY-MM-DD).
 */
export function checkIssueDate(input: string, today: string, requestedDay: string): { ok: true; day: string } | { ok: false; problem: DateProblem } {
  const day = input.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return { ok: false, problem: "dateInvalid" };
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return { ok: false, problem: "dateInvalid" };
  if (day > today) return { ok: false, problem: "dateFuture" };
  if (day < requestedDay) return { ok: false, problem: "dateBeforeRequest" };
  return { ok: true, day };
}

export type PdfProblem = "pdfMissing" | "pdfTooLarge" | "pdfNotPdf";

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Whether a file may be stored as an invoice's PDF: not empty, at most 5 MB, and a PDF by its first bytes. */
export function checkPdf(bytes: Uint8Array): { ok: true } | { ok: false; problem: PdfProblem } {
  if (bytes.byteLength === 0) return { ok: false, problem: "pdfMissing" };
  if (bytes.byteLength > INVOICE_LIMITS.maxPdfBytes) return { ok: false, problem: "pdfTooLarge" };
  if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: "pdfNotPdf" };
  return { ok: true };
}

/** Status moves: a request is issued or cancelled once; an issued invoice stays (红冲 is done in the tax system). */
export function canMove(from: InvoiceStatus, to: InvoiceStatus): boolean {
  return from === "REQUESTED" && (to === "ISSUED" || to === "CANCELLED");
}
