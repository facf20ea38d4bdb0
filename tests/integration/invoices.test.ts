// Issue 15, invoices (发票) on real PostgreSQL with the demo seed: a member requests an invoice for one paid order and
// for a Beijing month (amounts against an independent SQL sum of paid totals less recorded refunds), a second request
// for a covered order, an unpaid order, another organisation's order and a role that may not request are refused
// with nothing written, two requests racing for one order leave one, a cancelled request frees its orders, the admin
// records number, date and PDF (a file that is not a PDF refused, nothing stored), the requester is mailed in their
// language, and the PDF is served to finance members and admins only (403 for a purchaser, 404 for another
// organisation, nothing about it leaked).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor, OrgRole } from "@/lib/domain/permissions";
import { SAMPLE_ORGANISATION, seedDatabase } from "@/lib/seed";
import { organisationSchema } from "@/lib/validation/org";
import { requestInvoiceSchema } from "@/lib/validation/invoice";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";
import type { Storage } from "@/lib/server/storage";

const shared = vi.hoisted((): { db: unknown } => ({ db: null }));
vi.mock("@/lib/server/db", () => ({ db: new Proxy({}, { get: (_t, prop) => Reflect.get(shared.db as object, prop) as unknown }) }));

const { createOrganisation } = await import("@/lib/server/orgs/organisations");
const { requestInvoice, cancelInvoiceRequest, issueInvoice, invoicePdfResponse, listOrganisationInvoices, invoiceableOrders, listInvoiceRequestsForAdmin } = await import("@/lib/server/orgs/invoices");
const { markOrderPaid } = await import("@/lib/server/orders/lifecycle");
const { recordRefund } = await import("@/lib/server/orders/refunds");

let t: TestDatabase;
let db: Db;
let adminId: string;

/** An in-memory store that remembers what was put and deleted. */
function memoryStorage(): Storage & { objects: Map<string, Uint8Array> } {
  const objects = new Map<string, Uint8Array>();
  return {
    objects,
    async put(key, bytes) {
      objects.set(key, bytes);
    },
    async get(key) {
      const bytes = objects.get(key);
      if (!bytes) return null;
      return { body: new Blob([new Uint8Array(bytes)]).stream(), contentType: "application/pdf", size: bytes.byteLength };
    },
    async delete(key) {
      objects.delete(key);
    },
  };
}
const storage = memoryStorage();

const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

// A valid credit code for test organisation n (GB 32100's check character).
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(n: number): string {
  const body = `81110105MA${String(n).padStart(7, "0")}`;
  const sum = [...body].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}
let orgSeq = 500;
async function newOrganisation() {
  const n = ++orgSeq;
  const input = organisationSchema.parse({ kind: "UNION", name: `发票测试工会 ${n}`, creditCode: creditCode(n), invoiceTitle: `发票测试工会 ${n}`, taxId: "", address: "朝阳区示例路 1 号", district: "chaoyang", approvalWindowHours: "48" });
  const made = await createOrganisation(db, adminId, input);
  if (!made.ok) throw new Error(made.key);
  return made.organisationId;
}

let userSeq = 0;
/** A member with these roles (written directly: the invitation flow is tests/integration/orgs.test.ts's). */
async function member(organisationId: string, roles: OrgRole[], locale = "zh-CN") {
  const user = await db.user.create({ data: { email: `invoice-${++userSeq}-${Date.now()}@example.test`, locale }, select: { id: true, email: true } });
  await db.organisationMember.create({ data: { organisationId, userId: user.id, roles } });
  const actor: Actor = { id: user.id, role: "BUYER", cooperativeIds: [], organisation: { id: organisationId, roles } };
  return { ...user, organisationId, actor };
}

