import "server-only";
// VAT invoices for an organisation's paid orders (issue 15, rules in lib/domain/invoice.ts): a member requests one
// for an order or a month, an admin of the county centre records the invoice issued in its own invoicing software
// (number, date, PDF) and the requester is mailed, finance members download the PDF through a guarded route.
//
// Tenancy: a member acts on their own organisation only (the caller's membership, re-read in the transaction): an
// order or request of another organisation is "not found" and nothing is written. A request's writes lock the
// organisation's row, so two requests of one organisation are decided one after the other; the unique live order id
// of InvoiceRequestOrder is the database's own guard that an order is on one live request at most.
// The PDF is stored under an unguessable key beside the product photos but is never public: /media serves WebP
// renditions only, and the PDF leaves the store only through invoicePdfResponse below.
import { randomBytes } from "node:crypto";
import { beijingDayOf, startOfBeijingDay, startOfBeijingMonth } from "@/lib/domain/calendar";
import {
  checkInvoiceNumber,
  checkIssueDate,
  checkOrderRequest,
  checkPdf,
  INVOICE_READER_ROLES,
  INVOICE_REQUESTER_ROLES,
  monthCoverage,
  monthRange,
  orderNetFen,
  PAID_ORDER_STATUSES,
  sumFen,
  type InvoiceStatus,
} from "@/lib/domain/invoice";
import { decide, decideOrganisationRead, decisionStatus, type Actor, type OrgRole } from "@/lib/domain/permissions";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActionState } from "@/lib/action-state";
import { formatterFor, type MessageKey, type Translate } from "@/lib/i18n/translate";
import { audit } from "@/lib/server/audit";
import { absoluteUrl } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { mailContext } from "@/lib/server/notify/common";
import type { Storage } from "@/lib/server/storage";
import type { RequestInvoiceInput } from "@/lib/validation/invoice";
import { lockOrganisation, membershipOf, type OrgScope } from "./scope";

type Tx = Prisma.TransactionClient;

export type InvoiceRefusal = { ok: false; status: 400 | 403 | 404 | 409 | 503; key: MessageKey; field?: string; vars?: Record<string, string | number> };
export type InvoiceOutcome<T extends object = object> = ({ ok: true } & T) | InvoiceRefusal;

const no = (status: InvoiceRefusal["status"], key: MessageKey, field?: string, vars?: InvoiceRefusal["vars"]): InvoiceRefusal => ({
  ok: false,
  status,
  key,
  ...(field ? { field } : {}),
  ...(vars ? { vars } : {}),
});

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** A member acting for their organisation (the chain's actor: its membership, never the input's organisation). */
export interface InvoiceMember {
  id: string;
  organisationId: string;
}

/** The membership re-read in the transaction: still in the organisation, with one of `roles`; else 404 or 403. */
async function checkMember(tx: Tx, member: InvoiceMember, roles: readonly OrgRole[]): Promise<InvoiceRefusal | null> {
  const own = await membershipOf(tx, member.id);
  if (!own || own.organisationId !== member.organisationId) return no(404, "org.errors.organisationNotFound");
  return roles.some((r) => own.roles.includes(r)) ? null : no(403, "auth.errors.forbidden");
}

/** Whether each order is on a live request (its coverage row with a live id). */
const LIVE_COVERAGE = { where: { liveOrderId: { not: null } }, select: { invoiceRequestId: true }, take: 1 } as const;

/**
 * A member's request for an invoice: the organisation's title and tax id as they are now, the covered orders and
 * their amount computed here. Refused with nothing written: another organisation's order (404), unpaid (409), already
 * on a live request (409), refunded in full or an empty month (409), a month not yet over (409), no tax id (400).
 */
