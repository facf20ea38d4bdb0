import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, sortable } from "@/components/console/sort-header";
import { YearPicker } from "@/components/org/year-picker";
import { DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { PageHeader } from "@/components/ui/section";
import { parseListQuery, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { parseShareYear } from "@/lib/domain/reserved-share";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { organisationsProgress, PROGRESS_LIST, type ProgressSort } from "@/lib/server/orgs/progress-list";
import { BEIJING_DISTRICTS } from "@/lib/validation/account";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.admin.title"), robots: { index: false } };
}

const percent = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(1)}%`);

/**
 * Every organisation's reserved share for a year, sortable by name, percent reached or amount still to buy, and
 * exported as CSV: the county and the paired district both report these figures.
 */
export default async function AdminOrganisationsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/organizations");
  const params = await searchParams;
  const year = parseShareYear(params.year, new Date());
  const query = parseListQuery(params, PROGRESS_LIST);
  const [t, locale, all] = await Promise.all([getT(), getLocale(), organisationsProgress(db, { year, sort: query.sort, dir: query.dir })]);
  const pages = Math.max(1, Math.ceil(all.length / PROGRESS_LIST.pageSize));
  const rows = all.slice((query.page - 1) * PROGRESS_LIST.pageSize, query.page * PROGRESS_LIST.pageSize);
  const path = "/admin/organizations";
  const sort: SortContext<ProgressSort> = { path, params: { year }, spec: PROGRESS_LIST, query };
  const district = (code: string) => BEIJING_DISTRICTS.find((d) => d.code === code)?.[locale === "en" ? "en" : "zh"] ?? code;
  const totals = all.reduce((s, r) => ({ target: s.target + r.targetFen, counted: s.counted + r.countedFen, remaining: s.remaining + r.remainingFen }), { target: 0, counted: 0, remaining: 0 });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("org.admin.title")}
        lead={t("org.admin.lead", { year, count: all.length })}
        action={
          <div className="flex flex-wrap items-center gap-3">
            <YearPicker year={year} href={(y) => `${path}?year=${y}`} />
            <a href={`/admin/organizations/progress.csv?year=${year}&${new URLSearchParams(sortParams(PROGRESS_LIST, query)).toString()}`} className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 text-sm font-medium" download data-testid="progress-csv">
              {t("org.admin.csv")}
            </a>
            <Link href="/admin/organizations/new" className="rounded-lg bg-wine-700 px-4 py-2 text-sm font-medium text-white">
              {t("org.admin.new")}
            </Link>
          </div>
        }
      />
      {all.length === 0 ? (
        <EmptyState message={t("org.admin.empty")} next={{ href: "/admin/organizations/new", label: t("org.admin.new") }} />
      ) : (
        <>
          <DataTable
            label={t("org.admin.title")}
            minWidth="52rem"
            testId="progress-table"
            rows={rows}
            rowKey={(r) => r.organisationId}
            rowProps={(r) => ({ "data-testid": "progress-row", "data-organisation": r.organisationId, "data-counted": r.countedFen })}
            columns={[
              {
                key: "name",
                ...sortable(sort, "name", t("org.admin.cols.name")),
                cell: (r) => (
                  <Link href={`/admin/organizations/${r.organisationId}?year=${year}`} className="font-medium underline">
                    {r.name}
                  </Link>
                ),
              },
              { key: "kind", header: t("org.admin.cols.kind"), cell: (r) => t(`org.kinds.${r.kind}`) },
              { key: "district", header: t("org.admin.cols.district"), cell: (r) => district(r.district) },
              { key: "target", header: t("org.admin.cols.target"), numeric: true, cell: (r) => (r.recorded ? <Price fen={r.targetFen} /> : t("org.admin.noTarget")) },
              { key: "counted", header: t("org.admin.cols.counted"), numeric: true, cell: (r) => <Price fen={r.countedFen} /> },
              { key: "remaining", numeric: true, ...sortable(sort, "remaining", t("org.admin.cols.remaining")), cell: (r) => <Price fen={r.remainingFen} /> },
              { key: "reached", numeric: true, ...sortable(sort, "reached", t("org.admin.cols.reached")), cell: (r) => percent(r.reachedBp) },
            ]}
            footer={[t("org.share.total"), "", "", <Price key="t" fen={totals.target} />, <Price key="c" fen={totals.counted} />, <Price key="r" fen={totals.remaining} />, ""]}
          />
          <Pager path={path} params={{ year, ...sortParams(PROGRESS_LIST, query) }} page={query.page} pages={pages} total={all.length} />
        </>
      )}
    </div>
  );
}
