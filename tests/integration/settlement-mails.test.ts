// The settlement mails on a real database with the seed's cooperatives and orders paid through the real path
// (issue 13): a new statement asks each active manager of its cooperative to confirm it, a dispute tells every active
// admin, a recorded transfer tells the managers; each exactly once, in the reader's language, with the statement's
// figures; none on a recompute, a rerun, a refused move, or for a disabled account.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { parseMonth, type StatementMonth } from "@/lib/domain/reports";
import { seedDatabase } from "@/lib/seed";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG } from "@/lib/seed/cooperatives";
import { env } from "@/lib/server/env";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { generateSettlements } from "@/lib/server/settlements/generate";
import { moveSettlement } from "@/lib/server/settlements/transitions";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";

let t: TestDatabase;
let db: Db;
let grape: string;
let canning: string;
let wine: string;
let hawthorn: string;
let admin: string;
/** Managers: the seed's two (zh-CN), and for the grape cooperative an English-reading one and a disabled one. */
const grapeManagers = { zh: "manager@demo.tangxian.shop", en: "grape-en@test.example", disabled: "grape-off@test.example" };
const canningManager = "manager2@demo.tangxian.shop";
/** Admins: the seed's (zh-CN), an English-reading one and a disabled one. */
const admins = { zh: "admin@demo.tangxian.shop", en: "admin-en@test.example", disabled: "admin-off@test.example" };

const at = (beijing: string) => new Date(`${beijing}+08:00`);
const month = (m: string): StatementMonth => parseMonth(m)!;
/** Yuan as the mails should show them, computed here with Intl rather than by the code under test. */
const yuan = (fen: number, locale: "zh-CN" | "en") =>
  new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol", minimumFractionDigits: 2 }).format(fen / 100);

/** Every settlement mail in the outbox (orders paid here write their own buyer mails, not counted). */
const settlementMails = () => db.mailMessage.count({ where: { kind: { startsWith: "settlement-" } } });
const mails = (kind: string) => db.mailMessage.findMany({ where: { kind }, orderBy: [{ to: "asc" }, { createdAt: "asc" }] });
const statementOf = (cooperativeId: string, m: string) =>
  db.settlement.findUniqueOrThrow({ where: { cooperativeId_periodStart: { cooperativeId, periodStart: new Date(`${m}-01T00:00:00.000Z`) } } });
const managerScope = async (email: string) => {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, cooperatives: { select: { cooperativeId: true } } } });
  return { actorId: u.id, scope: { cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) } };
};
const asAdmin = () => ({ actorId: admin, scope: "admin" as const });

/** Sum of a cooperative's ledger entries in a month, independently of the code under test. */
async function ledgerSum(cooperativeId: string, m: StatementMonth): Promise<number> {
  const [row] = await db.$queryRaw<{ s: bigint | null }[]>`
    SELECT SUM("amountFen")::bigint AS s FROM "LedgerEntry" WHERE "cooperativeId" = ${cooperativeId} AND "day" BETWEEN ${m.from}::date AND ${m.to}::date`;
  return Number(row?.s ?? 0);
}