export async function requestInvoice(db: Db, member: InvoiceMember, input: RequestInvoiceInput, now = new Date()): Promise<InvoiceOutcome<{ requestId: string; amountFen: number }>> {
  try {
    return await db.$transaction(async (tx): Promise<InvoiceOutcome<{ requestId: string; amountFen: number }>> => {
      if (!(await lockOrganisation(tx, member.organisationId))) return no(404, "org.errors.organisationNotFound");
      const denied = await checkMember(tx, member, INVOICE_REQUESTER_ROLES);
      if (denied) return denied;
      const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId }, select: { invoiceTitle: true, taxId: true } });
      if (!org.taxId.trim()) return no(400, "org.invoices.errors.noTaxId");

      let covered: { orderId: string; netFen: number }[];
      if (input.scope === "ORDER") {
        const order = await tx.order.findFirst({
          where: { id: input.orderId, organisationId: member.organisationId },
          select: { id: true, status: true, paidAt: true, totalFen: true, refundedFen: true, invoiceCoverage: LIVE_COVERAGE },
        });
        if (!order) return no(404, "org.invoices.errors.orderNotFound", "orderId");
        const check = checkOrderRequest({ ...order, covered: order.invoiceCoverage.length > 0 });
        if (!check.ok) return no(409, `org.invoices.errors.${check.problem}`, "orderId");
        covered = [{ orderId: order.id, netFen: check.amountFen }];
      } else {
        const { from, to } = monthRange(input.month);
        const orders = await tx.order.findMany({
          where: { organisationId: member.organisationId, paidAt: { gte: from, lt: to } },
          orderBy: { paidAt: "asc" },
          select: { id: true, status: true, paidAt: true, totalFen: true, refundedFen: true, invoiceCoverage: LIVE_COVERAGE },
        });
        const coverage = monthCoverage(input.month, orders.map((o) => ({ ...o, covered: o.invoiceCoverage.length > 0 })), now);
        if (!coverage.ok) return no(coverage.problem === "monthInvalid" ? 400 : 409, `org.invoices.errors.${coverage.problem}`, "month");
        covered = coverage.orders.map((o) => ({ orderId: o.id, netFen: o.netFen }));
      }
      const amountFen = sumFen(covered.map((c) => c.netFen));
      const request = await tx.invoiceRequest.create({
        data: {
          organisationId: member.organisationId,
          kind: input.kind,
          scope: input.scope,
          orderId: input.orderId,
          month: input.month,
          title: org.invoiceTitle,
          taxId: org.taxId,
          bankAccount: input.bankAccount,
          addressPhone: input.addressPhone,
          amountFen,
          requestedById: member.id,
          createdAt: now,
          orders: { create: covered.map((c) => ({ orderId: c.orderId, netFen: c.netFen, liveOrderId: c.orderId })) },
        },
        select: { id: true },
      });
      await audit(tx, {
        action: "invoice.requested",
        actorId: member.id,
        entityType: "InvoiceRequest",
        entityId: request.id,
        metadata: { organisationId: member.organisationId, kind: input.kind, scope: input.scope, orderIds: covered.map((c) => c.orderId), month: input.month, amountFen },
      });
      return { ok: true, requestId: request.id, amountFen };
    });
  } catch (error) {
    // The unique live order id: another request took one of these orders between our read and our write.
    if (isUniqueViolation(error)) return no(409, "org.invoices.errors.alreadyCovered", input.scope === "ORDER" ? "orderId" : "month");
    throw error;
  }
}

