// lib/domain/invoice.ts: what may be requested (one order, a month), the invoice number and date an admin records,
// the PDF check, and the request form's input rules (lib/validation/invoice.ts).
import { describe, expect, test } from "vitest";
import {
  canMove,
  checkInvoiceNumber,
  checkIssueDate,
  checkOrderRequest,
  checkPdf,
  INVOICE_LIMITS,
  monthCoverage,
  monthHasEnded,
  monthRange,
  nextMonth,
  orderNetFen,
  parseInvoiceMonth,
  sumFen,
  type InvoiceableOrder,
} from "@/lib/domain/invoice";
import { storedKeyForMediaPath } from "@/lib/domain/photo-rules";
import { isStorageKey } from "@/lib/server/storage/types";
import { requestInvoiceSchema } from "@/lib/validation/invoice";

const at = (iso: string) => new Date(iso);
const order = (o: Partial<InvoiceableOrder> = {}): InvoiceableOrder => ({ status: "DELIVERED", paidAt: at("2026-10-15T10:00:00+08:00"), totalFen: 10_000, refundedFen: 0, covered: false, ...o });

describe("one order", () => {
  test.each([
    ["paid, nothing refunded", order(), { ok: true, amountFen: 10_000 }],
    ["paid, part refunded: the net", order({ refundedFen: 2_500 }), { ok: true, amountFen: 7_500 }],
    ["status PAID (not shipped yet)", order({ status: "PAID" }), { ok: true, amountFen: 10_000 }],
    ["refunded in full", order({ status: "REFUNDED", refundedFen: 10_000 }), { ok: false, problem: "nothingToInvoice" }],
    ["delivered but refunded in full", order({ refundedFen: 10_000 }), { ok: false, problem: "nothingToInvoice" }],
    ["waiting for payment", order({ status: "PENDING_PAYMENT", paidAt: null }), { ok: false, problem: "notPaid" }],
    ["cancelled before payment", order({ status: "CANCELLED", paidAt: null }), { ok: false, problem: "notPaid" }],
    ["paid after it was cancelled (money to be refunded)", order({ status: "CANCELLED" }), { ok: false, problem: "notPaid" }],
    ["already on a live request", order({ covered: true }), { ok: false, problem: "alreadyCovered" }],
    ["unpaid and covered: unpaid first", order({ status: "PENDING_PAYMENT", paidAt: null, covered: true }), { ok: false, problem: "notPaid" }],
  ])("%s", (_name, o, expected) => expect(checkOrderRequest(o)).toEqual(expected));

  test.each([
    [{ totalFen: 100, refundedFen: 0 }, 100],
    [{ totalFen: 100, refundedFen: 100 }, 0],
    // Refunds in flight may pass the total for a moment: never a negative invoice.
    [{ totalFen: 100, refundedFen: 150 }, 0],
  ])("net of %j is %i", (o, expected) => expect(orderNetFen(o)).toBe(expected));
});

