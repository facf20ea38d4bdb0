// Issue 15, the organisation core on real PostgreSQL with the demo seed (the forms' input rules are unit-tested in
// tests/unit/org-validation.test.ts): a credit code registered twice, invites (single use, expiry, the right email, one organisation per person), the last admin kept, another
// organisation's ids refused with nothing written, the reserved share and the year-end statement against
// independent SQL sums over orders paid and refunded on both sides of a Beijing new year, and the admins' progress
// list over 1,000 organisations (timed once, printed, not asserted).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { reservedShareTarget } from "@/lib/domain/reserved-share";
import { translator } from "@/lib/i18n/translate";
import { membersWithRole } from "@/lib/server/orgs/member-roles";
import { SAMPLE_ORGANISATION, seedDatabase } from "@/lib/seed";
import { organisationSchema } from "@/lib/validation/org";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { expectLedgerReconciled } from "../helpers/ledger";
import { placeTestOrder, productIdOf } from "../helpers/orders";

const shared = vi.hoisted((): { db: unknown } => ({ db: null }));
vi.mock("@/lib/server/db", () => ({ db: new Proxy({}, { get: (_t, prop) => Reflect.get(shared.db as object, prop) as unknown }) }));

const { createOrganisation, updateOrganisation, saveOrganisationYear, getOrganisation } = await import("@/lib/server/orgs/organisations");
const { inviteMember, readOrgInvite, acceptOrgInvite, changeMemberRoles, removeMember, listMembers } = await import("@/lib/server/orgs/members");
const { reservedShareOf, yearStatement, boughtFrom } = await import("@/lib/server/orgs/reserved-share");
const { organisationsProgress } = await import("@/lib/server/orgs/progress-list");
const { membershipOf, orgReply } = await import("@/lib/server/orgs/scope");
const { markOrderPaid } = await import("@/lib/server/orders/lifecycle");
const { recordRefund } = await import("@/lib/server/orders/refunds");
const { INVITE_TTL_MS } = await import("@/lib/server/people/invites");

let t: TestDatabase;
let db: Db;
let platformAdmin: { id: string; platformAdmin: true };
const t_zh = translator("zh-CN");

