import "server-only";
// Approving an organisation's orders (issue 15, item 3). An order above the organisation's threshold is placed
// PENDING (lib/domain/approval.ts): its stock stays reserved until `reservedUntil`, the end of the approval window,
// and the reservation sweep cancels it then if nobody decided. Approvers see the basket and approve (the ordinary
// bank-transfer window starts now, its reservations extended with it) or reject (the order is cancelled and its
// stock given back) with a note; the purchaser is mailed either way, in their language, through the outbox, in the
// decision's transaction. A decision takes the order's row lock, so two approvers deciding at once cannot both
// win, and a decision racing the sweep either finds the order still pending or changes nothing.
import type { Db } from "@/lib/db/client";
import { decisionRefusal, type ApprovalRefusal } from "@/lib/domain/approval";
import { RESERVATION_MS } from "@/lib/domain/checkout";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { enqueueMail, type OutboxMail } from "@/lib/server/mail/outbox";
import { body, lineTexts, mailContext } from "@/lib/server/notify/common";
import { cancelPendingOrder } from "@/lib/server/orders/lifecycle";
import { operatorBankAccount } from "@/lib/server/queries/orders";
import { absoluteUrl } from "@/lib/server/env";
import { NOT_FOUND, refuse, type OrgOutcome, type OrgScope } from "./scope";
import { membersWithRole } from "./member-roles";

type Tx = Prisma.TransactionClient;

const BASKET_SELECT = {
  id: true,
  number: true,
  status: true,
  approvalStatus: true,
  approvalNote: true,
  approvalDecidedAt: true,
  itemsFen: true,
  shippingFen: true,
  discountFen: true,
  totalFen: true,
  placedAt: true,
  reservedUntil: true,
  recipient: true,
  district: true,
  street: true,
  note: true,
  buyer: { select: { id: true, name: true, email: true } },
  items: { orderBy: { id: "asc" }, select: { id: true, nameZh: true, nameEn: true, unitPriceFen: true, quantity: true, lineTotalFen: true } },
} as const satisfies Prisma.OrderSelect;

export type ApprovalBasket = Prisma.OrderGetPayload<{ select: typeof BASKET_SELECT }>;

/** The organisation's orders waiting for an approver, oldest first (the one whose window ends first on top). */
export async function approvalQueue(db: Db, { organisationId }: OrgScope, now = new Date()): Promise<ApprovalBasket[]> {
  return db.order.findMany({
    where: { organisationId, approvalStatus: "PENDING", status: "PENDING_PAYMENT", reservedUntil: { gt: now } },
    orderBy: [{ reservedUntil: "asc" }, { id: "asc" }],
    select: BASKET_SELECT,
  });
}

/** The organisation's recent decisions (approved or rejected), newest first. */
export async function recentDecisions(db: Db, { organisationId }: OrgScope, take = 20): Promise<ApprovalBasket[]> {
  return db.order.findMany({
    where: { organisationId, approvalStatus: { in: ["APPROVED", "REJECTED"] } },
    orderBy: [{ approvalDecidedAt: "desc" }, { id: "desc" }],
    take,
    select: BASKET_SELECT,
  });
}

export interface ApprovalDecision {
  organisationId: string;
  orderId: string;
  approve: boolean;
  note: string;
}

const REFUSALS: Record<ApprovalRefusal, ReturnType<typeof refuse>> = {
  notPending: refuse(409, "org.approvals.errors.notPending"),
  expired: refuse(410, "org.approvals.errors.expired"),
  ownOrder: refuse(403, "org.approvals.errors.ownOrder"),
};

/**
 * An approver of the organisation decides one of its waiting orders. Another organisation's order (or none) is
 * "not found" and nothing is written; a rejection needs its note (the purchaser is told why).
 */
