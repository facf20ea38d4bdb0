import "server-only";
// What the monthly settlement tells people, through the mail outbox (./outbox.ts), in each reader's language
// (User.locale): a new statement asks its cooperative's managers to confirm or dispute it; a dispute goes to every
// admin with the manager's note; a dispute answered (the statement back to OPEN) asks the managers again; a recorded
// transfer tells the managers it was paid. Call notifySettlement(tx, …) inside the transaction that makes the change.
// Dedupe keys are per statement, event and reader (a dispute and its answer also per disputedAt, since a reopened
// statement may be disputed again), so a retry writes nothing twice. Work mail: sent whatever a reader's opt-out
// says; disabled accounts get none.
import { startOfBeijingDay, startOfBeijingMonth } from "@/lib/domain/calendar";
import { formatterFor } from "@/lib/i18n/translate";
import { absoluteUrl } from "@/lib/server/env";
import { body, mailContext, type MailContext, type Tx } from "@/lib/server/notify/common";
import { enqueueMail, type OutboxMail } from "./outbox";

export type SettlementMailEvent =
  /** Statements drawn up for the first time (not a recompute). */
  | { type: "statementGenerated"; settlementIds: readonly string[] }
  | { type: "statementDisputed"; settlementId: string }
  /** A disputed statement put back to OPEN (the admin's answer, or a recompute): its managers are asked again. */
  | { type: "statementReopened"; settlementId: string }
  | { type: "statementPaid"; settlementId: string };

const READER = { select: { id: true, email: true, locale: true } } as const;
const ACTIVE_MANAGERS = { where: { user: { disabledAt: null } }, orderBy: { userId: "asc" }, select: { user: READER } } as const;

const statementUrl = (cooperativeId: string, month: string) => absoluteUrl(`/coop/statements/${month}?cooperative=${cooperativeId}`);
const monthOf = (periodStart: Date) => periodStart.toISOString().slice(0, 7);
const monthLabel = (c: MailContext, month: string) => formatterFor(c.locale).dateTime(startOfBeijingMonth(month), "month");
const dayLabel = (c: MailContext, day: Date) => formatterFor(c.locale).dateTime(startOfBeijingDay(day.toISOString().slice(0, 10)), "day");

type Reader = { id: string; email: string; locale: string };
type ToManagers = { id: string; cooperativeId: string; periodStart: Date; amountFen: number; cooperative: { nameZh: string; nameEn: string; managers: { user: Reader }[] } };

/**
 * One mail per active manager of the statement's cooperative, in the manager's language, with the variables every
 * manager mail shows (cooperative, month, amount) and the statement's link; `write` adds what the mail says.
 */
function toManagers(s: ToManagers, write: (m: { c: MailContext; user: Reader; vars: { cooperative: string; month: string; amount: string }; url: string }) => OutboxMail): OutboxMail[] {
  const month = monthOf(s.periodStart);
  const url = statementUrl(s.cooperativeId, month);
  return s.cooperative.managers.map(({ user }) => {
    const c = mailContext(user.locale);
    return write({ c, user, vars: { cooperative: c.name(s.cooperative), month: monthLabel(c, month), amount: c.money(s.amountFen) }, url });
  });
}

async function generatedMails(tx: Tx, settlementIds: readonly string[]): Promise<OutboxMail[]> {
  if (settlementIds.length === 0) return [];
  const statements = await tx.settlement.findMany({
    where: { id: { in: [...settlementIds] } },
    orderBy: { id: "asc" },
    select: { id: true, cooperativeId: true, periodStart: true, amountFen: true, cooperative: { select: { nameZh: true, nameEn: true, managers: ACTIVE_MANAGERS } } },
  });
  return statements.flatMap((s) =>
    toManagers(s, ({ c, user, vars, url }) => ({
      to: user.email,
      kind: "settlement-generated",
      dedupeKey: `settlementGenerated:${s.id}:${user.id}`,
      subject: c.t("mail.settlementGenerated.subject", vars),
      text: body(c, [c.t("mail.settlementGenerated.intro", vars), c.t("mail.settlementGenerated.ask", { url })]),
    })),
  );
}

