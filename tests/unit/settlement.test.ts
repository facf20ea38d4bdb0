import { describe, expect, test } from "vitest";
import { nextSettlement, previousMonth, recomputable, statementSums, type SettlementEvent, type SettlementStatus, type StatementEntry } from "@/lib/domain/settlement";

const sale = (amountFen: number, saleMonth = "2026-11"): StatementEntry => ({ amountFen, refund: false, saleMonth });
const refund = (amountFen: number, saleMonth: string): StatementEntry => ({ amountFen: -amountFen, refund: true, saleMonth });

describe("statementSums", () => {
  test.each<[string, StatementEntry[], { salesFen: number; refundsFen: number; adjustmentsFen: number; amountFen: number }]>([
    ["an empty month", [], { salesFen: 0, refundsFen: 0, adjustmentsFen: 0, amountFen: 0 }],
    ["sales only", [sale(100), sale(250)], { salesFen: 350, refundsFen: 0, adjustmentsFen: 0, amountFen: 350 }],
    ["a refund of this month's sale", [sale(1000), refund(300, "2026-11")], { salesFen: 1000, refundsFen: 300, adjustmentsFen: 0, amountFen: 700 }],
    ["a refund of last month's sale is an adjustment", [sale(1000), refund(300, "2026-10")], { salesFen: 1000, refundsFen: 0, adjustmentsFen: -300, amountFen: 700 }],
    ["a refund of last year's sale is an adjustment", [refund(1, "2025-12")], { salesFen: 0, refundsFen: 0, adjustmentsFen: -1, amountFen: -1 }],
    ["both kinds, one fen each", [sale(2), refund(1, "2026-11"), refund(1, "2026-09")], { salesFen: 2, refundsFen: 1, adjustmentsFen: -1, amountFen: 0 }],
    ["adjustments larger than sales: a negative statement", [sale(100), refund(500, "2026-10")], { salesFen: 100, refundsFen: 0, adjustmentsFen: -500, amountFen: -400 }],
  ])("%s", (_name, entries, expected) => {
    const sums = statementSums("2026-11", entries);
    expect(sums).toEqual(expected);
    // The amount is always the plain sum of the month's entries.
    expect(sums.amountFen).toBe(entries.reduce((s, e) => s + e.amountFen, 0));
  });

  test.each([
    ["2026-11", "2026-10"],
    ["2026-01", "2025-12"],
    ["2000-03", "2000-02"],
  ])("the month before %s is %s", (m, expected) => expect(previousMonth(m)).toBe(expected));
});

const pay = (over: Partial<Extract<SettlementEvent, { kind: "pay" }>> = {}): SettlementEvent => ({
  kind: "pay",
  paidOn: "2026-12-05",
  reference: "ABC123",
  today: "2026-12-10",
  periodEnd: "2026-11-30",
  amountFen: 100,
  ...over,
});

describe("nextSettlement", () => {
  test.each<[SettlementStatus, SettlementEvent, string]>([
    ["OPEN", { kind: "confirm" }, "CONFIRMED"],
    ["OPEN", { kind: "dispute", note: "missing order" }, "DISPUTED"],
    ["OPEN", { kind: "dispute", note: "  " }, "422 noteRequired"],
    ["OPEN", { kind: "regenerate" }, "OPEN"],
    ["OPEN", { kind: "reopen" }, "409 notDisputed"],
    ["OPEN", pay(), "409 notConfirmed"],
    ["DISPUTED", { kind: "regenerate" }, "OPEN"],
    ["DISPUTED", { kind: "reopen" }, "OPEN"],
    ["DISPUTED", { kind: "confirm" }, "CONFIRMED"],
    ["DISPUTED", { kind: "dispute", note: "again" }, "409 notOpen"],
    ["DISPUTED", pay(), "409 notConfirmed"],
    ["CONFIRMED", { kind: "regenerate" }, "409 locked"],
    ["CONFIRMED", { kind: "confirm" }, "409 alreadyConfirmed"],
    ["CONFIRMED", { kind: "dispute", note: "late" }, "409 notOpen"],
    ["CONFIRMED", { kind: "reopen" }, "409 notDisputed"],
    ["CONFIRMED", pay(), "PAID"],
    ["CONFIRMED", pay({ paidOn: "2026-12-10" }), "PAID"],
    ["CONFIRMED", pay({ amountFen: 0 }), "PAID"],
    ["CONFIRMED", pay({ reference: " " }), "422 referenceRequired"],
    ["CONFIRMED", pay({ paidOn: "2026-11-30" }), "422 paidBeforePeriodEnd"],
    ["CONFIRMED", pay({ paidOn: "2026-12-11" }), "422 paidInFuture"],
    ["CONFIRMED", pay({ amountFen: -1 }), "422 negativeAmount"],
    ["PAID", { kind: "regenerate" }, "409 paidIsFinal"],
    ["PAID", { kind: "confirm" }, "409 paidIsFinal"],
    ["PAID", { kind: "dispute", note: "x" }, "409 paidIsFinal"],
    ["PAID", { kind: "reopen" }, "409 paidIsFinal"],
    ["PAID", pay(), "409 paidIsFinal"],
  ])("%s --%o--> %s", (from, event, expected) => {
    const move = nextSettlement(from, event);
    expect(move.ok ? move.to : `${move.status} ${move.reason}`).toBe(expected);
  });

  test.each<[SettlementStatus, boolean]>([
    ["OPEN", true],
    ["DISPUTED", true],
    ["CONFIRMED", false],
    ["PAID", false],
  ])("%s recomputable: %s", (s, expected) => expect(recomputable(s)).toBe(expected));
});