export async function decideApproval(db: Db, deciderId: string, input: ApprovalDecision, now = new Date()): Promise<OrgOutcome<{ number: string }>> {
  if (!input.approve && input.note.trim() === "") return refuse(400, "org.approvals.errors.noteRequired", "note");
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Order" WHERE "id" = ${input.orderId} AND "organisationId" = ${input.organisationId} FOR UPDATE`;
    if (locked.length !== 1) return NOT_FOUND;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { ...BASKET_SELECT, buyerId: true, transferReference: true, buyer: { select: { id: true, name: true, email: true, locale: true } } },
    });
    const approvers = (await membersWithRole(tx, input.organisationId, "APPROVER")).length;
    const refusal = decisionRefusal(order, deciderId, approvers <= 1, now);
    if (refusal) return REFUSALS[refusal];
    const note = input.note.trim() || null;
    const decided = { approvalDecidedById: deciderId, approvalDecidedAt: now, approvalNote: note };
    if (input.approve) {
      // The ordinary bank-transfer window starts with the approval; the held stock stays held as long.
      const reservedUntil = new Date(now.getTime() + RESERVATION_MS.BANK_TRANSFER);
      await tx.order.update({ where: { id: order.id }, data: { approvalStatus: "APPROVED", reservedUntil, ...decided } });
      await tx.stockReservation.updateMany({ where: { orderId: order.id, status: "ACTIVE" }, data: { expiresAt: reservedUntil } });
      await enqueueMail(tx, await decisionMail(tx, { ...order, reservedUntil }, input.organisationId, true, note));
    } else {
      await tx.order.update({ where: { id: order.id }, data: { approvalStatus: "REJECTED", ...decided } });
      await cancelPendingOrder(tx, order.id, "rejected", now);
      await enqueueMail(tx, await decisionMail(tx, order, input.organisationId, false, note));
    }
    await audit(tx, {
      action: input.approve ? "order.approved" : "order.rejected",
      actorId: deciderId,
      entityType: "Order",
      entityId: order.id,
      metadata: { organisationId: input.organisationId, totalFen: order.totalFen, ...(note ? { note } : {}) },
    });
    return { ok: true, number: order.number } as const;
  });
}

/**
 * The purchaser's mail: approved, with the transfer instructions (the operator's account, the amount, the reference
 * and the deadline, and the organisation's own details as the transfer should come from them); or rejected, with
 * the approver's note and the stock given back.
 */
async function decisionMail(
  tx: Tx,
  order: Pick<ApprovalBasket, "id" | "number" | "totalFen" | "items" | "reservedUntil"> & { transferReference: string | null; buyer: { email: string; locale: string } },
  organisationId: string,
  approved: boolean,
  note: string | null,
): Promise<OutboxMail> {
  const c = mailContext(order.buyer.locale);
  const { t } = c;
  const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true, invoiceTitle: true, taxId: true } });
  const bank = operatorBankAccount();
  const decision = approved
    ? [
        t("org.approvals.mail.approvedIntro", { number: order.number, organisation: organisation.name }),
        ...(note ? [t("org.approvals.mail.note", { note })] : []),
        t("mail.orderPlaced.bankTitle"),
        t("mail.orderPlaced.bankDetails", { name: bank.name, bank: bank.bank, account: bank.number, amount: c.money(order.totalFen), reference: order.transferReference ?? "" }),
        t("org.approvals.mail.payer", { title: organisation.invoiceTitle, taxId: organisation.taxId }),
        ...(order.reservedUntil ? [t("mail.orderPlaced.bankDeadline", { deadline: c.time(order.reservedUntil) })] : []),
      ]
    : [t("org.approvals.mail.rejectedIntro", { number: order.number, organisation: organisation.name }), t("org.approvals.mail.note", { note: note ?? "" }), t("org.approvals.mail.released")];
  return {
    to: order.buyer.email,
    kind: approved ? "order-approved" : "order-rejected",
    dedupeKey: `orderApproval:${order.id}`,
    subject: t(approved ? "org.approvals.mail.approvedSubject" : "org.approvals.mail.rejectedSubject", { number: order.number }),
    text: body(c, [decision, lineTexts(c, order.items), t("mail.orderLink", { url: absoluteUrl(`/org/orders/${order.id}`) })]),
  };
}

/**
 * The organisation's approvers are told an order waits for them (placing it, in its transaction): one mail each,
 * in their language, with the basket's total, the purchaser and the deadline. The purchaser themself is left out
 * unless they are the only approver.
 */
export async function mailApprovers(
  tx: Tx,
  order: { id: string; number: string; totalFen: number; reservedUntil: Date; buyerId: string; buyerName: string; organisationId: string },
): Promise<number> {
  const approvers = await membersWithRole(tx, order.organisationId, "APPROVER");
  const others = approvers.filter((a) => a.user.id !== order.buyerId);
  const to = others.length > 0 ? others : approvers;
  for (const { user } of to) {
    const c = mailContext(user.locale);
    await enqueueMail(tx, {
      to: user.email,
      kind: "order-approval-requested",
      dedupeKey: `approvalRequested:${order.id}:${user.id}`,
      subject: c.t("org.approvals.mail.requestSubject", { number: order.number }),
      text: body(c, [
        c.t("org.approvals.mail.requestIntro", { number: order.number, buyer: order.buyerName, amount: c.money(order.totalFen) }),
        c.t("org.approvals.mail.requestDeadline", { deadline: c.time(order.reservedUntil) }),
        c.t("org.approvals.mail.requestLink", { url: absoluteUrl("/org/approvals") }),
      ]),
    });
  }
  return to.length;
}