/** The request's row, locked for this transaction; for a member only within their organisation. */
async function lockRequest(tx: Tx, requestId: string, organisationId: string | null) {
  const rows = await tx.$queryRaw<{ id: string; organisationId: string; status: InvoiceStatus; createdAt: Date }[]>`
    SELECT "id", "organisationId", "status"::text AS "status", "createdAt" FROM "InvoiceRequest"
    WHERE "id" = ${requestId} ${organisationId === null ? Prisma.empty : Prisma.sql`AND "organisationId" = ${organisationId}`}
    FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Cancels a request not yet issued, freeing its orders for another request. `member`: a requester of the request's
 * organisation (another organisation's request is not found); null organisation: a platform admin (any request).
 */
export async function cancelInvoiceRequest(db: Db, actor: { id: string; organisationId: string | null }, requestId: string, now = new Date()): Promise<InvoiceOutcome> {
  return db.$transaction(async (tx): Promise<InvoiceOutcome> => {
    if (actor.organisationId !== null) {
      const denied = await checkMember(tx, { id: actor.id, organisationId: actor.organisationId }, INVOICE_REQUESTER_ROLES);
      if (denied) return denied;
    }
    const row = await lockRequest(tx, requestId, actor.organisationId);
    if (!row) return no(404, "org.invoices.errors.requestNotFound");
    if (row.status !== "REQUESTED") return no(409, "org.invoices.errors.notRequested");
    await tx.invoiceRequest.update({ where: { id: requestId }, data: { status: "CANCELLED", cancelledById: actor.id, cancelledAt: now } });
    await tx.invoiceRequestOrder.updateMany({ where: { invoiceRequestId: requestId }, data: { liveOrderId: null } });
    await audit(tx, { action: "invoice.cancelled", actorId: actor.id, entityType: "InvoiceRequest", entityId: requestId, metadata: { organisationId: row.organisationId, byAdmin: actor.organisationId === null } });
    return { ok: true };
  });
}

export interface IssueInput {
  requestId: string;
  invoiceNumber: string;
  issuedOn: string;
  pdf: Uint8Array;
}

/**
 * An admin records the issued invoice: number, date and PDF (checked: a PDF by its first bytes, 5 MB at most). The
 * amount is the covered orders' net now (a refund since the request lowers it). The request becomes ISSUED with its
 * audit row and a mail to the requester (in their language) in one transaction; the PDF is stored first and removed
 * again when the transaction refuses or fails, so a refusal leaves nothing behind.
 */
export async function issueInvoice(db: Db, storage: Storage, admin: { id: string }, input: IssueInput, now = new Date()): Promise<InvoiceOutcome<{ number: string }>> {
  const request = await db.invoiceRequest.findUnique({ where: { id: input.requestId }, select: { organisationId: true, status: true, createdAt: true } });
  if (!request) return no(404, "org.invoices.errors.requestNotFound");
  if (request.status !== "REQUESTED") return no(409, "org.invoices.errors.notRequested");
  const date = checkIssueDate(input.issuedOn, beijingDayOf(now), beijingDayOf(request.createdAt));
  if (!date.ok) return no(400, `org.invoices.errors.${date.problem}`, "issuedOn");
  const number = checkInvoiceNumber(input.invoiceNumber, date.day);
  if (!number.ok) return no(400, `org.invoices.errors.${number.problem}`, "invoiceNumber");
  const pdf = checkPdf(input.pdf);
  if (!pdf.ok) return no(400, `org.invoices.errors.${pdf.problem}`, "file");

  const pdfKey = `invoices/${request.organisationId}/${randomBytes(16).toString("hex")}.pdf`;
  try {
    await storage.put(pdfKey, input.pdf, "application/pdf");
  } catch (error) {
    log.error({ err: error, requestId: input.requestId }, "invoice pdf store failed");
    return no(503, "org.invoices.errors.storageFailed", "file");
  }
  let outcome: InvoiceOutcome<{ number: string }>;
  try {
    outcome = await db.$transaction(async (tx): Promise<InvoiceOutcome<{ number: string }>> => {
      const row = await lockRequest(tx, input.requestId, null);
      if (!row) return no(404, "org.invoices.errors.requestNotFound");
      if (row.status !== "REQUESTED") return no(409, "org.invoices.errors.notRequested");
      // The same number twice in one year is a typing mistake (8-digit numbers restart with each year's 发票代码).
      const year = date.day.slice(0, 4);
      const taken = await tx.invoiceRequest.findFirst({
        where: { invoiceNumber: number.number, issuedOn: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${Number(year) + 1}-01-01T00:00:00Z`) } },
        select: { id: true },
      });
      if (taken) return no(409, "org.invoices.errors.numberTaken", "invoiceNumber", { number: number.number });
      const covered = await tx.invoiceRequestOrder.findMany({ where: { invoiceRequestId: input.requestId }, select: { orderId: true, order: { select: { totalFen: true, refundedFen: true } } } });
      const nets = covered.map((c) => ({ orderId: c.orderId, netFen: orderNetFen(c.order) }));
      const amountFen = sumFen(nets.map((n) => n.netFen));
      if (amountFen <= 0) return no(409, "org.invoices.errors.nothingToInvoice");
      for (const n of nets) await tx.invoiceRequestOrder.update({ where: { invoiceRequestId_orderId: { invoiceRequestId: input.requestId, orderId: n.orderId } }, data: { netFen: n.netFen } });
      const issued = await tx.invoiceRequest.update({
        where: { id: input.requestId },
        data: { status: "ISSUED", invoiceNumber: number.number, issuedOn: new Date(`${date.day}T00:00:00Z`), pdfKey, issuedById: admin.id, issuedAt: now, amountFen },
        select: {
          kind: true,
          scope: true,
          month: true,
          requestedById: true,
          organisation: { select: { name: true } },
          orders: { select: { order: { select: { number: true } } } },
        },
      });
      await audit(tx, {
        action: "invoice.issued",
        actorId: admin.id,
        entityType: "InvoiceRequest",
        entityId: input.requestId,
        metadata: { organisationId: row.organisationId, invoiceNumber: number.number, issuedOn: date.day, amountFen, pdfKey, bytes: input.pdf.byteLength },
      });
      const requester = await tx.user.findUnique({ where: { id: issued.requestedById }, select: { email: true, locale: true, disabledAt: true } });
      if (requester && !requester.disabledAt) {
        const c = mailContext(requester.locale);
        const format = formatterFor(c.locale);
        const covers =
          issued.scope === "ORDER"
            ? c.t("org.invoices.coversOrder", { number: issued.orders[0]?.order.number ?? "" })
            : c.t("org.invoices.coversMonth", { month: format.dateTime(startOfBeijingMonth(issued.month ?? ""), "month"), count: issued.orders.length });
        const vars = { organisation: issued.organisation.name };
        await enqueueMail(tx, {
          to: requester.email,
          kind: "invoice-issued",
          dedupeKey: `invoice-issued:${input.requestId}`,
          subject: c.t("org.invoices.mail.subject", vars),
          text: [
            c.t("mail.greeting"),
            c.t("org.invoices.mail.intro", { ...vars, kind: c.t(`org.invoices.kinds.${issued.kind}`), number: number.number, date: format.dateTime(startOfBeijingDay(date.day), "day"), amount: c.money(amountFen), covers }),
            c.t("org.invoices.mail.download", { url: absoluteUrl("/org/invoices") }),
            `--\n${c.t("mail.signature")}`,
          ].join("\n\n"),
        });
      }
      return { ok: true, number: number.number };
    });
  } catch (error) {
    await storage.delete(pdfKey).catch((e: unknown) => log.error({ err: e, pdfKey }, "invoice pdf cleanup failed"));
    throw error;
  }
  if (!outcome.ok) await storage.delete(pdfKey).catch((e: unknown) => log.error({ err: e, pdfKey }, "invoice pdf cleanup failed"));
  return outcome;
}