async function disputedMails(tx: Tx, settlementId: string): Promise<OutboxMail[]> {
  const s = await tx.settlement.findUnique({
    where: { id: settlementId },
    select: { id: true, status: true, periodStart: true, amountFen: true, disputedAt: true, disputeNote: true, cooperative: { select: { nameZh: true, nameEn: true } } },
  });
  if (s?.status !== "DISPUTED" || !s.disputedAt) return [];
  const disputedAt = s.disputedAt.getTime();
  const admins = await tx.user.findMany({ where: { role: "ADMIN", disabledAt: null }, orderBy: { id: "asc" }, ...READER });
  const month = monthOf(s.periodStart);
  return admins.map((user) => {
    const c = mailContext(user.locale);
    const { t } = c;
    const vars = { cooperative: c.name(s.cooperative), month: monthLabel(c, month), amount: c.money(s.amountFen) };
    return {
      to: user.email,
      kind: "settlement-disputed",
      dedupeKey: `settlementDisputed:${s.id}:${disputedAt}:${user.id}`,
      subject: t("mail.settlementDisputed.subject", vars),
      text: body(c, [
        t("mail.settlementDisputed.intro", vars),
        t("mail.settlementDisputed.note", { note: s.disputeNote ?? "" }),
        t("mail.settlementDisputed.link", { url: absoluteUrl(`/admin/settlements?month=${month}`) }),
      ]),
    };
  });
}

async function reopenedMails(tx: Tx, settlementId: string): Promise<OutboxMail[]> {
  const s = await tx.settlement.findUnique({
    where: { id: settlementId },
    select: {
      id: true,
      cooperativeId: true,
      status: true,
      periodStart: true,
      amountFen: true,
      disputedAt: true,
      disputeNote: true,
      cooperative: { select: { nameZh: true, nameEn: true, managers: ACTIVE_MANAGERS } },
    },
  });
  if (s?.status !== "OPEN" || !s.disputedAt) return [];
  const disputedAt = s.disputedAt.getTime();
  return toManagers(s, ({ c, user, vars, url }) => ({
    to: user.email,
    kind: "settlement-reopened",
    // One per dispute answered: the admin's reopen and a recompute cannot both move the same dispute.
    dedupeKey: `settlementReopened:${s.id}:${disputedAt}:${user.id}`,
    subject: c.t("mail.settlementReopened.subject", vars),
    text: body(c, [[c.t("mail.settlementReopened.intro", vars), c.t("mail.settlementReopened.note", { note: s.disputeNote ?? "" })], c.t("mail.settlementReopened.ask", { url })]),
  }));
}

async function paidMails(tx: Tx, settlementId: string): Promise<OutboxMail[]> {
  const s = await tx.settlement.findUnique({
    where: { id: settlementId },
    select: {
      id: true,
      cooperativeId: true,
      status: true,
      periodStart: true,
      amountFen: true,
      paidOn: true,
      reference: true,
      cooperative: { select: { nameZh: true, nameEn: true, managers: ACTIVE_MANAGERS } },
    },
  });
  if (s?.status !== "PAID" || !s.paidOn) return [];
  const paidOn = s.paidOn;
  return toManagers(s, ({ c, user, vars, url }) => {
    const paid = { ...vars, date: dayLabel(c, paidOn) };
    return {
      to: user.email,
      kind: "settlement-paid",
      dedupeKey: `settlementPaid:${s.id}:${user.id}`,
      subject: c.t("mail.settlementPaid.subject", paid),
      text: body(c, [[c.t("mail.settlementPaid.intro", paid), c.t("mail.settlementPaid.reference", { reference: s.reference ?? "" })], c.t("mail.settlementPaid.link", { url })]),
    };
  });
}

function mailsFor(tx: Tx, event: SettlementMailEvent): Promise<OutboxMail[]> {
  switch (event.type) {
    case "statementGenerated":
      return generatedMails(tx, event.settlementIds);
    case "statementDisputed":
      return disputedMails(tx, event.settlementId);
    case "statementReopened":
      return reopenedMails(tx, event.settlementId);
    case "statementPaid":
      return paidMails(tx, event.settlementId);
  }
}

/** Enqueues the event's mails in the caller's transaction; returns how many were written (not already there). */
export async function notifySettlement(tx: Tx, event: SettlementMailEvent): Promise<number> {
  let written = 0;
  for (const mail of await mailsFor(tx, event)) if (await enqueueMail(tx, mail)) written++;
  return written;
}