describe("months", () => {
  test.each([
    ["2026-11", "2026-11"],
    [" 2026-01 ", "2026-01"],
    ["2020-01", "2020-01"],
    ["2019-12", null],
    ["2026-13", null],
    ["2026-00", null],
    ["2026-1", null],
    ["202611", null],
    ["", null],
  ])("%j → %j", (input, expected) => expect(parseInvoiceMonth(input)).toBe(expected));

  test.each([
    ["2026-11", "2026-12"],
    ["2026-12", "2027-01"],
    ["2026-09", "2026-10"],
  ])("after %s comes %s", (m, expected) => expect(nextMonth(m)).toBe(expected));

  test("a month is its Beijing instants", () => {
    expect(monthRange("2026-12")).toEqual({ from: at("2026-11-30T16:00:00Z"), to: at("2026-12-31T16:00:00Z") });
  });

  test.each([
    ["2026-10", "2026-11-01T00:00:00+08:00", true],
    ["2026-10", "2026-10-31T23:59:59+08:00", false],
    // 31 Oct 16:30 UTC is already 1 Nov in Beijing.
    ["2026-10", "2026-10-31T16:30:00Z", true],
    ["2026-11", "2026-11-15T12:00:00+08:00", false],
  ])("%s has ended at %s: %s", (m, now, expected) => expect(monthHasEnded(m, at(now))).toBe(expected));

  const now = at("2026-12-02T09:00:00+08:00");
  const rows = [
    { id: "a", ...order({ paidAt: at("2026-11-01T00:00:00+08:00"), totalFen: 1_000 }) },
    { id: "b", ...order({ paidAt: at("2026-11-30T23:59:59+08:00"), totalFen: 2_000, refundedFen: 500 }) },
    { id: "c", ...order({ paidAt: at("2026-11-10T00:00:00+08:00"), totalFen: 4_000, covered: true }) },
    { id: "d", ...order({ paidAt: at("2026-11-11T00:00:00+08:00"), totalFen: 8_000, refundedFen: 8_000 }) },
    { id: "e", ...order({ paidAt: at("2026-10-31T23:59:59+08:00"), totalFen: 16_000 }) },
    { id: "f", ...order({ paidAt: at("2026-12-01T00:00:00+08:00"), totalFen: 32_000 }) },
    { id: "g", ...order({ status: "CANCELLED", paidAt: at("2026-11-12T00:00:00+08:00"), totalFen: 64_000 }) },
  ];

  test("a month covers its paid orders with money left and on no live request, by Beijing time", () => {
    const got = monthCoverage("2026-11", rows, now);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.orders.map((o) => [o.id, o.netFen])).toEqual([
      ["a", 1_000],
      ["b", 1_500],
    ]);
    expect(got.amountFen).toBe(2_500);
  });

  test.each([
    ["the month not over", "2026-12", now, "monthNotEnded"],
    ["nothing left in it", "2026-09", now, "nothingToInvoice"],
    ["not a month", "2026-13", now, "monthInvalid"],
  ])("refused: %s", (_name, month, when, problem) => expect(monthCoverage(month, rows, when)).toEqual({ ok: false, problem }));

  test("every order of the month covered already: nothing to invoice", () => {
    expect(monthCoverage("2026-11", rows.map((r) => ({ ...r, covered: true })), now)).toEqual({ ok: false, problem: "nothingToInvoice" });
  });

  test("an amount beyond a 32-bit column is refused, not stored wrong", () => {
    expect(sumFen([1_000_000_000, 1_000_000_000])).toBe(2_000_000_000);
    expect(() => sumFen([2_000_000_000, 200_000_000])).toThrow(RangeError);
  });
});

describe("the issued invoice", () => {
  test.each([
    ["12345678", "2026-11-30", { ok: true, number: "12345678" }],
    ["26117000000012345678", "2026-11-30", { ok: true, number: "26117000000012345678" }],
    // As typed: spaces and full-width digits.
    ["2611 7000 0000 1234 5678", "2026-11-30", { ok: true, number: "26117000000012345678" }],
    ["１２３４５６７８", "2026-11-30", { ok: true, number: "12345678" }],
    ["25117000000012345678", "2026-11-30", { ok: false, problem: "numberYear" }],
    ["1234567", "2026-11-30", { ok: false, problem: "numberInvalid" }],
    ["123456789", "2026-11-30", { ok: false, problem: "numberInvalid" }],
    ["2611700000001234567", "2026-11-30", { ok: false, problem: "numberInvalid" }],
    ["261170000000123456789", "2026-11-30", { ok: false, problem: "numberInvalid" }],
    ["1234567A", "2026-11-30", { ok: false, problem: "numberInvalid" }],
    ["", "2026-11-30", { ok: false, problem: "numberInvalid" }],
  ])("number %j issued %s", (input, day, expected) => expect(checkInvoiceNumber(input, day)).toEqual(expected));

  test.each([
    ["2026-11-30", { ok: true, day: "2026-11-30" }],
    ["2026-11-20", { ok: true, day: "2026-11-20" }],
    ["2026-12-01", { ok: false, problem: "dateFuture" }],
    ["2026-11-19", { ok: false, problem: "dateBeforeRequest" }],
    ["2026-02-30", { ok: false, problem: "dateInvalid" }],
    ["2026/11/30", { ok: false, problem: "dateInvalid" }],
    ["", { ok: false, problem: "dateInvalid" }],
  ])("date %j (today 2026-11-30, requested 2026-11-20)", (input, expected) => expect(checkIssueDate(input, "2026-11-30", "2026-11-20")).toEqual(expected));

  const bytes = (text: string, size?: number) => {
    const encoded = new TextEncoder().encode(text);
    const b = new Uint8Array(size ?? encoded.byteLength);
    b.set(encoded);
    return b;
  };
  test.each([
    ["a PDF", bytes("%PDF-1.7\n%âãÏÓ\n"), { ok: true }],
    ["a PDF of exactly 5 MB", bytes("%PDF-1.4", INVOICE_LIMITS.maxPdfBytes), { ok: true }],
    ["one byte over 5 MB", bytes("%PDF-1.4", INVOICE_LIMITS.maxPdfBytes + 1), { ok: false, problem: "pdfTooLarge" }],
    ["empty", new Uint8Array(0), { ok: false, problem: "pdfMissing" }],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { ok: false, problem: "pdfNotPdf" }],
    ["HTML named .pdf", bytes("<html><script>alert(1)</script>"), { ok: false, problem: "pdfNotPdf" }],
    ["%PDF without the dash", bytes("%PDF1.7"), { ok: false, problem: "pdfNotPdf" }],
    ["the magic not at the start", bytes(" %PDF-1.7"), { ok: false, problem: "pdfNotPdf" }],
    ["four bytes", bytes("%PDF"), { ok: false, problem: "pdfNotPdf" }],
  ])("%s", (_name, b, expected) => expect(checkPdf(b)).toEqual(expected));

  test.each([
    ["REQUESTED", "ISSUED", true],
    ["REQUESTED", "CANCELLED", true],
    ["ISSUED", "CANCELLED", false],
    ["ISSUED", "REQUESTED", false],
    ["CANCELLED", "ISSUED", false],
    ["CANCELLED", "REQUESTED", false],
  ] as const)("%s → %s: %s", (from, to, expected) => expect(canMove(from, to)).toBe(expected));
});

