// Monthly settlements on a real database with the seed's ledger and orders paid and refunded through the real
// paths: statements add up to the ledger's cooperative entries to the fen, a refund after a statement is locked
// lands in the next month as an adjustment (the locked statement never changes), a paid statement is final, and a
// manager reaches only their own cooperative's statements.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { parseMonth, type StatementMonth } from "@/lib/domain/reports";
import { seedDatabase } from "@/lib/seed";
import { checkLedger } from "@/lib/server/ledger/check";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { decideRefund, requestRefund } from "@/lib/server/orders/refunds";
import { settlementStatement } from "@/lib/server/queries/reports";
import { generateSettlements } from "@/lib/server/settlements/generate";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf, type PlacedTestOrder } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let admin: string;
let managerA: { id: string; cooperativeIds: string[] };
let managerB: { id: string; cooperativeIds: string[] };
let coopA: string;
let coopB: string;
let lines: [string, number][];

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const month = (m: string): StatementMonth => parseMonth(m)!;

async function managerOf(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: u.id, cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) };
}

async function paidOrder(when: Date): Promise<PlacedTestOrder> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "settle", when);
  const outcome = await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `S-${o.number}` }, when));
  expect(outcome).toBe("paid");
  return o;
}

async function refundAll(o: PlacedTestOrder, when: Date): Promise<void> {
  expect(await requestRefund(db, { orderId: o.orderId, buyerId: o.buyerId, reason: "质量问题" })).toBe("ok");
  const refund = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId, status: "REQUESTED" }, select: { id: true } });
  expect((await decideRefund(db, null, { refundId: refund.id, decision: "approve", actorId: admin }, when)).kind).toBe("decided");
}

/** Sum of a cooperative's ledger entries in a month, independently of the code under test. */
async function ledgerSum(cooperativeId: string, m: StatementMonth, refunds?: "all" | "none"): Promise<number> {
  const filter = refunds === "all" ? `AND "refundId" IS NOT NULL` : refunds === "none" ? `AND "refundId" IS NULL` : "";
  const [row] = await db.$queryRawUnsafe<{ s: bigint | null }[]>(
    `SELECT SUM("amountFen")::bigint AS s FROM "LedgerEntry" WHERE "cooperativeId" = $1 AND "day" BETWEEN $2::date AND $3::date ${filter}`,
    cooperativeId,
    m.from,
    m.to,
  );
  return Number(row?.s ?? 0);
}