// ─────────────────────────────── Reads ───────────────────────────────

/** The organisation's requests, newest first, with what each covers. */
export async function listOrganisationInvoices(db: Db, { organisationId }: OrgScope, limit = 100) {
  const rows = await db.invoiceRequest.findMany({
    where: { organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      scope: true,
      month: true,
      amountFen: true,
      status: true,
      invoiceNumber: true,
      issuedOn: true,
      pdfKey: true,
      createdAt: true,
      requestedById: true,
      orders: { select: { order: { select: { number: true } } }, orderBy: { orderId: "asc" } },
    },
  });
  const requesters = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(requesters.map((u) => [u.id, u.name ?? u.email]));
  return rows.map(({ orders, pdfKey, ...r }) => ({
    ...r,
    issuedDay: r.issuedOn ? r.issuedOn.toISOString().slice(0, 10) : null,
    hasPdf: pdfKey !== null,
    orderNumbers: orders.map((o) => o.order.number),
    requestedBy: nameOf.get(r.requestedById) ?? "",
  }));
}
export type OrganisationInvoice = Awaited<ReturnType<typeof listOrganisationInvoices>>[number];

/** The organisation's paid orders that may be invoiced on their own (money left, on no live request), newest first. */
export async function invoiceableOrders(db: Db, { organisationId }: OrgScope, limit = 200) {
  const orders = await db.order.findMany({
    where: { organisationId, paidAt: { not: null }, status: { in: [...PAID_ORDER_STATUSES] }, invoiceCoverage: { none: { liveOrderId: { not: null } } } },
    orderBy: [{ paidAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, number: true, paidAt: true, totalFen: true, refundedFen: true },
  });
  return orders.map((o) => ({ id: o.id, number: o.number, paidAt: o.paidAt!, netFen: orderNetFen(o) })).filter((o) => o.netFen > 0);
}

/** What the request form shows and prefills: the title and tax id, and for 专票 the last request's details or the address. */
export async function invoiceFormDefaults(db: Db, { organisationId }: OrgScope) {
  const [org, last] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { invoiceTitle: true, taxId: true, address: true } }),
    db.invoiceRequest.findFirst({ where: { organisationId, kind: "SPECIAL" }, orderBy: { createdAt: "desc" }, select: { bankAccount: true, addressPhone: true } }),
  ]);
  return { title: org.invoiceTitle, taxId: org.taxId, bankAccount: last?.bankAccount ?? "", addressPhone: last?.addressPhone ?? org.address };
}

export const ADMIN_INVOICE_PAGE_SIZE = 20;