async function paidOrder(when: Date, lines: [string, number][]): Promise<void> {
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "settle-mail", when);
  expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: `S-${o.number}` }, when))).toBe("paid");
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_settlement_mails");
  db = t.db;
  await seedDatabase(db);
  grape = (await db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG } })).id;
  canning = (await db.cooperative.findUniqueOrThrow({ where: { slug: CANNING_COOPERATIVE_SLUG } })).id;
  wine = await productIdOf(db, "nanhongcheng-sweet-red");
  hawthorn = await productIdOf(db, "hongnancheng-hawthorn-canned");
  await db.product.updateMany({ where: { id: { in: [wine, hawthorn] } }, data: { stock: 100_000 } });
  admin = (await db.user.findUniqueOrThrow({ where: { email: admins.zh }, select: { id: true } })).id;
  for (const [email, locale, disabledAt] of [
    [grapeManagers.en, "en", null],
    [grapeManagers.disabled, "zh-CN", new Date()],
  ] as const) {
    await db.user.create({ data: { email, locale, role: "MANAGER", disabledAt, cooperatives: { create: { cooperativeId: grape } } } });
  }
  await db.user.create({ data: { email: admins.en, locale: "en", role: "ADMIN" } });
  await db.user.create({ data: { email: admins.disabled, locale: "zh-CN", role: "ADMIN", disabledAt: new Date() } });
  // Both cooperatives sell in January 2030; only the grape one in February.
  await paidOrder(at("2030-01-10T10:00:00"), [
    [wine, 2],
    [hawthorn, 3],
  ]);
  await paidOrder(at("2030-02-10T10:00:00"), [[wine, 1]]);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("a statement drawn up", () => {
  test("each active manager of its cooperative gets one mail, in their language, with the month, amount and link", async () => {
    expect(await generateSettlements(db, month("2030-01"), admin)).toMatchObject({ created: 2 });
    const sent = await mails("settlement-generated");
    expect(sent.map((m) => m.to)).toEqual([grapeManagers.en, canningManager, grapeManagers.zh].sort());

    const grapeFen = await ledgerSum(grape, month("2030-01"));
    const canningFen = await ledgerSum(canning, month("2030-01"));
    expect(grapeFen).toBeGreaterThan(0);
    const jan = await statementOf(grape, "2030-01");
    const zh = sent.find((m) => m.to === grapeManagers.zh)!;
    expect(zh.dedupeKey).toBe(`settlementGenerated:${jan.id}:${(await managerScope(grapeManagers.zh)).actorId}`);
    const names = await db.cooperative.findUniqueOrThrow({ where: { id: grape } });
    expect(zh.subject).toBe(`唐县好物：${names.nameZh}2030年1月结算单待确认`);
    expect(zh.text).toContain(`2030年1月的结算单已生成，平台应付 ${yuan(grapeFen, "zh-CN")}。`);
    expect(zh.text).toContain(`${env.SITE_URL}/coop/statements/2030-01?cooperative=${grape}`);
    const en = sent.find((m) => m.to === grapeManagers.en)!;
    expect(en.subject).toBe(`Tang County Market: ${names.nameEn}'s January 2030 statement is ready to confirm`);
    expect(en.text).toContain(`the platform owes ${yuan(grapeFen, "en")}.`);
    expect(en.text).toContain(`${env.SITE_URL}/coop/statements/2030-01?cooperative=${grape}`);
    const other = sent.find((m) => m.to === canningManager)!;
    expect(other.text).toContain(yuan(canningFen, "zh-CN"));
    expect(other.text).toContain(`/coop/statements/2030-01?cooperative=${canning}`);
  });

  test("a rerun, a recompute with changed figures and two runs at once write no second mail", async () => {
    const before = await settlementMails();
    expect(await generateSettlements(db, month("2030-01"), admin)).toMatchObject({ created: 0, recomputed: 2 });
    // A new sale in January: the OPEN statements are recomputed, not drawn up again.
    await paidOrder(at("2030-01-20T10:00:00"), [[wine, 1]]);
    expect(await generateSettlements(db, month("2030-01"), admin)).toMatchObject({ created: 0, recomputed: 2 });
    expect((await statementOf(grape, "2030-01")).amountFen).toBe(await ledgerSum(grape, month("2030-01")));
    expect(await settlementMails()).toBe(before);

    // February, generated by two processes at once: one statement (grape), one mail per active manager.
    const runs = await Promise.all([generateSettlements(db, month("2030-02"), null), generateSettlements(db, month("2030-02"), null)]);
    expect(runs.map((r) => r.created).sort()).toEqual([0, 1]);
    const feb = await statementOf(grape, "2030-02");
    const febMails = (await mails("settlement-generated")).filter((m) => m.dedupeKey?.startsWith(`settlementGenerated:${feb.id}:`));
    expect(febMails.map((m) => m.to).sort()).toEqual([grapeManagers.en, grapeManagers.zh].sort());
    expect(await settlementMails()).toBe(before + 2);
  });
});

