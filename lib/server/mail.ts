import "server-only";
// One way out for mail. Every message is written to the MailMessage table (the outbox); when SMTP_URL is
// configured it is also sent and marked sent. With no mail server (development, tests) the outbox is
// readable at /dev/outbox and, outside production, the message is logged (info) so its links can be followed.
import nodemailer from "nodemailer";
import type { Translate } from "@/lib/i18n/translate";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { log } from "@/lib/server/log";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | null | undefined;

function smtp(): nodemailer.Transporter | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}

export async function sendMail(mail: Mail): Promise<void> {
  const row = await db.mailMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
  const t = smtp();
  if (!t) {
    if (env.NODE_ENV !== "production") log.info({ mailId: row.id, to: mail.to, subject: mail.subject, text: mail.text }, "mail kept in the outbox (no SMTP_URL)");
    return;
  }
  try {
    await t.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    await db.mailMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    // The message stays unsent in the outbox; the flow that sent it goes on (the person can ask again).
    log.error({ mailId: row.id, err: error }, "mail: SMTP send failed");
  }
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
    ? { to, subject: t("auth.signUpWelcomeSubject"), text: t("auth.signUpWelcomeBody", { signInUrl: urls.signIn }) }
    : { to, subject: t("auth.signUpExistingSubject"), text: t("auth.signUpExistingBody", { signInUrl: urls.signIn, resetUrl: urls.reset }) };
}
