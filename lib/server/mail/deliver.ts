import "server-only";
// The outbox worker: sends PENDING mail that is due, over SMTP, with retries and exponential backoff. Runs on the
// server's timer (instrumentation.ts) in every process, and right after sendMail for the mail a visitor waits for
// (sign-up, password reset). Several processes may run it at once: a row is claimed by a conditional update
// (still PENDING, still due, attempts unchanged) that also pushes its next attempt a lease ahead, so exactly one
// worker sends it; a worker that dies mid-send leaves the row to be retried when the lease runs out.
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { smtpTransport, type MailTransport } from "./transport";

/** The wait after the 1st, 2nd… failed attempt; one more failure after the last wait gives up (FAILED). */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** How long a claimed row is left alone by other workers (well above an SMTP round trip with its timeouts). */
export const CLAIM_LEASE_MS = 10 * 60_000;

export interface DeliverOptions {
  now?: Date;
  limit?: number;
  /** Only these rows (sendMail's kick); otherwise every due row, oldest first. */
  ids?: string[];
  /** Defaults to the SMTP transport from SMTP_URL; with none, nothing is sent and rows stay PENDING. */
  transport?: MailTransport | null;
  from?: string;
}

export interface DeliverResult {
  sent: number;
  retried: number;
  failed: number;
}

/** When the next attempt is due after `attempts` failed ones, or null when that was the last. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const wait = BACKOFF_MS[attempts - 1];
  return attempts >= MAX_ATTEMPTS || wait === undefined ? null : new Date(now.getTime() + wait);
}

export async function deliverOutbox(db: Db, options: DeliverOptions = {}): Promise<DeliverResult> {
  const result: DeliverResult = { sent: 0, retried: 0, failed: 0 };
  const transport = options.transport === undefined ? smtpTransport() : options.transport;
  if (!transport) return result;
  const now = options.now ?? new Date();
  const due = await db.mailMessage.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now }, ...(options.ids ? { id: { in: options.ids } } : {}) },
    orderBy: { nextAttemptAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true, to: true, subject: true, text: true, html: true, kind: true, attempts: true },
  });
  for (const mail of due) {
    const claimed = await db.mailMessage.updateMany({
      where: { id: mail.id, status: "PENDING", attempts: mail.attempts, nextAttemptAt: { lte: now } },
      data: { attempts: mail.attempts + 1, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) },
    });
    if (claimed.count !== 1) continue; // another worker has it
    const attempts = mail.attempts + 1;
    try {
      await transport.sendMail({
        from: options.from ?? env.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
      await db.mailMessage.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
      result.sent++;
    } catch (error) {
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const retryAt = nextAttemptAfter(attempts, now);
      if (retryAt) {
        await db.mailMessage.update({ where: { id: mail.id }, data: { lastError, nextAttemptAt: retryAt } });
        log.warn({ mailId: mail.id, kind: mail.kind, attempts, retryAt, err: error }, "mail: send failed, will retry");
        result.retried++;
      } else {
        await db.mailMessage.update({ where: { id: mail.id }, data: { lastError, status: "FAILED" } });
        log.error({ mailId: mail.id, kind: mail.kind, to: mail.to, attempts, err: error }, "mail: gave up after the last attempt");
        result.failed++;
      }
    }
  }
  return result;
}