const statementOf = (cooperativeId: string, m: string) =>
  db.settlement.findUniqueOrThrow({ where: { cooperativeId_periodStart: { cooperativeId, periodStart: new Date(`${m}-01T00:00:00.000Z`) } } });

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_settlements");
  db = t.db;
  await seedDatabase(db);
  admin = (await db.user.findUniqueOrThrow({ where: { email: "admin@demo.tangxian.shop" }, select: { id: true } })).id;
  managerA = await managerOf("manager@demo.tangxian.shop");
  managerB = await managerOf("manager2@demo.tangxian.shop");
  coopA = managerA.cooperativeIds[0]!;
  coopB = managerB.cooperativeIds[0]!;
  lines = [
    [await productIdOf(db, "nanhongcheng-sweet-red"), 1],
    [await productIdOf(db, "hongnancheng-hawthorn-canned"), 2],
  ];
  await db.product.updateMany({ where: { id: { in: lines.map(([id]) => id) } }, data: { stock: 100_000 } });
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("generating the seed's statements", () => {
  test("every month's statements sum to the ledger's cooperative entries, per cooperative and in all, to the fen", async () => {
    // The seed has products, cooperatives and households but no paid orders: a month of them, some refunded in the
    // month and some in the next.
    const paid: PlacedTestOrder[] = [];
    for (let day = 1; day <= 28; day += 3) paid.push(await paidOrder(at(`2029-11-${String(day).padStart(2, "0")}T23:30:00`)));
    await refundAll(paid[0]!, at("2029-11-20T08:00:00"));
    await refundAll(paid[1]!, at("2029-12-01T00:10:00"));
    await refundAll(paid[2]!, at("2029-12-31T23:59:00"));
    const months = await db.$queryRaw<{ m: string }[]>`SELECT DISTINCT to_char("day", 'YYYY-MM') AS m FROM "LedgerEntry" ORDER BY 1`;
    expect(months.length).toBeGreaterThan(0);
    const started = performance.now();
    for (const { m } of months) await generateSettlements(db, month(m), admin);
    const ms = performance.now() - started;
    console.log(`generated ${months.length} month(s) of the seed's statements in ${ms.toFixed(0)} ms (${(ms / months.length).toFixed(1)} ms per month)`);
    const statements = await db.settlement.findMany({ select: { cooperativeId: true, periodStart: true, amountFen: true, salesFen: true, refundsFen: true, adjustmentsFen: true } });
    for (const s of statements) {
      const m = month(s.periodStart.toISOString().slice(0, 7));
      expect(s.amountFen).toBe(await ledgerSum(s.cooperativeId, m));
      expect(s.salesFen).toBe(await ledgerSum(s.cooperativeId, m, "none"));
      expect(s.adjustmentsFen - s.refundsFen).toBe(await ledgerSum(s.cooperativeId, m, "all"));
    }
    const [all] = await db.$queryRaw<{ s: bigint }[]>`SELECT COALESCE(SUM("amountFen"), 0)::bigint AS s FROM "LedgerEntry"`;
    expect(statements.reduce((n, s) => n + s.amountFen, 0)).toBe(Number(all?.s));
    // One statement per cooperative with entries in the month, none for the others.
    const [pairs] = await db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(DISTINCT ("cooperativeId", to_char("day", 'YYYY-MM')))::bigint AS n FROM "LedgerEntry"`;
    expect(statements).toHaveLength(Number(pairs?.n));
    // Generating again creates nothing and changes nothing.
    const again = await generateSettlements(db, month(months.at(-1)!.m), admin);
    expect(again.created).toBe(0);
    await expectLedgerReconciled(db);
  }, 120_000);
});

describe("a statement's life", () => {
  let january: PlacedTestOrder;

  test("a refund after the month was confirmed is next month's adjustment; the confirmed statement does not change", async () => {
    january = await paidOrder(at("2030-01-15T10:00:00"));
    const jan = await generateSettlements(db, month("2030-01"), admin);
    expect(jan).toMatchObject({ cooperatives: 2, created: 2, recomputed: 0, locked: 0 });
    const janA = await statementOf(coopA, "2030-01");
    expect(janA).toMatchObject({ status: "OPEN", refundsFen: 0, adjustmentsFen: 0 });
    expect(janA.amountFen).toBe(await ledgerSum(coopA, month("2030-01")));
    expect(await moveSettlement(db, janA.id, { kind: "confirm" }, { actorId: managerA.id, scope: managerA })).toMatchObject({ ok: true, status: "CONFIRMED" });

    // Refunded in February; another order is paid and refunded within February.
    await refundAll(january, at("2030-02-03T09:00:00"));
    await paidOrder(at("2030-02-05T11:00:00"));
    const februaryRefunded = await paidOrder(at("2030-02-06T11:00:00"));
    await refundAll(februaryRefunded, at("2030-02-07T11:00:00"));

    const rerun = await generateSettlements(db, month("2030-01"), admin);
    expect(rerun).toMatchObject({ created: 0, locked: 1, recomputed: 1 }); // A's locked; B's (OPEN) recomputed, unchanged
    expect(await statementOf(coopA, "2030-01")).toEqual({ ...janA, status: "CONFIRMED", confirmedAt: expect.any(Date), confirmedById: managerA.id });

    await generateSettlements(db, month("2030-02"), admin);
    const febA = await statementOf(coopA, "2030-02");
    const feb = month("2030-02");
    // January's sale came back in February: exactly January's sale for A, negative.
    expect(febA.adjustmentsFen).toBe(-janA.salesFen);
    expect(febA.salesFen).toBe(await ledgerSum(coopA, feb, "none"));
    expect(febA.salesFen).toBe(2 * janA.salesFen); // the same lines, twice
    expect(febA.refundsFen).toBe(janA.salesFen); // the order paid and refunded in February
    expect(febA.amountFen).toBe(febA.salesFen - febA.refundsFen + febA.adjustmentsFen);
    expect(febA.amountFen).toBe(await ledgerSum(coopA, feb));

    // The statement page marks the refund of January's order as an adjustment line, and only that one.
    const page = await settlementStatement(db, { cooperativeIds: [coopA], cooperativeId: coopA, month: feb });
    const adjustments = page!.lines.filter((l) => l.adjustment);
    expect(adjustments.length).toBeGreaterThan(0);
    expect(adjustments.every((l) => l.orderNumber === january.number && l.refund)).toBe(true);
    expect(adjustments.reduce((s, l) => s + l.revenueFen, 0)).toBe(febA.adjustmentsFen);
    await expectLedgerReconciled(db);
  }, 60_000);

  test("a manager of another cooperative is refused (404) and nothing is written; dispute → regenerate → confirm", async () => {
    const janB = await statementOf(coopB, "2030-01");
    const janA = await statementOf(coopA, "2030-01");
    for (const request of [{ kind: "confirm" as const }, { kind: "dispute" as const, note: "不是我的" }]) {
      expect(await moveSettlement(db, janB.id, request, { actorId: managerA.id, scope: managerA })).toEqual({ ok: false, status: 404 });
    }
    expect(await moveSettlement(db, "no-such-statement", { kind: "confirm" }, { actorId: managerA.id, scope: managerA })).toEqual({ ok: false, status: 404 });
    expect(await statementOf(coopB, "2030-01")).toEqual(janB);
    expect(await statementOf(coopA, "2030-01")).toEqual(janA);

    expect(await moveSettlement(db, janB.id, { kind: "dispute", note: "  " }, { actorId: managerB.id, scope: managerB })).toEqual({ ok: false, status: 422, reason: "noteRequired" });
    expect(await moveSettlement(db, janB.id, { kind: "dispute", note: "少了一单" }, { actorId: managerB.id, scope: managerB })).toMatchObject({ ok: true, status: "DISPUTED" });
    expect(await statementOf(coopB, "2030-01")).toMatchObject({ status: "DISPUTED", disputeNote: "少了一单" });
    await generateSettlements(db, month("2030-01"), admin);
    expect(await statementOf(coopB, "2030-01")).toMatchObject({ status: "OPEN", disputeNote: "少了一单" });
    expect(await moveSettlement(db, janB.id, { kind: "confirm" }, { actorId: managerB.id, scope: managerB })).toMatchObject({ ok: true, status: "CONFIRMED" });
    await expectLedgerReconciled(db);
  }, 60_000);
  test("paid once: a second payment is 409 and writes nothing; a paid statement refuses every other move", async () => {
    const febA = await statementOf(coopA, "2030-02");
    const now = at("2030-03-05T10:00:00");
    const pay = { kind: "pay" as const, paidOn: "2030-03-04", reference: "ABC-2030-03-04-01" };
    // Not confirmed yet: 409.
    expect(await moveSettlement(db, febA.id, pay, { actorId: admin, scope: "admin" }, now)).toEqual({ ok: false, status: 409, reason: "notConfirmed" });
    expect(await moveSettlement(db, febA.id, { kind: "confirm" }, { actorId: managerA.id, scope: managerA }, now)).toMatchObject({ ok: true });
    // A transfer dated inside the month is refused, 422.
    expect(await moveSettlement(db, febA.id, { ...pay, paidOn: "2030-02-28" }, { actorId: admin, scope: "admin" }, now)).toMatchObject({ ok: false, status: 422 });
    const [first, second] = await Promise.all([
      moveSettlement(db, febA.id, pay, { actorId: admin, scope: "admin" }, now),
      moveSettlement(db, febA.id, { ...pay, reference: "SECOND" }, { actorId: admin, scope: "admin" }, now),
    ]);
    expect([first, second].filter((o) => o.ok)).toHaveLength(1);
    expect([first, second].filter((o) => !o.ok)).toEqual([{ ok: false, status: 409, reason: "paidIsFinal" }]);
    const paid = await statementOf(coopA, "2030-02");
    expect(paid).toMatchObject({ status: "PAID", paidById: admin, amountFen: febA.amountFen });
    expect(paid.paidOn?.toISOString().slice(0, 10)).toBe("2030-03-04");
    const audits = await db.auditLog.count({ where: { entityType: "Settlement", entityId: febA.id } });

    for (const request of [pay, { kind: "confirm" as const }, { kind: "dispute" as const, note: "太少" }, { kind: "reopen" as const }]) {
      const who = request.kind === "pay" || request.kind === "reopen" ? { actorId: admin, scope: "admin" as const } : { actorId: managerA.id, scope: managerA };
      expect(await moveSettlement(db, febA.id, request, who, now)).toEqual({ ok: false, status: 409, reason: "paidIsFinal" });
    }
    // Regenerating leaves it alone, even after a new entry in its month.
    await paidOrder(at("2030-02-20T10:00:00"));
    expect(await generateSettlements(db, month("2030-02"), admin)).toMatchObject({ created: 0, locked: 1 });
    expect(await statementOf(coopA, "2030-02")).toEqual(paid);
    expect(await db.auditLog.count({ where: { entityType: "Settlement", entityId: febA.id } })).toBe(audits);
    // That backdated entry (impossible outside a test: entries are dated the day money moves) is what ledger:check
    // exists to catch: the paid statement no longer matches its month, and it says so, with both figures.
    const { differences } = await checkLedger(db);
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatch(new RegExp(`^settlement ${coopA} 2030-02 \\(PAID\\): expected amount \\d+ .*; stored amount ${paid.amountFen} `));
  }, 60_000);

});
