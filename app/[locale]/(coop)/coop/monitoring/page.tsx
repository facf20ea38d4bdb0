import type { Metadata } from "next";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { FlagList, RulesExplained } from "@/components/monitoring/flag-list";
import { PageHeader } from "@/components/ui/section";
import { coopMonitoringDecideAction } from "@/lib/server/actions/coop/monitoring-decide";
import { coopMonitoringFollowUpAction } from "@/lib/server/actions/coop/monitoring-follow-up";
import { coopMonitoringMarkHouseholdAction } from "@/lib/server/actions/coop/monitoring-mark-household";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { FLAG_LIST, type FlagSort, listFlags, parseFlagListQuery } from "@/lib/server/monitoring/list";
import { readLine } from "@/lib/server/monitoring/settings";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("monitoring.coopTitle"), robots: { index: false } };
}

/** The 防返贫 flags of the households taking part in the manager's cooperative (codes only, no names). */
export default async function CoopMonitoringPage({ searchParams }: Props) {
  const params = await searchParams;
  const { scope } = await guardCooperativePage(params.cooperative, "/coop/monitoring");
  const query = parseFlagListQuery(params);
  const [t, locale, coops, line, list] = await Promise.all([
    getT(),
    getLocale(),
    listManagedCooperatives(db, scope),
    readLine(db),
    listFlags(db, { scope: { kind: "cooperative", cooperativeId: scope.cooperativeId }, now: new Date(), list: query }),
  ]);
  const current = coops.find((c) => c.id === scope.cooperativeId);
  const kept = { cooperative: scope.cooperativeId };
  const sort: SortContext<FlagSort> = { path: "/coop/monitoring", params: kept, spec: FLAG_LIST, query };
  return (
    <div className="space-y-6">
      <PageHeader title={t("monitoring.coopTitle")} subtitle={current && named(current, locale)} lead={t("monitoring.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/monitoring?cooperative=${id}`} />
      <div id="monitoring-rules">
        <RulesExplained t={t} lineFen={line.lineFen} />
      </div>
      {list.flags.length === 0 ? (
        <EmptyState
          message={t("monitoring.coopEmpty")}
          next={{ href: "#monitoring-rules", label: t("monitoring.emptyRules") }}
          firstPageHref={query.page > 1 ? listHref("/coop/monitoring", kept) : undefined}
          testId="monitoring-empty"
        />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ status: t("monitoring.sort.status"), flagged: t("monitoring.sort.flagged"), household: t("monitoring.sort.household"), rule: t("monitoring.sort.rule") }} />
          <FlagList
            list={list}
            t={t}
            locale={locale}
            cooperativeId={scope.cooperativeId}
            empty={t("monitoring.coopEmpty")}
            actions={{ followUp: coopMonitoringFollowUpAction, decide: coopMonitoringDecideAction, mark: coopMonitoringMarkHouseholdAction }}
          />
          <Pager path="/coop/monitoring" params={{ ...kept, ...sortParams(FLAG_LIST, query) }} page={query.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}
