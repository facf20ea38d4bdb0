import type { Metadata } from "next";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { GenerateSettlementsForm } from "@/components/settlements/admin-forms";
import { SettlementList } from "@/components/settlements/settlement-list";
import { Notice, PageHeader } from "@/components/ui/section";
import { beijingDayOf } from "@/lib/domain/calendar";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { settlementsMonth } from "@/lib/server/settlements/page-month";
import { countMissingStatements, listMonthSettlementsPage, parseSettlementListQuery, SETTLEMENT_LIST, type SettlementSort } from "@/lib/server/settlements/queries";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("settlements.title"), robots: { index: false } };
}

/** The month's statements: generate them, see each cooperative's (sorted and paged in the database), record transfers, download the month. */
export default async function SettlementsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/settlements");
  const [t, params] = await Promise.all([getT(), searchParams]);
  const { month, raw } = settlementsMonth(params.month);
  const query = parseSettlementListQuery(params);
  const [list, missing] = month ? await Promise.all([listMonthSettlementsPage(db, month, query), countMissingStatements(db, month)]) : [{ rows: [], total: 0, pages: 1 }, 0];
  const sort: SortContext<SettlementSort> = { path: "/admin/settlements", params: { month: month?.month }, spec: SETTLEMENT_LIST, query };
  return (
    <div className="space-y-4">
      <PageHeader title={t("settlements.title")} lead={t("settlements.lead")} />
      <form method="get" className="flex flex-wrap items-end gap-2 print:hidden">
        <label className="text-sm font-medium">
          {t("settlements.month")}
          <input type="month" name="month" defaultValue={raw} className="mt-1 block rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base" />
        </label>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100">
          {t("settlements.show")}
        </button>
      </form>
      {!month ? (
        <Notice tone="bad" role="alert">
          {t("settlements.errors.badMonth")}
        </Notice>
      ) : (
        <>
          <GenerateSettlementsForm month={month.month} />
          {missing > 0 && <Notice tone="bad">{t("settlements.missing", { count: missing })}</Notice>}
          {list.total > 0 && (
            <a href={`/admin/settlements/settlements.csv?month=${month.month}`} download={`settlements-${month.month}.csv`} className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" data-testid="settlements-csv">
              {t("settlements.csv")}
            </a>
          )}
          {list.rows.length === 0 ? (
            <EmptyState message={t("settlements.emptyNone", { month: month.month })} firstPageHref={query.page > 1 ? listHref("/admin/settlements", { month: month.month }) : undefined} />
          ) : (
            <>
              <SortLinks ctx={sort} labels={{ name: t("settlements.sort.name"), amount: t("settlements.sort.amount"), status: t("settlements.sort.status") }} />
              <SettlementList rows={list.rows} month={month.month} today={beijingDayOf(new Date())} />
              <Pager path="/admin/settlements" params={{ month: month.month, ...sortParams(SETTLEMENT_LIST, query) }} page={query.page} pages={list.pages} total={list.total} />
            </>
          )}
        </>
      )}
    </div>
  );
}
