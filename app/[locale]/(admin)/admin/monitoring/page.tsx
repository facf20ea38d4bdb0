import type { Metadata } from "next";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { AdminMonitoringTools } from "@/components/monitoring/admin-tools";
import { FlagList, RulesExplained } from "@/components/monitoring/flag-list";
import { PageHeader } from "@/components/ui/section";
import { monitoringDecideAction } from "@/lib/server/actions/admin/monitoring-decide";
import { monitoringFollowUpAction } from "@/lib/server/actions/admin/monitoring-follow-up";
import { monitoringMarkHouseholdAction } from "@/lib/server/actions/admin/monitoring-mark-household";
import { type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { FLAG_LIST, type FlagSort, listFlags, listTownships, parseFlagListQuery } from "@/lib/server/monitoring/list";
import { readLastRun, readLine } from "@/lib/server/monitoring/settings";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("monitoring.title"), robots: { index: false } };
}

/** 防返贫监测: the rules in words, the line, the flagged households (codes only) with follow-ups, CSV by township. */
export default async function AdminMonitoringPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/monitoring");
  const query = parseFlagListQuery(await searchParams);
  const [t, locale, line, lastRun, list, townships] = await Promise.all([getT(), getLocale(), readLine(db), readLastRun(db), listFlags(db, { scope: { kind: "all" }, now: new Date(), list: query }), listTownships(db)]);
  const sort: SortContext<FlagSort> = { path: "/admin/monitoring", params: {}, spec: FLAG_LIST, query };
  return (
    <div className="space-y-6">
      <PageHeader title={t("monitoring.title")} lead={t("monitoring.lead")} />
      <div id="monitoring-rules">
        <RulesExplained t={t} lineFen={line.lineFen} />
      </div>
      <div id="monitoring-tools">
        <AdminMonitoringTools t={t} locale={locale} line={line} lastRun={lastRun} townships={townships} />
      </div>
      {list.flags.length === 0 ? (
        <EmptyState message={t("monitoring.empty")} next={{ href: "#monitoring-tools", label: t("monitoring.emptyNext") }} firstPageHref={query.page > 1 ? "/admin/monitoring" : undefined} testId="monitoring-empty" />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ status: t("monitoring.sort.status"), flagged: t("monitoring.sort.flagged"), household: t("monitoring.sort.household"), rule: t("monitoring.sort.rule") }} />
          <FlagList
            list={list}
            t={t}
            locale={locale}
            empty={t("monitoring.empty")}
            actions={{ followUp: monitoringFollowUpAction, decide: monitoringDecideAction, mark: monitoringMarkHouseholdAction }}
          />
          <Pager path="/admin/monitoring" params={sortParams(FLAG_LIST, query)} page={query.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
