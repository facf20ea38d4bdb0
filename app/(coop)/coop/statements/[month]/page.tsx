import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { beijingMonth, named } from "@/components/coop/dates";
import { StatementHouseholds, StatementLines, StatementSummary } from "@/components/coop/statement-view";
import { Notice, PageHeader } from "@/components/ui/section";
import { parseMonth, statementCsvFileName } from "@/lib/domain/reports";
import { auditHouseholdRead, guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getFormat, getLocale, getT } from "@/lib/server/i18n";
import { settlementStatement } from "@/lib/server/queries/reports";

type Props = { params: Promise<{ month: string }>; searchParams: Promise<{ cooperative?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("coopIncome.statements"), robots: { index: false } };
}

/**
 * One month's settlement statement: what the platform owes the cooperative, line by line, from the ledger.
 * Shipping fees are not in the ledger and are settled separately; the page says so.
 */
export default async function StatementPage({ params, searchParams }: Props) {
  const [{ month: raw }, { cooperative }] = await Promise.all([params, searchParams]);
  const { user, scope } = await guardCooperativePage(cooperative, `/coop/statements/${encodeURIComponent(raw)}`);
  const month = parseMonth(raw);
  if (!month) notFound();
  const [t, format, locale, s] = await Promise.all([getT(), getFormat(), getLocale(), settlementStatement(db, { ...scope, month })]);
  if (!s) notFound();
  await auditHouseholdRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, what: `statement ${month.month}` });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("coopIncome.statementTitle", { cooperative: named(s.cooperative, locale), month: format.dateTime(beijingMonth(s.month), "month") })}
        lead={t("coopIncome.statementLead")}
      />
      <StatementSummary statement={s} />
      <div data-testid="statement-shipping">
        <Notice>{t("coopIncome.shippingNote")}</Notice>
      </div>
      <a
        href={`/coop/statements/${s.month}/statement.csv?cooperative=${scope.cooperativeId}`}
        download={statementCsvFileName(s.cooperative.slug, s.month)}
        className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100"
        data-testid="statement-csv"
      >
        {t("coopIncome.download")}
      </a>
      <StatementLines statement={s} />
      <StatementHouseholds statement={s} />
    </div>
  );
}