describe("a dispute", () => {
  test("every active admin gets one mail with the cooperative, month, amount and note; refused moves write none", async () => {
    const jan = await statementOf(canning, "2030-01");
    const manager = await managerScope(canningManager);
    const before = await settlementMails();
    // Refused: an empty note (422), another cooperative's manager (404).
    expect(await moveSettlement(db, jan.id, { kind: "dispute", note: "  " }, manager)).toEqual({ ok: false, status: 422, reason: "noteRequired" });
    expect(await moveSettlement(db, jan.id, { kind: "dispute", note: "不是我的" }, await managerScope(grapeManagers.zh))).toEqual({ ok: false, status: 404 });
    expect(await settlementMails()).toBe(before);

    expect(await moveSettlement(db, jan.id, { kind: "dispute", note: "  少了 1 月 28 日的一单  " }, manager)).toMatchObject({ ok: true, status: "DISPUTED" });
    // The same dispute again (a double submit): 409, nothing more.
    expect(await moveSettlement(db, jan.id, { kind: "dispute", note: "少了 1 月 28 日的一单" }, manager)).toEqual({ ok: false, status: 409, reason: "notOpen" });

    const sent = await mails("settlement-disputed");
    expect(sent.map((m) => m.to)).toEqual([admins.zh, admins.en].sort());
    expect(await settlementMails()).toBe(before + 2);
    const cooperative = await db.cooperative.findUniqueOrThrow({ where: { id: canning } });
    const zh = sent.find((m) => m.to === admins.zh)!;
    expect(zh.subject).toBe(`唐县好物：${cooperative.nameZh}对2030年1月结算单提出异议`);
    expect(zh.text).toContain(`（平台应付 ${yuan(jan.amountFen, "zh-CN")}）`);
    expect(zh.text).toContain("异议说明：少了 1 月 28 日的一单\n");
    expect(zh.text).toContain(`${env.SITE_URL}/admin/settlements?month=2030-01`);
    const en = sent.find((m) => m.to === admins.en)!;
    expect(en.subject).toBe(`Tang County Market: ${cooperative.nameEn} disputes its January 2030 statement`);
    expect(en.text).toContain(`(the platform owes ${yuan(jan.amountFen, "en")})`);
    expect(en.text).toContain("Their note: 少了 1 月 28 日的一单\n");
  });

  test("a dispute answered (reopened by the admin or by a recompute) asks the managers again, once per dispute; the admins hear of each dispute", async () => {
    const jan = await statementOf(canning, "2030-01");
    const manager = await managerScope(canningManager);
    const cooperative = await db.cooperative.findUniqueOrThrow({ where: { id: canning } });
    expect(await moveSettlement(db, jan.id, { kind: "reopen" }, asAdmin())).toMatchObject({ ok: true, status: "OPEN" });
    // Reopening again: 409, nothing more.
    expect(await moveSettlement(db, jan.id, { kind: "reopen" }, asAdmin())).toEqual({ ok: false, status: 409, reason: "notDisputed" });
    const reopened = await mails("settlement-reopened");
    expect(reopened.map((m) => m.to)).toEqual([canningManager]);
    expect(reopened[0]!.subject).toBe(`唐县好物：${cooperative.nameZh}2030年1月结算单已重新打开`);
    expect(reopened[0]!.text).toContain(`平台应付 ${yuan(jan.amountFen, "zh-CN")}。`);
    expect(reopened[0]!.text).toContain("原异议说明：少了 1 月 28 日的一单");
    expect(reopened[0]!.text).toContain(`${env.SITE_URL}/coop/statements/2030-01?cooperative=${canning}`);
    expect(await mails("settlement-disputed")).toHaveLength(2);

    // Disputed again: the admins are told of the new note.
    expect(await moveSettlement(db, jan.id, { kind: "dispute", note: "运费算错了" }, manager)).toMatchObject({ ok: true, status: "DISPUTED" });
    const disputed = await mails("settlement-disputed");
    expect(disputed).toHaveLength(4);
    expect(disputed.filter((m) => m.text.includes("运费算错了")).map((m) => m.to)).toEqual([admins.zh, admins.en].sort());

    // This time a recompute answers it (DISPUTED → OPEN): the manager is asked again, once, however often it runs.
    const before = await settlementMails();
    await Promise.all([generateSettlements(db, month("2030-01"), admin), generateSettlements(db, month("2030-01"), null)]);
    await generateSettlements(db, month("2030-01"), admin);
    expect(await statementOf(canning, "2030-01")).toMatchObject({ status: "OPEN" });
    const again = await mails("settlement-reopened");
    expect(again.map((m) => m.to)).toEqual([canningManager, canningManager]);
    expect(again[1]!.text).toContain("原异议说明：运费算错了");
    expect(await settlementMails()).toBe(before + 1);
  });
});

