import "server-only";
// One way out for mail: every message is a row in the MailMessage outbox (lib/server/mail/outbox.ts), sent by the
// outbox worker (lib/server/mail/deliver.ts) over SMTP when SMTP_URL is configured, with retries. With no mail
// server (development, tests) the outbox is readable at /dev/outbox and, outside production, the message is
// logged (info) so its links can be followed.
import type { Translate } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";
import { deliverOutbox } from "@/lib/server/mail/deliver";
import { enqueueMail } from "@/lib/server/mail/outbox";
import { smtpTransport } from "@/lib/server/mail/transport";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is about (kept on the outbox row); "system" when not given. */
  kind?: string;
}

/**
 * Mail a visitor is waiting for (sign-up, password reset), outside any order transaction: written to the outbox,
 * then handed to the worker at once without waiting for the SMTP round trip. A failed send is retried by the
 * worker on the server's timer; the flow that sent it goes on either way.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const id = await enqueueMail(db, { to: mail.to, subject: mail.subject, text: mail.text, kind: mail.kind ?? "system" });
  if (!id) return;
  if (!smtpTransport()) {
    if (env.NODE_ENV !== "production") log.info({ mailId: id, to: mail.to, subject: mail.subject, text: mail.text }, "mail kept in the outbox (no SMTP_URL)");
    return;
  }
  void deliverOutbox(db, { ids: [id] }).catch((error: unknown) => log.error({ mailId: id, err: error }, "mail: delivery failed"));
}

/** Whether the developer outbox page is served: never in production unless explicitly enabled. */
export function outboxPageEnabled(): boolean {
  return env.NODE_ENV !== "production" || env.DEV_OUTBOX;
}

/**
 * The one mail a sign-up sends, whether the address was new (the account was created) or already had an
 * account (its owner is told, and nothing was created): one mail either way, so the two cannot be told apart
 * from outside by the work done.
 */
export function signUpMail(t: Translate, to: string, account: "created" | "existing", urls: { signIn: string; reset: string }): Mail {
  return account === "created"
    ? { to, kind: "sign-up", subject: t("auth.signUpWelcomeSubject"), text: t("auth.signUpWelcomeBody", { signInUrl: urls.signIn }) }
    : { to, kind: "sign-up", subject: t("auth.signUpExistingSubject"), text: t("auth.signUpExistingBody", { signInUrl: urls.signIn, resetUrl: urls.reset }) };
}
