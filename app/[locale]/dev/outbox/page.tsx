import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/server/db";
import { getFormat, getT } from "@/lib/server/i18n";
import { outboxPageEnabled } from "@/lib/server/mail";

export const metadata: Metadata = { robots: { index: false } };

const STATUS_CLASS = { PENDING: "bg-amber-100 text-amber-900", SENT: "bg-leaf-50 text-leaf-700", FAILED: "bg-wine-50 text-wine-700" } as const;

/** Development only (404 in production unless DEV_OUTBOX=1): the mail written to the outbox, sent or not. */
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
          <li key={m.id} className="rounded-xl bg-white p-4 shadow-sm" data-testid="outbox-message" data-to={m.to} data-kind={m.kind} data-status={m.status}>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{m.subject}</span>
              <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-medium ${STATUS_CLASS[m.status]}`}>{t(`mail.outbox.status.${m.status}`)}</span>
            </p>
            <p className="text-sm text-earth-600">
              {m.to} · {format.dateTime(m.createdAt, "dateTime")} · {t("mail.outbox.kind", { kind: m.kind })}
            </p>
            {m.lastError && <p className="text-sm text-wine-700">{t("mail.outbox.attempts", { count: m.attempts, error: m.lastError })}</p>}
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.text}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}
