import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceRequests } from "@/components/admin/invoice-requests";
import { Pager } from "@/components/console/pager";
import { PageHeader } from "@/components/ui/section";
import { beijingDayOf } from "@/lib/domain/calendar";
import { INVOICE_STATUSES, type InvoiceStatus } from "@/lib/domain/invoice";
import { firstParam, MAX_LIST_PAGE, type SearchParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listInvoiceRequestsForAdmin } from "@/lib/server/orgs/invoices";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.invoices.admin.title"), robots: { index: false } };
}

/** ?status=REQUESTED (the default: the requests waiting) | ISSUED | CANCELLED | all; ?page=n. */
function parseQuery(params: SearchParams): { status: InvoiceStatus | null; page: number } {
  const raw = firstParam(params.status);
  const status = raw === "all" ? null : (INVOICE_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as InvoiceStatus) : "REQUESTED";
  const page = Math.min(MAX_LIST_PAGE, Math.max(1, Number.parseInt(firstParam(params.page) ?? "1", 10) || 1));
  return { status, page };
}

/** Organisations' invoice requests, newest first, by status; the admin records each issued invoice here. */
export default async function AdminInvoicesPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/invoices");
  const query = parseQuery(await searchParams);
  const [t, list] = await Promise.all([getT(), listInvoiceRequestsForAdmin(db, query)]);
  const current = query.status ?? "all";
  return (
    <div className="space-y-4">
      <PageHeader title={t("org.invoices.admin.title")} lead={t("org.invoices.admin.lead")} />
      <nav aria-label={t("org.invoices.admin.filter")} className="flex flex-wrap gap-2 text-sm font-medium">
        {[...INVOICE_STATUSES, "all" as const].map((s) => (
          <Link
            key={s}
            href={`/admin/invoices?status=${s}`}
            aria-current={s === current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 shadow-sm ${s === current ? "bg-wine-700 text-white" : "bg-white hover:text-wine-700"}`}
          >
            {s === "all" ? t("org.invoices.admin.all") : t(`org.invoices.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <InvoiceRequests requests={list.rows} today={beijingDayOf(new Date())} />
      <Pager path="/admin/invoices" params={{ status: current }} page={query.page} pages={list.pages} total={list.total} />
    </div>
  );
}
