import { useFormatter, useTranslations } from "next-intl";
import { ActionForm, Field } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { startOfBeijingDay, startOfBeijingMonth } from "@/lib/domain/calendar";
import { formatMoney } from "@/lib/i18n/format";
import { adminCancelInvoiceAction } from "@/lib/server/actions/admin/invoice-cancel";
import { issueInvoiceAction } from "@/lib/server/actions/admin/invoice-issue";
import type { AdminInvoiceRequest } from "@/lib/server/orgs/invoices";
import { RowActionForm, RowActions } from "./row-actions";

/**
 * Invoice requests for the county centre: the organisation, what the request covers and its amount, what the
 * invoice must quote (title, tax id; bank and address/phone for 专票), and on a waiting request the form that records
 * the issued invoice. The issue forms share one action state (row-actions.tsx): an issued request leaves the
 * waiting list and its success stays above the list; a refusal shows on its own row.
 */
export function InvoiceRequests({ requests, today }: { requests: AdminInvoiceRequest[]; today: string }) {
  const t = useTranslations("org.invoices");
  const format = useFormatter();
  return (
    <RowActions action={issueInvoiceAction} rowField="requestId" testId="invoice-issue-status">
      {requests.length === 0 && <Notice>{t("admin.empty")}</Notice>}
      <ul className="space-y-3">
        {requests.map((r) => (
          <Section key={r.id} as="li" className="space-y-2" testId="invoice-admin-request" data={{ "data-id": r.id, "data-status": r.status, "data-organisation": r.organisation.id }}>
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-medium">{r.organisation.name}</span>
              <Price fen={r.amountFen} className="font-semibold" />
            </p>
            <p className="text-sm text-earth-600">
              {t(`statuses.${r.status}`)} · {t(`kinds.${r.kind}`)} ·{" "}
              {r.scope === "ORDER"
                ? t("coversOrder", { number: r.orders[0]?.number ?? "" })
                : t("coversMonth", { month: format.dateTime(startOfBeijingMonth(r.month ?? ""), "month"), count: r.orders.length })}{" "}
              · {t("admin.requestedAt", { date: format.dateTime(r.createdAt, "dateTime") })} · {r.requestedBy}
            </p>
            {r.status === "REQUESTED" && r.amountNowFen !== r.amountFen && (
              <Notice tone="bad">{t("admin.amountNow", { amount: formatMoney(format, r.amountNowFen) })}</Notice>
            )}
            <dl className="grid gap-1 rounded-lg bg-earth-100/60 p-3 text-sm">
              <dt className="text-earth-600">{t("admin.onInvoice")}</dt>
              <dd className="font-medium" data-testid="invoice-title">
                {r.title}
              </dd>
              <dd className="font-mono">{t("admin.taxId", { value: r.taxId })}</dd>
              {r.kind === "SPECIAL" && (
                <>
                  <dd>{t("admin.bankAccount", { value: r.bankAccount ?? "" })}</dd>
                  <dd>{t("admin.addressPhone", { value: r.addressPhone ?? "" })}</dd>
                </>
              )}
            </dl>
            <details className="text-sm">
              <summary className="cursor-pointer text-earth-600">{t("admin.orders")}</summary>
              <ul className="mt-1 space-y-0.5">
                {r.orders.map((o) => (
                  <li key={o.id} className="flex justify-between gap-2">
                    <span className="font-mono">{o.number}</span>
                    <span className="text-earth-600">{o.paidAt ? format.dateTime(o.paidAt, "dayShort") : ""}</span>
                    <Price fen={o.netFen} />
                  </li>
                ))}
              </ul>
            </details>
            {r.status === "ISSUED" && r.invoiceNumber && r.issuedDay && (
              <p className="flex flex-wrap gap-3 text-sm">
                <span className="font-mono">{t("list.issuedInvoice", { number: r.invoiceNumber, date: format.dateTime(startOfBeijingDay(r.issuedDay), "dayShort") })}</span>
                {r.hasPdf && (
                  <a href={`/org/invoices/${r.id}/pdf`} className="font-medium text-wine-700 underline" data-testid="invoice-download">
                    {t("admin.download")}
                  </a>
                )}
              </p>
            )}
            {r.status === "REQUESTED" && (
              <div className="space-y-3 border-t border-earth-100 pt-3">
                <RowActionForm rowId={r.id} submitLabel={t("admin.issue")} className="grid gap-3 sm:grid-cols-3 sm:items-end" testId="invoice-issue-form">
                  <input type="hidden" name="requestId" value={r.id} />
                  <Field name="invoiceNumber" label={t("admin.number")} hint={t("admin.numberHint")} inputMode="numeric" autoComplete="off" required />
                  <Field name="issuedOn" label={t("admin.issuedOn")} type="date" max={today} defaultValue={today} required />
                  <Field name="file" label={t("admin.pdf")} hint={t("admin.pdfHint")} type="file" accept="application/pdf,.pdf" required />
                </RowActionForm>
                <ActionForm action={adminCancelInvoiceAction} submitLabel={t("admin.cancel")} variant="danger" className="flex flex-wrap items-center gap-3">
                  <input type="hidden" name="requestId" value={r.id} />
                </ActionForm>
              </div>
            )}
          </Section>
        ))}
      </ul>
    </RowActions>
  );
}
