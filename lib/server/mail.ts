import "server-only";
// One way out for mail. Every message is written to the MailMessage table (the outbox); when SMTP_URL is
// configured it is also sent and marked sent. With no mail server (development, tests) the outbox is
// readable at /dev/outbox and the message is printed to the console.
import nodemailer from "nodemailer";
import { db } from "@/lib/server/db";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: nodemailer.Transporter | null | undefined;

function smtp(): nodemailer.Transporter | null {
  if (transport === undefined) transport = process.env.SMTP_URL ? nodemailer.createTransport(process.env.SMTP_URL) : null;
  return transport;
}

export async function sendMail(mail: Mail): Promise<void> {
  const row = await db.mailMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
  const t = smtp();
  if (!t) {
    if (process.env.NODE_ENV !== "production") console.info(`[mail] to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return;
  }
  try {
    await t.sendMail({ from: process.env.MAIL_FROM ?? "noreply@localhost", to: mail.to, subject: mail.subject, text: mail.text });
    await db.mailMessage.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    // The message stays unsent in the outbox; the flow that sent it goes on (the person can ask again).
    console.error("[mail] SMTP send failed:", error instanceof Error ? error.message : error);
  }
}

/** Whether the developer outbox page is served: never in production unless explicitly enabled. */
export function outboxPageEnabled(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.DEV_OUTBOX === "1";
}