beforeAll(async () => {
  t = await createTestDatabase("shop_orgs");
  db = t.db;
  shared.db = db;
  await seedDatabase(db, { sampleOrders: true });
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.tangxian.shop" }, select: { id: true } });
  platformAdmin = { id: admin.id, platformAdmin: true };
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

// A valid credit code for test organisation n: a union (81) in Chaoyang with a body from n and its check character.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n: number): string {
  const body = `81110105MA${String(n).padStart(7, "0")}`;
  const sum = [...body].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}

let orgSeq = 100;
const profile = (overrides: Record<string, string> = {}) => {
  const n = ++orgSeq;
  return { kind: "UNION", name: `测试工会 ${n}`, creditCode: creditCode(n), invoiceTitle: `测试工会 ${n}`, taxId: "", address: "朝阳区示例路 1 号", district: "chaoyang", approvalThreshold: "5000", approvalWindowHours: "48", beijingOnlyDelivery: "on", ...overrides };
};

async function newOrganisation(overrides: Record<string, string> = {}) {
  const input = organisationSchema.parse(profile(overrides));
  const made = await createOrganisation(db, platformAdmin.id, input);
  if (!made.ok) throw new Error(made.key);
  return made.organisationId;
}

let userSeq = 0;
async function newUser(tag = "member") {
  const email = `${tag}-${++userSeq}-${Date.now()}@example.test`;
  const u = await db.user.create({ data: { email }, select: { id: true, email: true } });
  return { ...u, actor: { id: u.id, platformAdmin: false } };
}

const invite = (organisationId: string, email: string, roles: ("PURCHASER" | "APPROVER" | "FINANCE" | "ORG_ADMIN")[], actor: { id: string; platformAdmin: boolean } = platformAdmin, now?: Date) =>
  inviteMember(db, actor, { organisationId, email, roles, t: t_zh, locale: "zh-CN", url: (token) => `https://shop.example/org/invite/${token}`, now });

/** An organisation with an ORG_ADMIN who joined through an invite; returns both. */
async function organisationWithAdmin() {
  const organisationId = await newOrganisation();
  const admin = await newUser("orgadmin");
  const sent = await invite(organisationId, admin.email, ["ORG_ADMIN", "PURCHASER"]);
  if (!sent.ok) throw new Error(sent.key);
  const joined = await acceptOrgInvite(db, { token: sent.token, userId: admin.id });
  if (!joined.ok) throw new Error(joined.key);
  const member = await db.organisationMember.findUniqueOrThrow({ where: { userId: admin.id }, select: { id: true } });
  return { organisationId, admin, memberId: member.id };
}

/** Rows that a refused write must leave as they were. */
const snapshot = async () => ({
  organisations: await db.organisation.findMany({ orderBy: { id: "asc" } }),
  members: await db.organisationMember.findMany({ orderBy: { id: "asc" } }),
  invites: await db.organisationInvite.findMany({ orderBy: { id: "asc" } }),
  years: await db.organisationYear.findMany({ orderBy: { id: "asc" } }),
  audits: await db.auditLog.count({ where: { action: { startsWith: "organisation." } } }),
  mails: await db.mailMessage.count(),
});

describe("the seed's institutional demo", () => {
  test("union@demo is admin, purchaser and finance of the sample union, with this year's 30% and paid orders in the ledger", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: SAMPLE_ORGANISATION.adminEmail }, select: { id: true } });
    const member = await membershipOf(db, user.id);
    expect(member?.roles).toEqual(["PURCHASER", "FINANCE", "ORG_ADMIN"]);
    expect(member?.organisation.kind).toBe("UNION");
    const organisationId = member!.organisationId;
    expect(organisationSchema.shape.creditCode.safeParse(SAMPLE_ORGANISATION.creditCode).success).toBe(true);
    const year = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
    const progress = await reservedShareOf(db, { organisationId }, year);
    const orders = await db.order.findMany({ where: { organisationId }, select: { itemsFen: true, status: true, paidAt: true } });
    expect(orders.length).toBe(SAMPLE_ORGANISATION.orders.length);
    expect(orders.every((o) => o.status === "DELIVERED" && o.paidAt)).toBe(true);
    expect(progress).toMatchObject({ recorded: true, percentBp: 3000, targetFen: 6_000_000, paidFen: orders.reduce((s, o) => s + o.itemsFen, 0), refundedFen: 0 });
    expect(progress.countedFen).toBeGreaterThan(0);
    const bought = await boughtFrom(db, { organisationId }, year);
    expect(bought.products.length).toBeGreaterThanOrEqual(4);
    expect(bought.villages.reduce((s, v) => s + v.amountFen, 0)).toBe(progress.countedFen);
    // The seed wrote the ledger and its rollups as the writer would have: ledger:check finds nothing.
    await expectLedgerReconciled(db);
  });
});