let products: string[] = [];
/** An order of the organisation's, paid at `paidAt` by bank transfer (unpaid when null). */
async function orgOrder(organisationId: string, paidAt: Date | null, lines: [number, number][] = [[0, 2]]) {
  const placedAt = new Date((paidAt ?? new Date()).getTime() - 3_600_000);
  const o = await placeTestOrder(db, "BANK_TRANSFER", lines.map(([p, q]) => [products[p]!, q] as [string, number]), "invoice", placedAt);
  await db.order.update({ where: { id: o.orderId }, data: { organisationId } });
  if (paidAt) expect(await db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "BANK_TRANSFER", amountFen: o.totalFen, bankReference: "ref", confirmedById: adminId }, paidAt))).toBe("paid");
  return o;
}
const refund = (orderId: string, addFen: number, at: Date) => db.$transaction((tx) => recordRefund(tx, { orderId, addFen }, at));

const input = (fields: Record<string, string>) => requestInvoiceSchema.parse(fields);

/** Rows a refused write must leave as they were. */
const snapshot = async () => ({
  requests: await db.invoiceRequest.findMany({ orderBy: { id: "asc" } }),
  coverage: await db.invoiceRequestOrder.findMany({ orderBy: [{ invoiceRequestId: "asc" }, { orderId: "asc" }] }),
  audits: await db.auditLog.count({ where: { action: { startsWith: "invoice." } } }),
  mails: await db.mailMessage.count(),
  stored: [...storage.objects.keys()].sort(),
});

/** The independent sum: paid orders' totals less their recorded Refund rows, straight from the tables. */
async function netOfOrders(orderIds: string[]): Promise<number> {
  const [row] = await db.$queryRaw<{ net: bigint | null }[]>`
    SELECT SUM(o."totalFen" - COALESCE((SELECT SUM(r."amountFen") FROM "Refund" r WHERE r."orderId" = o."id" AND r."recorded"), 0))::bigint AS net
    FROM "Order" o WHERE o."id" = ANY(${orderIds}::text[])`;
  return Number(row?.net ?? 0);
}

// Organisation A's orders around Beijing's March 2026 (Beijing midnight is 16:00 UTC the day before).
const FEB_LAST = new Date("2026-02-28T15:59:59Z"); // 28 Feb 23:59:59 in Beijing
const MAR_FIRST = new Date("2026-02-28T16:00:00Z"); // 1 Mar 00:00 in Beijing
const MAR_MID = new Date("2026-03-15T04:00:00Z");
const MAR_LAST = new Date("2026-03-31T15:59:59Z");
const APR_FIRST = new Date("2026-03-31T16:00:00Z");
const AFTER_MARCH = new Date("2026-04-02T02:00:00Z");

let orgA: string;
let orgB: string;
let financeA: Awaited<ReturnType<typeof member>>;
let purchaserA: Awaited<ReturnType<typeof member>>;
let approverA: Awaited<ReturnType<typeof member>>;
let financeB: Awaited<ReturnType<typeof member>>;
const marchOrders: Record<string, Awaited<ReturnType<typeof orgOrder>>> = {};
let unpaid: Awaited<ReturnType<typeof orgOrder>>;
let orderRequestId = "";

beforeAll(async () => {
  t = await createTestDatabase("shop_invoices");
  db = t.db;
  shared.db = db;
  await seedDatabase(db, { sampleOrders: true });
  adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@demo.tangxian.shop" }, select: { id: true } })).id;
  products = await Promise.all(["tangxian-yellow-millet", "taihang-jujubes", "tangxian-millet-trial-pack"].map((slug) => productIdOf(db, slug)));
  orgA = await newOrganisation();
  orgB = await newOrganisation();
  financeA = await member(orgA, ["FINANCE"]);
  purchaserA = await member(orgA, ["PURCHASER"], "en");
  approverA = await member(orgA, ["APPROVER"]);
  financeB = await member(orgB, ["FINANCE", "PURCHASER"]);
  marchOrders.febLast = await orgOrder(orgA, FEB_LAST);
  marchOrders.marFirst = await orgOrder(orgA, MAR_FIRST, [[2, 1]]);
  marchOrders.marMid = await orgOrder(orgA, MAR_MID, [[0, 3], [1, 1]]);
  marchOrders.marLast = await orgOrder(orgA, MAR_LAST, [[1, 2]]);
  marchOrders.refundedWhole = await orgOrder(orgA, MAR_MID, [[2, 2]]);
  marchOrders.aprFirst = await orgOrder(orgA, APR_FIRST);
  // One order of March refunded in part, one in full.
  await refund(marchOrders.marMid.orderId, 1_234, new Date("2026-03-20T02:00:00Z"));
  await refund(marchOrders.refundedWhole.orderId, marchOrders.refundedWhole.totalFen, new Date("2026-03-21T02:00:00Z"));
  unpaid = await orgOrder(orgA, null);
}, 180_000);