describe("the request form", () => {
  const parse = (fields: Record<string, string>) => requestInvoiceSchema.safeParse(fields);
  const errors = (fields: Record<string, string>) => {
    const r = parse(fields);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  test("a general invoice for an order: no bank details kept, no month", () => {
    expect(parse({ kind: "GENERAL", scope: "ORDER", orderId: "cm123", month: "2026-10", bankAccount: "x", addressPhone: "y" }).data).toEqual({
      kind: "GENERAL",
      scope: "ORDER",
      orderId: "cm123",
      month: null,
      bankAccount: null,
      addressPhone: null,
    });
  });

  test("a special invoice for a month keeps its bank details, not the order", () => {
    expect(parse({ kind: "SPECIAL", scope: "MONTH", orderId: "cm123", month: "2026-10", bankAccount: " 工商银行朝阳支行 0200 ", addressPhone: "朝阳路 1 号 010-12345678" }).data).toEqual({
      kind: "SPECIAL",
      scope: "MONTH",
      orderId: null,
      month: "2026-10",
      bankAccount: "工商银行朝阳支行 0200",
      addressPhone: "朝阳路 1 号 010-12345678",
    });
  });

  test.each([
    [{ kind: "SPECIAL", scope: "ORDER", orderId: "cm1", bankAccount: "", addressPhone: "" }, { bankAccount: "org.invoices.errors.bankAccountRequired", addressPhone: "org.invoices.errors.addressPhoneRequired" }],
    [{ kind: "GENERAL", scope: "ORDER", orderId: "" }, { orderId: "org.invoices.errors.orderRequired" }],
    [{ kind: "GENERAL", scope: "MONTH", month: "2026-13" }, { month: "org.invoices.errors.monthInvalid" }],
    [{ kind: "GENERAL", scope: "MONTH" }, { month: "org.invoices.errors.monthInvalid" }],
    [{ kind: "RED", scope: "ORDER", orderId: "cm1" }, { kind: "org.invoices.errors.kindInvalid" }],
    [{ kind: "GENERAL", scope: "YEAR", orderId: "cm1" }, { scope: "org.invoices.errors.scopeInvalid" }],
    [{ kind: "SPECIAL", scope: "ORDER", orderId: "cm1", bankAccount: "x".repeat(101), addressPhone: "y" }, { bankAccount: "org.invoices.errors.bankAccountTooLong" }],
    [{ kind: "GENERAL", scope: "ORDER", orderId: "cm\u0000" }, { orderId: "validation.controlCharacters" }],
  ])("%j is refused: %j", (fields, expected) => expect(errors(fields)).toEqual(expected));
});

describe("invoice PDFs in the store", () => {
  test.each([
    ["invoices/cm0org/0123456789abcdef0123456789abcdef.pdf", true],
    ["invoices/../x.pdf", false],
    ["invoices/x.pdf.exe", false],
  ])("%s is a storage key: %s", (key, expected) => expect(isStorageKey(key)).toBe(expected));

  test("the public /media route never maps a path to a PDF", () => {
    expect(storedKeyForMediaPath("invoices/cm0org/0123456789abcdef0123456789abcdef.pdf")).toBeNull();
    expect(storedKeyForMediaPath("invoices/cm0org/0123456789abcdef0123456789abcdef-320.pdf")).toBeNull();
  });
});
