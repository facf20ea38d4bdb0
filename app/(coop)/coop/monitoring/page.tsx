import type { Metadata } from "next";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { FlagList, RulesExplained } from "@/components/monitoring/flag-list";
import { PageHeader } from "@/components/ui/section";
import { coopMonitoringDecideAction } from "@/lib/server/actions/coop/monitoring-decide";
import { coopMonitoringFollowUpAction } from "@/lib/server/actions/coop/monitoring-follow-up";
import { coopMonitoringMarkHouseholdAction } from "@/lib/server/actions/coop/monitoring-mark-household";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listFlags } from "@/lib/server/monitoring/list";
import { readLine } from "@/lib/server/monitoring/settings";
import { listManagedCooperatives } from "@/lib/server/queries/account";

type Props = { searchParams: Promise<{ cooperative?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("monitoring.coopTitle"), robots: { index: false } };
}

/** The 防返贫 flags of the households taking part in the manager's cooperative (codes only, no names). */
export default async function CoopMonitoringPage({ searchParams }: Props) {
  const { cooperative } = await searchParams;
  const { scope } = await guardCooperativePage(cooperative, "/coop/monitoring");
  const [t, locale, coops, line, list] = await Promise.all([
    getT(),
    getLocale(),
    listManagedCooperatives(db, scope),
    readLine(db),
    listFlags(db, { scope: { kind: "cooperative", cooperativeId: scope.cooperativeId }, now: new Date() }),
  ]);
  const current = coops.find((c) => c.id === scope.cooperativeId);
  return (
    <div className="space-y-6">
      <PageHeader title={t("monitoring.coopTitle")} subtitle={current && named(current, locale)} lead={t("monitoring.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/monitoring?cooperative=${id}`} />
      <RulesExplained t={t} lineFen={line.lineFen} />
      <FlagList
        list={list}
        t={t}
        locale={locale}
        cooperativeId={scope.cooperativeId}
        empty={t("monitoring.coopEmpty")}
        actions={{ followUp: coopMonitoringFollowUpAction, decide: coopMonitoringDecideAction, mark: coopMonitoringMarkHouseholdAction }}
      />
    </div>
  );
}
