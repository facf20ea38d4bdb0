import type { Metadata } from "next";
import { useFormatter, useTranslations } from "next-intl";
import { InvoiceList } from "@/components/org/invoice-list";
import { InvoiceRequestForm, type InvoiceOrderOption } from "@/components/org/invoice-request-form";
import { ClientMessages } from "@/components/ui/client-messages";
import { PageHeader, Section } from "@/components/ui/section";
import { beijingDayOf } from "@/lib/domain/calendar";
import { INVOICE_READER_ROLES } from "@/lib/domain/invoice";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { formatMoney } from "@/lib/i18n/format";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { invoiceableOrders, invoiceFormDefaults, listOrganisationInvoices } from "@/lib/server/orgs/invoices";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.invoices.title"), robots: { index: false } };
}

/** The last Beijing month that has ended: the month form's default. */
function lastMonth(now: Date): string {
  const [y, m] = beijingDayOf(now).split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/**
 * The organisation's invoices: its requests and their state, and the form to request one. Purchasers, finance
 * members and the organisation's admins (the nav's roles: lib/domain/org-nav.ts); finance and admins download PDFs.
 */
export default async function OrgInvoicesPage() {
  const member = await guardOrgPage(orgPageRoles("invoices"), "/org/invoices");
  const scope = { organisationId: member.organisationId };
  const [t, requests, orders, defaults] = await Promise.all([getT(), listOrganisationInvoices(db, scope), invoiceableOrders(db, scope), invoiceFormDefaults(db, scope)]);
  const canDownload = INVOICE_READER_ROLES.some((r) => member.roles.includes(r));
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.invoices.title")} lead={t("org.invoices.lead")} />
      <Section title={t("org.invoices.form.heading")}>
        <RequestForm orders={orders} defaults={{ ...defaults, month: lastMonth(new Date()) }} />
      </Section>
      <InvoiceList requests={requests} canDownload={canDownload} />
    </div>
  );
}

/** The form with its order choices labelled in the reader's language (number, paid day, amount net of refunds). */
function RequestForm({ orders, defaults }: { orders: Awaited<ReturnType<typeof invoiceableOrders>>; defaults: React.ComponentProps<typeof InvoiceRequestForm>["defaults"] }) {
  const t = useTranslations("org.invoices.form");
  const format = useFormatter();
  const options: InvoiceOrderOption[] = orders.map((o) => ({ id: o.id, label: t("orderOption", { number: o.number, date: format.dateTime(o.paidAt, "dayShort"), amount: formatMoney(format, o.netFen) }) }));
  return (
    <ClientMessages group="invoices">
      <InvoiceRequestForm orders={options} defaults={defaults} />
    </ClientMessages>
  );
}
