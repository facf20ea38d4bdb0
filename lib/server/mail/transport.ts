import "server-only";
// The SMTP connection, made once per process from SMTP_URL. Null when no mail server is configured
// (development, tests): mail then stays PENDING in the outbox, readable at /dev/outbox.
import nodemailer from "nodemailer";
import { env } from "@/lib/server/env";

/** What the worker needs of a transport: nodemailer's Transporter, or a fake one in tests. */
export interface MailTransport {
  sendMail(message: { from: string; to: string; subject: string; text: string; html?: string; messageId?: string }): Promise<unknown>;
}

let transport: MailTransport | null | undefined;

export function smtpTransport(): MailTransport | null {
  if (transport === undefined) transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  return transport;
}
