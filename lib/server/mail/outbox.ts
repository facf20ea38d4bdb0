import "server-only";
// The mail outbox: a message is a MailMessage row written in the same transaction as the change it tells about,
// so it goes out exactly when that change commits and never blocks or fails it. A worker (deliverOutbox, on the
// server's timer in instrumentation.ts) sends PENDING rows over SMTP with retries and backoff. A dedupe key makes
// a second enqueue of the same event (a retried action, two sweepers) write nothing.
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { Prisma } from "@/lib/generated/prisma/client";

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is about, e.g. "order-placed" (kept on the row, for the outbox page and the logs). */
  kind: string;
  /** One mail per event: e.g. `order-placed:<orderId>`. */
  dedupeKey?: string;
}

/**
 * Writes the mail into the outbox inside the caller's transaction; a second mail with the same dedupe key is
 * skipped. Returns the new row's id, or null when the key was already there.
 */
export async function enqueueMail(tx: Db | Prisma.TransactionClient, mail: OutboxMail): Promise<string | null> {
  const rows = await tx.mailMessage.createManyAndReturn({
    data: [{ to: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind, dedupeKey: mail.dedupeKey ?? null }],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}

/**
 * The row enqueueMail writes, as an INSERT to run inside a larger statement (one branch of a WITH … that writes
 * several tables at once, as placing an order does), so the mail costs no round trip of its own. Same columns, same
 * skip on a dedupe key already there; `at` is when it was enqueued (nextAttemptAt and createdAt).
 */
export function enqueueMailSql(mail: OutboxMail, at: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "MailMessage" ("id", "to", "subject", "text", "kind", "dedupeKey", "nextAttemptAt", "createdAt")
    VALUES (${newId()}, ${mail.to}, ${mail.subject}, ${mail.text}, ${mail.kind}, ${mail.dedupeKey ?? null}, ${at}::timestamp(3), ${at}::timestamp(3))
    ON CONFLICT DO NOTHING`;
}