describe("profiles", () => {
  test("a credit code already registered is refused and nothing is written; the refusal reads as a translated ActionState", async () => {
    const input = organisationSchema.parse(profile());
    expect((await createOrganisation(db, platformAdmin.id, input)).ok).toBe(true);
    const before = await snapshot();
    const again = await createOrganisation(db, platformAdmin.id, { ...input, name: "另一个名字" });
    expect(again).toMatchObject({ ok: false, status: 409, key: "org.errors.creditCodeTaken", field: "creditCode" });
    expect(await snapshot()).toEqual(before);
    expect(orgReply(t_zh, again, "ok")).toEqual({ ok: false, status: 409, message: t_zh("org.errors.creditCodeTaken"), fieldErrors: { creditCode: t_zh("org.errors.creditCodeTaken") } });
  });

  test("the organisation's admin edits its profile and year; the national floor is refused, Beijing's 30% only warned", async () => {
    const { organisationId, admin } = await organisationWithAdmin();
    const input = organisationSchema.parse(profile({ name: "改过名的工会", approvalWindowHours: "72" }));
    expect(await updateOrganisation(db, admin.actor, { ...input, organisationId })).toEqual({ ok: true });
    expect(await getOrganisation(db, { organisationId })).toMatchObject({ name: "改过名的工会", approvalWindowHours: 72, approvalThresholdFen: 500_000, taxId: input.creditCode });
    expect(await saveOrganisationYear(db, admin.actor, { organisationId, year: 2026, budgetFen: 10_000_000, percentBp: 2000 })).toEqual({ ok: true, warnings: ["percentBelowBeijingTarget"] });
    const before = await snapshot();
    expect(await saveOrganisationYear(db, admin.actor, { organisationId, year: 2026, budgetFen: 10_000_000, percentBp: 900 })).toMatchObject({ ok: false, status: 400, key: "org.reservedShare.problems.percentBelowNationalFloor" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("invites", () => {
  test("an invite is mailed, works once, only for its email, and not after it expires", async () => {
    const { organisationId, admin } = await organisationWithAdmin();
    const person = await newUser();
    const mailsBefore = await db.mailMessage.count({ where: { to: person.email } });
    const sent = await invite(organisationId, person.email, ["FINANCE", "PURCHASER"], admin.actor);
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: person.email, kind: "organisation-invite" }, orderBy: { createdAt: "desc" } });
    expect(await db.mailMessage.count({ where: { to: person.email } })).toBe(mailsBefore + 1);
    const name = (await getOrganisation(db, { organisationId }))!.name;
    expect(mail.subject).toContain(name);
    expect(mail.text).toContain(`https://shop.example/org/invite/${sent.token}`);
    expect(mail.text).toContain("采购员");
    expect(await db.organisationInvite.findUniqueOrThrow({ where: { id: sent.inviteId }, select: { tokenHash: true } })).not.toEqual({ tokenHash: sent.token });
    expect(await readOrgInvite(db, sent.token)).toMatchObject({ state: "ok", email: person.email, roles: ["PURCHASER", "FINANCE"] });

    // Someone else signed in opens the link: refused, and the link still works for the right person.
    const stranger = await newUser("stranger");
    const before = await snapshot();
    expect(await acceptOrgInvite(db, { token: sent.token, userId: stranger.id })).toMatchObject({ ok: false, status: 403, key: "org.invite.wrongEmail" });
    expect(await snapshot()).toEqual(before);

    // Two tabs accept at once: one membership.
    const both = await Promise.all([acceptOrgInvite(db, { token: sent.token, userId: person.id }), acceptOrgInvite(db, { token: sent.token, userId: person.id })]);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
    expect(both.find((o) => !o.ok)).toMatchObject({ status: 410, key: "org.invite.used" });
    expect(await membershipOf(db, person.id)).toMatchObject({ organisationId, roles: ["PURCHASER", "FINANCE"] });
    expect(await readOrgInvite(db, sent.token)).toEqual({ state: "used" });

    // Expired: refused with nothing written.
    const late = await newUser();
    const old = await invite(organisationId, late.email, ["PURCHASER"], admin.actor, new Date(Date.now() - INVITE_TTL_MS - 60_000));
    if (!old.ok) throw new Error(old.key);
    expect(await readOrgInvite(db, old.token)).toEqual({ state: "expired" });
    const beforeExpired = await snapshot();
    expect(await acceptOrgInvite(db, { token: old.token, userId: late.id })).toMatchObject({ ok: false, status: 410, key: "org.invite.expired", vars: { hours: 72 } });
    expect(await snapshot()).toEqual(beforeExpired);
    expect(await acceptOrgInvite(db, { token: "x".repeat(43), userId: late.id })).toMatchObject({ ok: false, status: 410, key: "org.invite.invalid" });
  });

  test("a person already in an organisation is refused: at the invite, and at the link if they joined another since", async () => {
    const a = await organisationWithAdmin();
    const b = await organisationWithAdmin();
    // At the invite: already here, or in another.
    const before = await snapshot();
    expect(await invite(a.organisationId, a.admin.email, ["FINANCE"], a.admin.actor)).toMatchObject({ ok: false, status: 409, key: "org.errors.alreadyMember" });
    expect(await invite(a.organisationId, b.admin.email, ["FINANCE"], a.admin.actor)).toMatchObject({ ok: false, status: 409, key: "org.errors.memberOfAnother" });
    expect(await snapshot()).toEqual(before);

    // Invited by both; joins B first; A's link is refused and left unused.
    const person = await newUser();
    const fromA = await invite(a.organisationId, person.email, ["PURCHASER"], a.admin.actor);
    const fromB = await invite(b.organisationId, person.email, ["PURCHASER"], b.admin.actor);
    if (!fromA.ok || !fromB.ok) throw new Error("invite refused");
    expect((await acceptOrgInvite(db, { token: fromB.token, userId: person.id })).ok).toBe(true);
    const beforeA = await snapshot();
    expect(await acceptOrgInvite(db, { token: fromA.token, userId: person.id })).toMatchObject({ ok: false, status: 409, key: "org.invite.memberOfAnother" });
    expect(await snapshot()).toEqual(beforeA);
    expect(await readOrgInvite(db, fromA.token)).toMatchObject({ state: "ok" });
    expect(await membershipOf(db, person.id)).toMatchObject({ organisationId: b.organisationId });
  });
});

describe("members and roles", () => {
  test("the last ORG_ADMIN can be neither removed nor demoted; with two, demoting each other at once leaves one", async () => {
    const { organisationId, admin, memberId } = await organisationWithAdmin();
    const before = await snapshot();
    expect(await removeMember(db, admin.actor, { organisationId, memberId })).toMatchObject({ ok: false, status: 409, key: "org.errors.lastAdmin" });
    expect(await removeMember(db, platformAdmin, { organisationId, memberId })).toMatchObject({ ok: false, key: "org.errors.lastAdmin" });
    expect(await changeMemberRoles(db, admin.actor, { organisationId, memberId, roles: ["PURCHASER"] })).toMatchObject({ ok: false, key: "org.errors.lastAdmin" });
    expect(await snapshot()).toEqual(before);

    const second = await newUser("second");
    const sent = await invite(organisationId, second.email, ["ORG_ADMIN"], admin.actor);
    if (!sent.ok) throw new Error(sent.key);
    expect((await acceptOrgInvite(db, { token: sent.token, userId: second.id })).ok).toBe(true);
    const secondId = (await membershipOf(db, second.id))!.id;
    const outcomes = await Promise.all([
      changeMemberRoles(db, admin.actor, { organisationId, memberId: secondId, roles: ["FINANCE"] }),
      changeMemberRoles(db, second.actor, { organisationId, memberId, roles: ["FINANCE"] }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect((await membersWithRole(db, organisationId, "ORG_ADMIN")).length).toBe(1);

    // A member without ORG_ADMIN cannot change anyone, but may leave.
    const { members } = await listMembers(db, { organisationId });
    const plain = members.find((m) => !m.roles.includes("ORG_ADMIN"))!;
    const stillAdmin = members.find((m) => m.roles.includes("ORG_ADMIN"))!;
    const plainActor = { id: plain.user.id, platformAdmin: false };
    expect(await changeMemberRoles(db, plainActor, { organisationId, memberId: stillAdmin.id, roles: ["PURCHASER"] })).toMatchObject({ ok: false, status: 403 });
    expect(await removeMember(db, plainActor, { organisationId, memberId: plain.id })).toEqual({ ok: true });
    expect(await membershipOf(db, plain.user.id)).toBeNull();
    expect(await db.user.count({ where: { id: plain.user.id } })).toBe(1);
  });

  test("another organisation's ids are refused (404) and nothing is written", async () => {
    const a = await organisationWithAdmin();
    const b = await organisationWithAdmin();
    const outsider = await newUser("outsider");
    const before = await snapshot();
    const bProfile = { ...organisationSchema.parse(profile()), organisationId: b.organisationId };
    for (const actor of [a.admin.actor, outsider.actor]) {
      expect(await updateOrganisation(db, actor, bProfile)).toMatchObject({ ok: false, status: 404 });
      expect(await saveOrganisationYear(db, actor, { organisationId: b.organisationId, year: 2026, budgetFen: 1_000_000, percentBp: 3000 })).toMatchObject({ ok: false, status: 404 });
      expect(await invite(b.organisationId, "new@example.test", ["PURCHASER"], actor)).toMatchObject({ ok: false, status: 404 });
      expect(await changeMemberRoles(db, actor, { organisationId: b.organisationId, memberId: b.memberId, roles: ["ORG_ADMIN", "FINANCE"] })).toMatchObject({ ok: false, status: 404 });
      expect(await removeMember(db, actor, { organisationId: b.organisationId, memberId: b.memberId })).toMatchObject({ ok: false, status: 404 });
    }
    // A's admin naming B's member under A's own id: that member is not A's.
    expect(await changeMemberRoles(db, a.admin.actor, { organisationId: a.organisationId, memberId: b.memberId, roles: ["FINANCE"] })).toMatchObject({ ok: false, status: 404, key: "org.errors.memberNotFound" });
    expect(await removeMember(db, a.admin.actor, { organisationId: a.organisationId, memberId: b.memberId })).toMatchObject({ ok: false, status: 404, key: "org.errors.memberNotFound" });
    expect(await updateOrganisation(db, a.admin.actor, { ...organisationSchema.parse(profile()), organisationId: "no-such-organisation" })).toMatchObject({ ok: false, status: 404 });
    expect(await snapshot()).toEqual(before);
  });
});

// ───────────── Reserved share and statement against independent sums, across a Beijing new year ─────────────

describe("reserved share and the year-end statement", () => {
  // Instants around Beijing's 2026→2027 midnight (2026-12-31T16:00Z), and well inside each year.
  const PAID = ["2026-03-10T02:00:00Z", "2026-12-20T02:00:00Z", "2026-12-31T15:30:00Z", "2026-12-31T15:59:59Z", "2026-12-31T16:00:00Z", "2026-12-31T16:10:00Z", "2027-02-01T02:00:00Z"];
  const REFUND_AT = ["2026-12-31T15:45:00Z", "2026-12-31T16:05:00Z", "2027-01-08T02:00:00Z", "2027-03-01T02:00:00Z"];
  let organisations: string[] = [];

  beforeAll(async () => {
    const products = await Promise.all(["tangxian-yellow-millet", "taihang-jujubes", "tangxian-millet-trial-pack"].map((slug) => productIdOf(db, slug)));
    const admin = platformAdmin.id;
    organisations = [await newOrganisation(), await newOrganisation()];
    let k = 0;
    for (const organisationId of organisations) {
      for (const [i, iso] of PAID.entries()) {
        const at = new Date(iso);
        // Small orders pay shipping (so a partial refund's goods part is rounded), larger ones do not.
        const lines: [string, number][] = i % 2 === 0 ? [[products[2]!, 1 + (i % 3)]] : [[products[0]!, 2 + i], [products[1]!, 1]];
        const o = await placeTestOrder(db, "BANK_TRANSFER", lines, "orgshare", new Date(at.getTime() - 3_600_000));
        await db.order.update({ where: { id: o.orderId }, data: { organisationId } });
        expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: "ref", confirmedById: admin }, at))).toBe("paid");
        // Every other order has one refund, some whole and some in part, on either side of the new year.
        if ((i + k) % 2 === 0) {
          const refundAt = new Date(Math.max(at.getTime() + 60_000, new Date(REFUND_AT[(i + k) % REFUND_AT.length]!).getTime()));
          const amount = i % 3 === 0 ? o.totalFen : Math.max(1, Math.floor(o.totalFen / 3));
          await db.$transaction((tx) => recordRefund(tx, { orderId: o.orderId, addFen: amount }, refundAt));
        }
      }
      k++;
    }
    await db.organisationYear.createMany({ data: organisations.flatMap((organisationId, i) => [2026, 2027].map((year) => ({ organisationId, year, canteenBudgetFen: BigInt(1_000_000 + i * 77_777), reservedPercentBp: 3000 }))) });
  }, 120_000);

  /** Independent of the ledger: goods paid by Order.paidAt, and each refund row's goods part by its succeededAt, per Beijing year. */
  async function independent(organisationId: string, year: number) {
    const [row] = await db.$queryRaw<{ paid: bigint | null; refunded: bigint | null }[]>`
      SELECT
        (SELECT SUM(o."itemsFen") FROM "Order" o
          WHERE o."organisationId" = ${organisationId} AND o."paidAt" IS NOT NULL
            AND EXTRACT(YEAR FROM (o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = ${year})::bigint AS "paid",
        (SELECT SUM(CASE WHEN r."amountFen" >= o."totalFen" THEN o."itemsFen" ELSE (r."amountFen"::bigint * o."itemsFen") / o."totalFen" END)
          FROM "Refund" r JOIN "Order" o ON o."id" = r."orderId"
          WHERE o."organisationId" = ${organisationId} AND r."recorded" AND r."status" IN ('APPROVED', 'SUCCEEDED')
            AND EXTRACT(YEAR FROM (r."succeededAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = ${year})::bigint AS "refunded"`;
    return { paid: Number(row?.paid ?? 0n), refunded: Number(row?.refunded ?? 0n) };
  }

  test("progress, by month and year, equals the independent sums; refunds count in the Beijing year they were made", async () => {
    for (const organisationId of organisations) {
      for (const year of [2026, 2027]) {
        const p = await reservedShareOf(db, { organisationId }, year);
        const sums = await independent(organisationId, year);
        expect({ year, paid: p.paidFen, refunded: p.refundedFen }).toEqual({ year, paid: sums.paid, refunded: sums.refunded });
        expect(p.countedFen).toBe(sums.paid - sums.refunded);
        // And against the whole ledger of the organisation's orders by Beijing day: payments and reversals alike.
        const [ledger] = await db.$queryRaw<{ net: bigint | null }[]>`
          SELECT SUM(l."amountFen")::bigint AS net FROM "LedgerEntry" l JOIN "Order" o ON o."id" = l."orderId"
          WHERE o."organisationId" = ${organisationId} AND EXTRACT(YEAR FROM l."day") = ${year}`;
        expect(p.countedFen).toBe(Number(ledger?.net ?? 0n));
        expect(p.targetFen).toBe(reservedShareTarget(Number((await db.organisationYear.findUniqueOrThrow({ where: { organisationId_year: { organisationId, year } } })).canteenBudgetFen), 3000));
        expect(p.months.reduce((s, m) => s + m.netFen, 0)).toBe(p.countedFen);
        expect(p.months.at(-1)!.cumulativeFen).toBe(p.countedFen);
      }
      // December 2026 and January 2027 both hold money: the boundary cases landed on their own side.
      expect((await reservedShareOf(db, { organisationId }, 2026)).months[11]!.paidFen).toBeGreaterThan(0);
      expect((await reservedShareOf(db, { organisationId }, 2027)).months[0]!.paidFen).toBeGreaterThan(0);
    }
    // Some refund crossed the year: paid in 2026, refunded in 2027.
    const crossed = await db.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM "Refund" r JOIN "Order" o ON o."id" = r."orderId"
      WHERE o."organisationId" = ANY(${organisations}) AND r."recorded"
        AND EXTRACT(YEAR FROM (o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = 2026
        AND EXTRACT(YEAR FROM (r."succeededAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = 2027`;
    expect(crossed[0]!.n).toBeGreaterThan(0);
  });

  test("the statement lists each payment and refund with its Beijing date and sums to the progress; other organisations see none of it", async () => {
    const [organisationId] = organisations as [string];
    for (const year of [2026, 2027]) {
      const statement = (await yearStatement(db, { organisationId }, year))!;
      expect(statement.rows.reduce((s, r) => s + r.amountFen, 0)).toBe(statement.totalFen);
      expect(statement.rows.every((r) => r.invoiceNumber === null && r.date.startsWith(String(year)))).toBe(true);
      // Each payment row is its order's goods on the Beijing day of paidAt.
      const expected = await db.$queryRaw<{ number: string; date: string; amount: number }[]>`
        SELECT o."number", to_char((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "date", o."itemsFen" AS "amount"
        FROM "Order" o WHERE o."organisationId" = ${organisationId} AND o."paidAt" IS NOT NULL
          AND EXTRACT(YEAR FROM (o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai') = ${year}
        ORDER BY 2, 1`;
      const payments = statement.rows.filter((r) => r.kind === "payment").map((r) => ({ number: r.number, date: r.date, amount: r.amountFen }));
      expect(payments).toEqual(expected);
      expect(statement.rows.filter((r) => r.kind === "refund").every((r) => r.amountFen < 0)).toBe(true);
    }
    const other = await newOrganisation();
    expect((await yearStatement(db, { organisationId: other }, 2026))!.rows).toEqual([]);
    expect((await reservedShareOf(db, { organisationId: other }, 2026)).countedFen).toBe(0);
    expect(await yearStatement(db, { organisationId: "no-such-organisation" }, 2026)).toBeNull();
  });

  test("the admins' list agrees with each organisation's own progress", async () => {
    const list = await organisationsProgress(db, { year: 2026 });
    for (const organisationId of organisations) {
      const own = await reservedShareOf(db, { organisationId }, 2026);
      expect(list.find((r) => r.organisationId === organisationId)).toMatchObject({ targetFen: own.targetFen, paidFen: own.paidFen, refundedFen: own.refundedFen, countedFen: own.countedFen, remainingFen: own.remainingFen, reachedBp: own.reachedBp });
    }
  });
});

describe("the admins' progress list at 1,000 organisations", () => {
  test("one statement for the sums, sorted by name, percent reached or remaining", async () => {
    const year = 2030;
    const N = 1000;
    const ORDERS = 10; // per organisation: 10,000 orders, 50,000 ledger rows (a line's cooperative and four households)
    const seedOrder = await db.order.findFirstOrThrow({ where: { paidAt: { not: null } }, select: { buyerId: true, items: { take: 1, select: { productId: true, cooperativeId: true, categoryId: true, originVillageId: true } } } });
    const item = seedOrder.items[0]!;
    const households = (await db.household.findMany({ take: 4, select: { id: true } })).map((h) => h.id);
    // Written by the database itself (generate_series): 1,000 organisations, nine in ten with the year's figures,
    // paid orders with one line each and its ledger (the cooperative's part and four households' 5% each), a refund
    // of a quarter on every seventh order (its Refund row and reversing entries). Rollups are left out.
    const fen = (i: number, j: number) => 1_000 + ((i * 37 + j * 101) % 50_000);
    const refunded = (i: number, j: number) => (i * ORDERS + j) % 7 === 0;
    const sql = `
      INSERT INTO "Organisation" ("id", "kind", "name", "creditCode", "invoiceTitle", "taxId", "address", "district", "updatedAt")
        SELECT 'bulkorg' || i, 'BUDGET_UNIT', '批量单位 ' || lpad(i::text, 4, '0'), 'BULK' || i, 'x', 'x', 'x', 'haidian', now() FROM generate_series(0, ${N - 1}) i;
      INSERT INTO "OrganisationYear" ("id", "organisationId", "year", "canteenBudgetFen", "reservedPercentBp", "updatedAt")
        SELECT 'bulkyear' || i, 'bulkorg' || i, ${year}, 1000000 + i * 1000, 3000, now() FROM generate_series(0, ${N - 1}) i WHERE i % 10 <> 0;
      CREATE TEMP TABLE bulk ON COMMIT DROP AS
        SELECT i, j, 'bulkorg' || i AS org, 'bulko' || i || '_' || j AS id, 'bulki' || i || '_' || j AS item,
               1000 + ((i * 37 + j * 101) % 50000) AS fen, (i * ${ORDERS} + j) % 7 = 0 AS refunded
        FROM generate_series(0, ${N - 1}) i, generate_series(0, ${ORDERS - 1}) j;
      INSERT INTO "Order" ("id", "number", "buyerId", "organisationId", "status", "paymentMethod", "itemsFen", "shippingFen", "totalFen", "refundedFen", "recipient", "phone", "district", "street", "paidAt", "updatedAt")
        SELECT id, 'BULK${year}-' || i || '-' || j, '${seedOrder.buyerId}', org, 'PAID', 'BANK_TRANSFER', fen, 0, fen, CASE WHEN refunded THEN fen / 4 ELSE 0 END, 'x', '13800000000', 'haidian', 'x', '${year}-06-01 02:00:00', now() FROM bulk;
      INSERT INTO "OrderItem" ("id", "orderId", "productId", "cooperativeId", "categoryId", "originVillageId", "nameZh", "nameEn", "unitPriceFen", "quantity", "lineTotalFen", "benefitRuleType", "benefitBasisPoints", "beneficiaries")
        SELECT item, id, '${item.productId}', '${item.cooperativeId}', '${item.categoryId}', '${item.originVillageId}', 'x', 'x', fen, 1, fen, 'PERCENT_OF_REVENUE', 2000, '[]' FROM bulk;
      INSERT INTO "Refund" ("id", "orderId", "amountFen", "items", "status", "recorded", "succeededAt")
        SELECT 'bulkr' || id, id, fen / 4, '[]', 'SUCCEEDED', true, '${year}-09-01 02:00:00' FROM bulk WHERE refunded;
      INSERT INTO "LedgerEntry" ("id", "idempotencyKey", "kind", "orderId", "orderItemId", "cooperativeId", "householdId", "villageId", "categoryId", "amountFen", "units", "day")
        SELECT e.key || b.item || ':' || k, e.key || b.item || ':' || k, CASE WHEN k = 0 THEN 'COOPERATIVE_REVENUE' ELSE 'HOUSEHOLD_BENEFIT' END::"LedgerKind",
               b.id, b.item, '${item.cooperativeId}', (ARRAY[NULL, ${households.map((h) => `'${h}'`).join(", ")}])[k + 1], '${item.originVillageId}', '${item.categoryId}',
               e.sign * CASE WHEN k = 0 THEN e.amount - 4 * (e.amount / 20) ELSE e.amount / 20 END, CASE WHEN k = 0 AND e.sign = 1 THEN 1 ELSE 0 END, e.day::date
        FROM bulk b
        CROSS JOIN LATERAL (VALUES ('paid:', b.fen, 1, '${year}-06-01'), ('refund:', CASE WHEN b.refunded THEN b.fen / 4 END, -1, '${year}-09-01')) AS e(key, amount, sign, day)
        CROSS JOIN generate_series(0, 4) k
        WHERE e.amount IS NOT NULL;
      ANALYZE "Order", "OrderItem", "LedgerEntry", "Refund", "Organisation", "OrganisationYear";`;
    // One transaction: one connection, so the temporary table is there for every statement.
    await db.$transaction(async (tx) => {
      for (const statement of sql.split(/;\s*\n/).filter((x) => x.trim())) await tx.$executeRawUnsafe(statement);
    }, { timeout: 120_000 });
    const orders = Array.from({ length: N * ORDERS }, (_, n) => ({ organisationId: `bulkorg${Math.floor(n / ORDERS)}`, fen: fen(Math.floor(n / ORDERS), n % ORDERS), refunded: refunded(Math.floor(n / ORDERS), n % ORDERS) }));
    const ledgerRows = await db.ledgerEntry.count({ where: { orderId: { startsWith: "bulko" } } });

    const timed = async () => {
      const started = performance.now();
      const rows = await organisationsProgress(db, { year, sort: "name" });
      return { rows, ms: performance.now() - started };
    };
    const first = await timed();
    const second = await timed();
    const byName = second.rows;
    console.log(`organisationsProgress: ${byName.length} organisations, ${orders.length} orders, ${ledgerRows} ledger rows of the year: ${first.ms.toFixed(1)} ms, again ${second.ms.toFixed(1)} ms`);
    expect(byName.length).toBeGreaterThanOrEqual(N);

    // Against the sums of the generated data itself.
    const expected = new Map<string, number>();
    for (const o of orders) expected.set(o.organisationId, (expected.get(o.organisationId) ?? 0) + o.fen - (o.refunded ? Math.floor(o.fen / 4) : 0));
    expect(expected.size).toBe(N);
    for (const r of byName.filter((x) => expected.has(x.organisationId))) expect(r.countedFen).toBe(expected.get(r.organisationId));
    const noFigures = byName.filter((r) => expected.has(r.organisationId) && !r.recorded);
    expect(noFigures).toHaveLength(N / 10);
    expect(noFigures.every((r) => r.reachedBp === null && r.targetFen === 0)).toBe(true);

    const names = byName.filter((r) => r.name.startsWith("批量单位")).map((r) => r.name);
    expect(names).toEqual([...names].sort());
    const reached = await organisationsProgress(db, { year, sort: "reached", dir: "desc" });
    for (let i = 1; i < reached.length; i++) expect((reached[i - 1]!.reachedBp ?? -1) >= (reached[i]!.reachedBp ?? -1)).toBe(true);
    const remaining = await organisationsProgress(db, { year, sort: "remaining" });
    for (let i = 1; i < remaining.length; i++) expect(remaining[i - 1]!.remainingFen <= remaining[i]!.remainingFen).toBe(true);
  }, 120_000);
});
