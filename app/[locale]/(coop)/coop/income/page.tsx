import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { HouseholdIncomeTable } from "@/components/coop/household-income-table";
import { StatementLinks } from "@/components/coop/statement-links";
import { PageHeader } from "@/components/ui/section";
import { auditHouseholdRead, guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { householdIncomeByMonth } from "@/lib/server/queries/reports";

type Props = { searchParams: Promise<{ cooperative?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopIncome.title"), robots: { index: false } };
}

/** Each household's income from this cooperative, by month, from the rollups. Names shown here; audited. */
export default async function CoopIncomePage({ searchParams }: Props) {
  const { cooperative } = await searchParams;
  const { user, scope } = await guardCooperativePage(cooperative, "/coop/income", { admins: true });
  const [t, locale, coops, income] = await Promise.all([getT(), getLocale(), listManagedCooperatives(db, scope), householdIncomeByMonth(db, { ...scope, count: 6 })]);
  if (!income) notFound();
  await auditHouseholdRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, what: "household income by month" });
  const current = coops.find((c) => c.id === scope.cooperativeId);
  return (
    <div className="space-y-4">
      <PageHeader title={t("coopIncome.title")} subtitle={current && named(current, locale)} lead={t("coopIncome.lead")} />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(id) => `/coop/income?cooperative=${id}`} />
      <HouseholdIncomeTable income={income} />
      <StatementLinks cooperativeId={scope.cooperativeId} months={[...income.months].reverse()} />
    </div>
  );
}
