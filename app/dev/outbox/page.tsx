import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db";
import { getFormat, getT } from "@/lib/server/i18n";
import { outboxPageEnabled } from "@/lib/server/mail";

export const metadata: Metadata = { robots: { index: false } };

/** Development only (404 in production unless DEV_OUTBOX=1): the mail that would have been sent. */
export default async function OutboxPage() {
  if (!outboxPageEnabled()) notFound();
  const [t, format] = await Promise.all([getT(), getFormat()]);
  const mail = await db.mailMessage.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("areas.outboxTitle")}</h1>
      <p className="text-earth-600">{t("areas.outboxLead")}</p>
      {mail.length === 0 && <p>{t("areas.outboxEmpty")}</p>}
      <ul className="space-y-3">
        {mail.map((m) => (
          <li key={m.id} className="rounded-xl bg-white p-4 shadow-sm" data-testid="outbox-message" data-to={m.to}>
            <p className="font-medium">{m.subject}</p>
            <p className="text-sm text-earth-600">
              {m.to} · {format.dateTime(m.createdAt, "dateTime")}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
