import type { Metadata } from "next";
import { AdminMonitoringTools } from "@/components/monitoring/admin-tools";
import { FlagList, RulesExplained } from "@/components/monitoring/flag-list";
import { PageHeader } from "@/components/ui/section";
import { monitoringDecideAction } from "@/lib/server/actions/admin/monitoring-decide";
import { monitoringFollowUpAction } from "@/lib/server/actions/admin/monitoring-follow-up";
import { monitoringMarkHouseholdAction } from "@/lib/server/actions/admin/monitoring-mark-household";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listFlags, listTownships } from "@/lib/server/monitoring/list";
import { readLastRun, readLine } from "@/lib/server/monitoring/settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("monitoring.title"), robots: { index: false } };
}

/** 防返贫监测: the rules in words, the line, the flagged households (codes only) with follow-ups, CSV by township. */
export default async function AdminMonitoringPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/monitoring");
  const [t, locale, line, lastRun, list, townships] = await Promise.all([getT(), getLocale(), readLine(db), readLastRun(db), listFlags(db, { scope: { kind: "all" }, now: new Date() }), listTownships(db)]);
  return (
    <div className="space-y-6">
      <PageHeader title={t("monitoring.title")} lead={t("monitoring.lead")} />
      <RulesExplained t={t} lineFen={line.lineFen} />
      <AdminMonitoringTools t={t} locale={locale} line={line} lastRun={lastRun} townships={townships} />
      <FlagList
        list={list}
        t={t}
        locale={locale}
        empty={t("monitoring.empty")}
        actions={{ followUp: monitoringFollowUpAction, decide: monitoringDecideAction, mark: monitoringMarkHouseholdAction }}
      />
    </div>
  );
}