afterAll(async () => {
  await t?.drop();
});

describe("the seed", () => {
  test("the sample union has one general invoice requested for its first paid order, for that order's total", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: SAMPLE_ORGANISATION.adminEmail }, select: { id: true, organisationMember: { select: { organisationId: true } } } });
    const organisationId = user.organisationMember!.organisationId;
    const requests = await listOrganisationInvoices(db, { organisationId });
    expect(requests).toHaveLength(1);
    const [first] = await db.order.findMany({ where: { organisationId }, orderBy: { paidAt: "asc" }, take: 1, select: { number: true, totalFen: true } });
    expect(requests[0]).toMatchObject({ status: "REQUESTED", kind: "GENERAL", scope: "ORDER", orderNumbers: [first!.number], amountFen: first!.totalFen, hasPdf: false });
    // The union's other orders may still be invoiced, one by one.
    expect((await invoiceableOrders(db, { organisationId })).map((o) => o.number)).not.toContain(first!.number);
  });
});

describe("requests", () => {
  test("one paid order: its total less refunds, the title and tax id of the organisation, an audit row", async () => {
    const o = marchOrders.marMid!;
    const got = await requestInvoice(db, financeA, input({ kind: "SPECIAL", scope: "ORDER", orderId: o.orderId, bankAccount: "工商银行朝阳支行 0200 0000 0000", addressPhone: "朝阳区示例路 1 号 010-12345678" }));
    expect(got).toMatchObject({ ok: true, amountFen: await netOfOrders([o.orderId]) });
    if (!got.ok) return;
    orderRequestId = got.requestId;
    expect(got.amountFen).toBe(o.totalFen - 1_234);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: orgA }, select: { invoiceTitle: true, taxId: true } });
    expect(await db.invoiceRequest.findUniqueOrThrow({ where: { id: got.requestId } })).toMatchObject({
      organisationId: orgA,
      kind: "SPECIAL",
      scope: "ORDER",
      orderId: o.orderId,
      month: null,
      title: org.invoiceTitle,
      taxId: org.taxId,
      bankAccount: "工商银行朝阳支行 0200 0000 0000",
      status: "REQUESTED",
      requestedById: financeA.id,
    });
    expect(await db.invoiceRequestOrder.findMany({ where: { invoiceRequestId: got.requestId } })).toEqual([{ invoiceRequestId: got.requestId, orderId: o.orderId, netFen: got.amountFen, liveOrderId: o.orderId }]);
    expect(await db.auditLog.count({ where: { action: "invoice.requested", entityId: got.requestId, actorId: financeA.id } })).toBe(1);
  });

  test("the same order again (another member, another kind) is refused and nothing is written", async () => {
    const before = await snapshot();
    expect(await requestInvoice(db, purchaserA, input({ kind: "GENERAL", scope: "ORDER", orderId: marchOrders.marMid!.orderId }))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.alreadyCovered", field: "orderId" });
    expect(await snapshot()).toEqual(before);
  });

  test("an unpaid order is refused and nothing is written", async () => {
    const before = await snapshot();
    expect(await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: unpaid.orderId }))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.notPaid" });
    expect(await snapshot()).toEqual(before);
  });

  test("an order refunded in full has nothing to invoice", async () => {
    const before = await snapshot();
    expect(await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: marchOrders.refundedWhole!.orderId }))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.nothingToInvoice" });
    expect(await snapshot()).toEqual(before);
  });

  test("another organisation's order id is not found (404), whatever its state, and nothing is written", async () => {
    const before = await snapshot();
    for (const o of [marchOrders.marFirst!, marchOrders.marMid!, unpaid]) {
      expect(await requestInvoice(db, financeB, input({ kind: "GENERAL", scope: "ORDER", orderId: o.orderId }))).toMatchObject({ ok: false, status: 404, key: "org.invoices.errors.orderNotFound" });
    }
    expect(await requestInvoice(db, financeB, input({ kind: "GENERAL", scope: "ORDER", orderId: "no-such-order" }))).toMatchObject({ ok: false, status: 404, key: "org.invoices.errors.orderNotFound" });
    // B's month of March has no orders of its own: A's are not B's to invoice.
    expect(await requestInvoice(db, financeB, input({ kind: "GENERAL", scope: "MONTH", month: "2026-03" }))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.nothingToInvoice" });
    expect(await snapshot()).toEqual(before);
  });

  test("an approver may not request (403), nothing written", async () => {
    const before = await snapshot();
    expect(await requestInvoice(db, approverA, input({ kind: "GENERAL", scope: "ORDER", orderId: marchOrders.marFirst!.orderId }))).toMatchObject({ ok: false, status: 403 });
    expect(await snapshot()).toEqual(before);
  });

  test("a month not yet over is refused", async () => {
    const before = await snapshot();
    expect(await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "MONTH", month: "2026-03" }), new Date("2026-03-31T15:00:00Z"))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.monthNotEnded" });
    expect(await snapshot()).toEqual(before);
  });

  test("a month: the paid orders of that Beijing month not already on a request, net of refunds, against an independent SQL sum", async () => {
    const got = await requestInvoice(db, purchaserA, input({ kind: "GENERAL", scope: "MONTH", month: "2026-03" }), AFTER_MARCH);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    // Independently: A's orders paid in Beijing's March, paid (not cancelled), with money left after the recorded
    // refunds, not the one the order request took.
    const expected = await db.$queryRaw<{ id: string; net: bigint }[]>`
      SELECT o."id", (o."totalFen" - COALESCE((SELECT SUM(r."amountFen") FROM "Refund" r WHERE r."orderId" = o."id" AND r."recorded"), 0))::bigint AS net
      FROM "Order" o
      WHERE o."organisationId" = ${orgA} AND o."paidAt" IS NOT NULL AND o."status" <> 'CANCELLED'
        AND (o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai') >= '2026-03-01' AND (o."paidAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai') < '2026-04-01'
        AND o."id" <> ${marchOrders.marMid!.orderId}
      ORDER BY o."id"`;
    const withMoney = expected.filter((r) => r.net > 0n);
    expect(withMoney.map((r) => r.id).sort()).toEqual([marchOrders.marFirst!.orderId, marchOrders.marLast!.orderId].sort());
    expect(got.amountFen).toBe(Number(withMoney.reduce((s, r) => s + r.net, 0n)));
    const covered = await db.invoiceRequestOrder.findMany({ where: { invoiceRequestId: got.requestId }, select: { orderId: true, netFen: true, liveOrderId: true } });
    expect(covered.map((c) => c.orderId).sort()).toEqual(withMoney.map((r) => r.id).sort());
    expect(covered.every((c) => c.liveOrderId === c.orderId)).toBe(true);
    expect(await db.invoiceRequest.findUniqueOrThrow({ where: { id: got.requestId }, select: { month: true, orderId: true, scope: true } })).toEqual({ month: "2026-03", orderId: null, scope: "MONTH" });

    // Asked again, the month has nothing left; a March order on its own is already covered.
    const before = await snapshot();
    expect(await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "MONTH", month: "2026-03" }), AFTER_MARCH)).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.nothingToInvoice" });
    expect(await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: marchOrders.marLast!.orderId }))).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.alreadyCovered" });
    expect(await snapshot()).toEqual(before);
    // February's last second and April's first are not March's.
    expect((await invoiceableOrders(db, { organisationId: orgA })).map((o) => o.id).sort()).toEqual([marchOrders.febLast!.orderId, marchOrders.aprFirst!.orderId].sort());
  });

  test("two requests racing for one order: one is recorded, the other refused", async () => {
    const o = await orgOrder(orgA, new Date("2026-05-05T02:00:00Z"));
    const results = await Promise.all([
      requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: o.orderId })),
      requestInvoice(db, purchaserA, input({ kind: "SPECIAL", scope: "ORDER", orderId: o.orderId, bankAccount: "x", addressPhone: "y" })),
      requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "MONTH", month: "2026-05" }), new Date("2026-06-01T00:00:00Z")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 409)).toBe(true);
    expect(await db.invoiceRequestOrder.count({ where: { liveOrderId: o.orderId } })).toBe(1);
  });

  test("the database itself refuses a second live request for an order", async () => {
    const o = marchOrders.marMid!;
    const other = await db.invoiceRequest.create({ data: { organisationId: orgA, kind: "GENERAL", scope: "ORDER", orderId: o.orderId, title: "x", taxId: "x", amountFen: 1, requestedById: financeA.id, status: "CANCELLED" } });
    await expect(db.invoiceRequestOrder.create({ data: { invoiceRequestId: other.id, orderId: o.orderId, netFen: 1, liveOrderId: o.orderId } })).rejects.toThrow();
    // A cancelled request's row (no live id) is fine; a live id that is not its own order's is not.
    await db.invoiceRequestOrder.create({ data: { invoiceRequestId: other.id, orderId: o.orderId, netFen: 1, liveOrderId: null } });
    await expect(db.invoiceRequestOrder.create({ data: { invoiceRequestId: other.id, orderId: marchOrders.febLast!.orderId, netFen: 1, liveOrderId: marchOrders.aprFirst!.orderId } })).rejects.toThrow();
    await db.invoiceRequestOrder.deleteMany({ where: { invoiceRequestId: other.id } });
    await db.invoiceRequest.delete({ where: { id: other.id } });
  });

  test("cancelling: another organisation's request is not found; the requester's frees its order for a new request", async () => {
    const o = marchOrders.febLast!;
    const made = await requestInvoice(db, purchaserA, input({ kind: "GENERAL", scope: "ORDER", orderId: o.orderId }));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const before = await snapshot();
    expect(await cancelInvoiceRequest(db, { id: financeB.id, organisationId: orgB }, made.requestId)).toMatchObject({ ok: false, status: 404 });
    expect(await cancelInvoiceRequest(db, { id: approverA.id, organisationId: orgA }, made.requestId)).toMatchObject({ ok: false, status: 403 });
    expect(await snapshot()).toEqual(before);
    expect(await cancelInvoiceRequest(db, { id: purchaserA.id, organisationId: orgA }, made.requestId)).toEqual({ ok: true });
    expect(await db.invoiceRequest.findUniqueOrThrow({ where: { id: made.requestId }, select: { status: true, cancelledById: true } })).toEqual({ status: "CANCELLED", cancelledById: purchaserA.id });
    expect(await db.invoiceRequestOrder.findMany({ where: { invoiceRequestId: made.requestId }, select: { liveOrderId: true } })).toEqual([{ liveOrderId: null }]);
    expect(await cancelInvoiceRequest(db, { id: purchaserA.id, organisationId: orgA }, made.requestId)).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.notRequested" });
    const again = await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: o.orderId }));
    expect(again).toMatchObject({ ok: true, amountFen: await netOfOrders([o.orderId]) });
    // A platform admin may cancel any organisation's request (one that cannot be issued as asked).
    if (!again.ok) return;
    expect(await cancelInvoiceRequest(db, { id: adminId, organisationId: null }, "no-such-request")).toMatchObject({ ok: false, status: 404 });
    expect(await cancelInvoiceRequest(db, { id: adminId, organisationId: null }, again.requestId)).toEqual({ ok: true });
    expect(await db.auditLog.findFirst({ where: { action: "invoice.cancelled", entityId: again.requestId }, select: { actorId: true, metadata: true } })).toEqual({ actorId: adminId, metadata: { organisationId: orgA, byAdmin: true } });
    expect(await db.invoiceRequestOrder.count({ where: { liveOrderId: o.orderId } })).toBe(0);
  });
});

