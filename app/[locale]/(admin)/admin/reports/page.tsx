import type { Metadata } from "next";
import { ReportFilter } from "@/components/admin/report-filter";
import { SalesReportView } from "@/components/admin/sales-report";
import { Notice, PageHeader } from "@/components/ui/section";
import { parseReportParams } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { salesReport } from "@/lib/server/queries/reports";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("reports.title"), robots: { index: false } };
}

const raw = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** Sales by village, cooperative, category or month, from the daily rollups, with the same report as CSV. */
export default async function ReportsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/reports");
  const [t, params] = await Promise.all([getT(), searchParams]);
  const parsed = parseReportParams(params, new Date());
  const query = parsed.ok ? { by: parsed.by, ...parsed.range } : null;
  const report = query ? await salesReport(db, query) : null;
  return (
    <div className="space-y-4">
      <PageHeader title={t("reports.title")} lead={t("reports.lead")} />
      <ReportFilter by={query?.by ?? "village"} from={query?.from ?? raw(params.from)} to={query?.to ?? raw(params.to)} />
      {!parsed.ok && (
        <Notice tone="bad" role="alert">
          {t(`reports.errors.${parsed.error}`)}
        </Notice>
      )}
      {query && report && <SalesReportView report={report} query={query} />}
    </div>
  );
}
