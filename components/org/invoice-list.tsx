import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { startOfBeijingDay, startOfBeijingMonth } from "@/lib/domain/calendar";
import { cancelInvoiceAction } from "@/lib/server/actions/org/invoice-cancel";
import type { OrganisationInvoice } from "@/lib/server/orgs/invoices";

const STATUS_TONE = { REQUESTED: "bg-earth-100 text-earth-900", ISSUED: "bg-leaf-50 text-leaf-700", CANCELLED: "bg-wine-50 text-wine-700" } as const;

/** The organisation's invoice requests, newest first: what each covers, its state, and the PDF for finance members. */
export function InvoiceList({ requests, canDownload }: { requests: OrganisationInvoice[]; canDownload: boolean }) {
  const t = useTranslations("org.invoices");
  const format = useFormatter();
  return (
    <Section title={t("list.heading")} testId="invoice-list">
      {requests.length === 0 && <Notice>{t("list.empty")}</Notice>}
      <ul className="divide-y divide-earth-100">
        {requests.map((r) => (
          <li key={r.id} className="space-y-1 py-3" data-testid="invoice-request" data-id={r.id} data-status={r.status}>
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">
                {r.scope === "ORDER"
                  ? t("coversOrder", { number: r.orderNumbers[0] ?? "" })
                  : t("coversMonth", { month: format.dateTime(startOfBeijingMonth(r.month ?? ""), "month"), count: r.orderNumbers.length })}
              </span>
              <Price fen={r.amountFen} className="font-semibold" />
            </p>
            <p className="flex flex-wrap items-center gap-2 text-sm text-earth-600">
              <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_TONE[r.status]}`}>{t(`statuses.${r.status}`)}</span>
              <span>{t(`kinds.${r.kind}`)}</span>
              <span>
                {t("list.requested")} {format.dateTime(r.createdAt, "dayShort")}
              </span>
              <span>{t("list.requestedBy", { name: r.requestedBy })}</span>
            </p>
            {r.scope === "MONTH" && r.orderNumbers.length > 0 && <p className="font-mono text-xs text-earth-600">{r.orderNumbers.join(" · ")}</p>}
            {r.status === "ISSUED" && r.invoiceNumber && r.issuedDay && (
              <p className="flex flex-wrap items-center gap-3 text-sm">
                <span>
                  {t("list.invoice")}: <span className="font-mono">{t("list.issuedInvoice", { number: r.invoiceNumber, date: format.dateTime(startOfBeijingDay(r.issuedDay), "dayShort") })}</span>
                </span>
                {r.hasPdf &&
                  (canDownload ? (
                    // A route handler, not a page: a plain link (the browser downloads the file).
                    <a href={`/org/invoices/${r.id}/pdf`} className="font-medium text-wine-700 underline" data-testid="invoice-download">
                      {t("list.download")}
                    </a>
                  ) : (
                    <span className="text-earth-600">{t("list.downloadFinanceOnly")}</span>
                  ))}
              </p>
            )}
            {r.status === "REQUESTED" && (
              <ActionForm action={cancelInvoiceAction} submitLabel={t("list.cancel")} variant="secondary" className="flex flex-wrap items-center gap-3 pt-1">
                <input type="hidden" name="requestId" value={r.id} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}