describe("issuing", () => {
  let monthRequestId = "";
  beforeAll(async () => {
    monthRequestId = (await db.invoiceRequest.findFirstOrThrow({ where: { organisationId: orgA, scope: "MONTH", month: "2026-03" }, select: { id: true } })).id;
  });
  const issue = (fields: Partial<{ requestId: string; invoiceNumber: string; issuedOn: string; pdf: Uint8Array }>, now = new Date("2026-04-10T04:00:00Z")) =>
    issueInvoice(db, storage, { id: adminId }, { requestId: monthRequestId, invoiceNumber: "26112000000000000001", issuedOn: "2026-04-10", pdf: PDF, ...fields }, now);

  test.each([
    ["a PNG", { pdf: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }, "org.invoices.errors.pdfNotPdf", "file"],
    ["an HTML page", { pdf: new TextEncoder().encode("<!doctype html><script>alert(1)</script>") }, "org.invoices.errors.pdfNotPdf", "file"],
    ["a PDF over 5 MB", { pdf: (() => { const b = new Uint8Array(5 * 1024 * 1024 + 1); b.set(PDF); return b; })() }, "org.invoices.errors.pdfTooLarge", "file"],
    ["a 9-digit number", { invoiceNumber: "123456789" }, "org.invoices.errors.numberInvalid", "invoiceNumber"],
    ["a 数电票 number of another year", { invoiceNumber: "25112000000000000001" }, "org.invoices.errors.numberYear", "invoiceNumber"],
    ["a date after today", { issuedOn: "2026-04-11" }, "org.invoices.errors.dateFuture", "issuedOn"],
    ["a date before the request", { issuedOn: "2026-03-01" }, "org.invoices.errors.dateBeforeRequest", "issuedOn"],
  ])("%s is refused and nothing is written or stored", async (_name, fields, key, field) => {
    const before = await snapshot();
    expect(await issue(fields)).toMatchObject({ ok: false, status: 400, key, field });
    expect(await snapshot()).toEqual(before);
  });

  test("an unknown request is 404", async () => {
    expect(await issue({ requestId: "no-such-request" })).toMatchObject({ ok: false, status: 404 });
  });

  test("the admin records number, date and PDF: ISSUED, an audit row, the requester mailed in their language", async () => {
    const mailsBefore = await db.mailMessage.count();
    expect(await issue({ invoiceNumber: "2611 2000 0000 0000 0001" })).toEqual({ ok: true, number: "26112000000000000001" });
    const row = await db.invoiceRequest.findUniqueOrThrow({ where: { id: monthRequestId } });
    expect(row).toMatchObject({ status: "ISSUED", invoiceNumber: "26112000000000000001", issuedOn: new Date("2026-04-10T00:00:00Z"), issuedById: adminId });
    expect(row.pdfKey).toMatch(new RegExp(`^invoices/${orgA}/[0-9a-f]{32}\\.pdf$`));
    expect(storage.objects.get(row.pdfKey!)).toEqual(PDF);
    expect(await db.auditLog.count({ where: { action: "invoice.issued", entityId: monthRequestId, actorId: adminId } })).toBe(1);
    expect(await db.mailMessage.count()).toBe(mailsBefore + 1);
    // The month was requested by the purchaser, who reads English.
    const mail = await db.mailMessage.findFirstOrThrow({ where: { dedupeKey: `invoice-issued:${monthRequestId}` } });
    expect(mail.to).toBe(purchaserA.email);
    expect(mail.subject).toContain("invoice is issued");
    expect(mail.text).toContain("26112000000000000001");
    expect(mail.text).toContain("/org/invoices");
    // Issued once: a second record is refused, and its PDF is not left in the store.
    const stored = storage.objects.size;
    expect(await issue({ invoiceNumber: "26112000000000000002" })).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.notRequested" });
    expect(storage.objects.size).toBe(stored);
  });

  test("the same number twice in a year is refused, nothing stored; a refund since the request lowers the amount issued", async () => {
    const o = marchOrders.aprFirst!;
    const made = await requestInvoice(db, financeA, input({ kind: "GENERAL", scope: "ORDER", orderId: o.orderId }), new Date("2026-04-03T02:00:00Z"));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const before = await snapshot();
    expect(await issue({ requestId: made.requestId, invoiceNumber: "26112000000000000001" })).toMatchObject({ ok: false, status: 409, key: "org.invoices.errors.numberTaken" });
    expect(await snapshot()).toEqual(before);
    await refund(o.orderId, 500, new Date("2026-04-05T02:00:00Z"));
    expect(await issue({ requestId: made.requestId, invoiceNumber: "12345678" })).toMatchObject({ ok: true });
    expect((await db.invoiceRequest.findUniqueOrThrow({ where: { id: made.requestId }, select: { amountFen: true } })).amountFen).toBe(await netOfOrders([o.orderId]));
    expect((await db.invoiceRequest.findUniqueOrThrow({ where: { id: made.requestId }, select: { amountFen: true } })).amountFen).toBe(o.totalFen - 500);
  });

  test("the admins' list: waiting requests newest first, by status", async () => {
    const waiting = await listInvoiceRequestsForAdmin(db, { status: "REQUESTED", page: 1 });
    expect(waiting.rows.every((r) => r.status === "REQUESTED")).toBe(true);
    const times = waiting.rows.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const issued = await listInvoiceRequestsForAdmin(db, { status: "ISSUED", page: 1 });
    expect(issued.rows.map((r) => r.id)).toContain(monthRequestId);
    expect(issued.rows.find((r) => r.id === monthRequestId)).toMatchObject({ organisation: { id: orgA }, hasPdf: true, invoiceNumber: "26112000000000000001" });
  });

  describe("downloading the PDF", () => {
    const download = (actor: Actor | null, id = monthRequestId) => invoicePdfResponse(db, storage, actor, id);
    const adminActor = (): Actor => ({ id: adminId, role: "ADMIN", cooperativeIds: [], organisation: null });

    test("a finance member of the organisation and a platform admin get the PDF, private and not cached", async () => {
      for (const actor of [financeA.actor, adminActor()]) {
        const res = await download(actor);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("application/pdf");
        expect(res.headers.get("cache-control")).toBe("private, no-store");
        expect(res.headers.get("content-disposition")).toContain("invoice-26112000000000000001.pdf");
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
      }
    });

    test("a purchaser-only member: 403; another organisation's finance member: 404, as for an id that does not exist", async () => {
      expect((await download(purchaserA.actor)).status).toBe(403);
      expect((await download(approverA.actor)).status).toBe(403);
      const other = await download(financeB.actor);
      const unknown = await download(financeB.actor, "no-such-request");
      expect([other.status, unknown.status]).toEqual([404, 404]);
      expect(await other.text()).toBe(await unknown.text());
    });

    test("signed out: 401; a private buyer: 403 whatever the id; a request not issued yet: 404", async () => {
      expect((await download(null)).status).toBe(401);
      const buyer: Actor = { id: "someone", role: "BUYER", cooperativeIds: [], organisation: null };
      expect((await download(buyer)).status).toBe(403);
      expect((await download(buyer, "no-such-request")).status).toBe(403);
      expect((await download(financeA.actor, orderRequestId)).status).toBe(404);
      expect((await download(adminActor(), orderRequestId)).status).toBe(404);
    });
  });
});