/** The admins' list: requests of every organisation, newest first, by status (null: all), paged. */
export async function listInvoiceRequestsForAdmin(db: Db, { status, page }: { status: InvoiceStatus | null; page: number }) {
  const where = status ? { status } : {};
  const [total, rows] = await Promise.all([
    db.invoiceRequest.count({ where }),
    db.invoiceRequest.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * ADMIN_INVOICE_PAGE_SIZE,
      take: ADMIN_INVOICE_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        scope: true,
        month: true,
        title: true,
        taxId: true,
        bankAccount: true,
        addressPhone: true,
        amountFen: true,
        status: true,
        invoiceNumber: true,
        issuedOn: true,
        pdfKey: true,
        createdAt: true,
        requestedById: true,
        organisation: { select: { id: true, name: true } },
        orders: { orderBy: { orderId: "asc" }, select: { order: { select: { id: true, number: true, paidAt: true, totalFen: true, refundedFen: true } } } },
      },
    }),
  ]);
  const requesters = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } }, select: { id: true, name: true, email: true } });
  const who = new Map(requesters.map((u) => [u.id, u.name ? `${u.name} <${u.email}>` : u.email]));
  return {
    total,
    pages: Math.max(1, Math.ceil(total / ADMIN_INVOICE_PAGE_SIZE)),
    rows: rows.map(({ pdfKey, orders, ...r }) => {
      const covered = orders.map((o) => ({ id: o.order.id, number: o.order.number, paidAt: o.order.paidAt, netFen: orderNetFen(o.order) }));
      return {
        ...r,
        issuedDay: r.issuedOn ? r.issuedOn.toISOString().slice(0, 10) : null,
        hasPdf: pdfKey !== null,
        orders: covered,
        amountNowFen: covered.reduce((s, o) => s + o.netFen, 0),
        requestedBy: who.get(r.requestedById) ?? "",
      };
    }),
  };
}
export type AdminInvoiceRequest = Awaited<ReturnType<typeof listInvoiceRequestsForAdmin>>["rows"][number];

const plain = (status: number, body: string) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * GET /org/invoices/[id]/pdf. Signed out: 401. A platform admin: any organisation's invoice. Anyone else must be a
 * member of an organisation (403 otherwise, whatever the id), and only their own organisation's requests exist for
 * them (404 for another's, or an unknown id): a member learns nothing about other organisations. Within their
 * organisation, FINANCE or ORG_ADMIN (403 otherwise). A request with no PDF yet is 404.
 */
export async function invoicePdfResponse(db: Db, storage: Storage, user: Actor | null, requestId: string): Promise<Response> {
  if (!user) return plain(401, "Unauthorized");
  const admin = user.role === "ADMIN";
  if (!admin) {
    // A member without the reader's roles is refused before any id is looked up: 403 whatever the id.
    const member = decide(user, { kind: "organisation", roles: INVOICE_READER_ROLES });
    if (member !== "allow") return plain(decisionStatus[member], "Forbidden");
  }
  const request = await db.invoiceRequest.findFirst({
    where: admin ? { id: requestId } : { id: requestId, organisationId: user.organisation!.id },
    select: { organisationId: true, invoiceNumber: true, pdfKey: true },
  });
  if (!request) return plain(404, "Not Found");
  const decision = decideOrganisationRead(user, request.organisationId, INVOICE_READER_ROLES);
  if (decision !== "allow") return plain(decisionStatus[decision], decision === "notFound" ? "Not Found" : "Forbidden");
  if (!request.pdfKey) return plain(404, "Not Found");
  let object;
  try {
    object = await storage.get(request.pdfKey);
  } catch (error) {
    log.error({ err: error, requestId }, "invoice pdf read failed");
    return new Response("Service Unavailable\n", { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } });
  }
  if (!object) {
    log.error({ requestId, pdfKey: request.pdfKey }, "invoice pdf missing from the store");
    return plain(404, "Not Found");
  }
  const headers = new Headers({
    "content-type": "application/pdf",
    "content-disposition": `attachment; filename="invoice-${request.invoiceNumber ?? requestId}.pdf"`,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
  });
  if (object.size !== undefined) headers.set("content-length", String(object.size));
  return new Response(object.body, { status: 200, headers });
}

/** An outcome as the ActionState its form shows: the refusal's translated message (on its field too), or `done`. */
export function invoiceReply(t: Translate, outcome: InvoiceOutcome, done: string, values?: Record<string, string>): ActionState {
  if (outcome.ok) return { ok: true, status: 200, message: done, ...(values ? { values } : {}) };
  const message = t(outcome.key, outcome.vars);
  return { ok: false, status: outcome.status, message, ...(outcome.field ? { fieldErrors: { [outcome.field]: message } } : {}), ...(values ? { values } : {}) };
}