describe("a transfer recorded", () => {
  test("the managers get one mail with the amount, transfer date and reference; refused and repeated payments write none", async () => {
    const jan = await statementOf(grape, "2030-01");
    const now = at("2030-02-05T10:00:00");
    const pay = { kind: "pay" as const, paidOn: "2030-02-03", reference: "BOC-20300203-0042" };
    const before = await settlementMails();
    // Not confirmed yet: 409, no mail.
    expect(await moveSettlement(db, jan.id, pay, asAdmin(), now)).toEqual({ ok: false, status: 409, reason: "notConfirmed" });
    // Confirming mails nobody.
    expect(await moveSettlement(db, jan.id, { kind: "confirm" }, await managerScope(grapeManagers.zh), now)).toMatchObject({ ok: true, status: "CONFIRMED" });
    // A transfer dated in the future: 422, no mail.
    expect(await moveSettlement(db, jan.id, { ...pay, paidOn: "2030-02-06" }, asAdmin(), now)).toMatchObject({ ok: false, status: 422 });
    expect(await settlementMails()).toBe(before);

    // Two admins record it at once: one is paid, the other 409; one mail per active manager.
    const outcomes = await Promise.all([moveSettlement(db, jan.id, pay, asAdmin(), now), moveSettlement(db, jan.id, { ...pay, reference: "SECOND" }, asAdmin(), now)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const paid = await statementOf(grape, "2030-01");
    expect(await moveSettlement(db, jan.id, pay, asAdmin(), now)).toEqual({ ok: false, status: 409, reason: "paidIsFinal" });

    const sent = await mails("settlement-paid");
    expect(sent.map((m) => m.to)).toEqual([grapeManagers.en, grapeManagers.zh].sort());
    expect(await settlementMails()).toBe(before + 2);
    const cooperative = await db.cooperative.findUniqueOrThrow({ where: { id: grape } });
    const zh = sent.find((m) => m.to === grapeManagers.zh)!;
    expect(zh.subject).toBe(`唐县好物：${cooperative.nameZh}2030年1月结算款已转账`);
    expect(zh.text).toContain(`平台已于 2030年2月3日向${cooperative.nameZh}转账 ${yuan(jan.amountFen, "zh-CN")}，为2030年1月的结算款。`);
    expect(zh.text).toContain(`银行流水号：${paid.reference}`);
    expect(zh.text).toContain(`${env.SITE_URL}/coop/statements/2030-01?cooperative=${grape}`);
    const en = sent.find((m) => m.to === grapeManagers.en)!;
    expect(en.text).toContain(`The platform transferred ${yuan(jan.amountFen, "en")} to ${cooperative.nameEn} on February 3, 2030, settling January 2030.`);
    expect(en.text).toContain(`Bank reference: ${paid.reference}`);
    expect(["BOC-20300203-0042", "SECOND"]).toContain(paid.reference);
  });
});
