import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { AuditTable } from "@/components/people/audit-table";
import { Notice, PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { listHref, sortParams } from "@/lib/domain/list-query";
import { AUDIT_LIST, listAuditLog, parseAuditQuery } from "@/lib/server/people/audit-log";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.audit");
  return { title: t("title"), robots: { index: false } };
}

const input = "mt-1 block w-full rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base";

/** The audit log with filters (who, what, when), sorted and paged in the database (admins only). */
export default async function AuditLogPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/audit");
  const query = parseAuditQuery(await searchParams);
  const [t, list] = await Promise.all([getTranslations("people.audit"), listAuditLog(db, query)]);
  const filters = Object.fromEntries(
    Object.entries({ who: query.who, what: query.what, from: query.from ?? "", to: query.to ?? "" }).filter(([, v]) => v !== ""),
  );
  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t("lead")} />
      <form method="get" action="/admin/audit" role="search" className="grid grid-cols-2 gap-3 sm:grid-cols-5 sm:items-end" data-testid="audit-filters">
        <label className="col-span-2 text-sm font-medium sm:col-span-1">
          {t("who")}
          <input name="who" type="search" inputMode="email" defaultValue={query.who} className={input} />
        </label>
        <label className="col-span-2 text-sm font-medium sm:col-span-1">
          {t("what")}
          <input name="what" type="search" defaultValue={query.what} className={input} />
        </label>
        <label className="text-sm font-medium">
          {t("from")}
          <input name="from" type="date" defaultValue={query.from ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium">
          {t("to")}
          <input name="to" type="date" defaultValue={query.to ?? ""} className={input} />
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="col-span-2 rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800 sm:col-span-1">
          {t("filter")}
        </button>
      </form>
      {query.badDates && (
        <Notice tone="bad" role="alert">
          {t("badDates")}
        </Notice>
      )}
      {list.rows.length === 0 ? (
        <EmptyState
          message={t("emptyNone")}
          clearHref={filtered ? listHref("/admin/audit", sortParams(AUDIT_LIST, query)) : undefined}
          firstPageHref={query.page > 1 ? listHref("/admin/audit", { ...filters, ...sortParams(AUDIT_LIST, query) }) : undefined}
        />
      ) : (
        <>
          <AuditTable rows={list.rows} sort={{ path: "/admin/audit", params: filters, spec: AUDIT_LIST, query }} />
          <Pager path="/admin/audit" params={{ ...filters, ...sortParams(AUDIT_LIST, query) }} page={query.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
