import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { beijingMonth, named } from "@/components/coop/dates";
import { StatementSettlementForms } from "@/components/coop/statement-settlement-forms";
import { StatementHouseholds, StatementLines, StatementSummary } from "@/components/coop/statement-view";
import { PrintButton } from "@/components/settlements/print-button";
import { SettlementBreakdown, SettlementHistory, SettlementStatusBadge } from "@/components/settlements/settlement-breakdown";
import { SettlementParties } from "@/components/settlements/settlement-parties";
import { Notice, PageHeader } from "@/components/ui/section";
import { parseMonth, statementCsvFileName } from "@/lib/domain/reports";
import { auditHouseholdRead, guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getFormat, getLocale, getT } from "@/lib/server/i18n";
import { env } from "@/lib/server/env";
import { settlementStatement } from "@/lib/server/queries/reports";
import { cooperativeBank, cooperativeSettlement } from "@/lib/server/settlements/queries";

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
  // Admins read any cooperative's statement too (the platform pays it); only its managers confirm or dispute.
  const { user, scope } = await guardCooperativePage(cooperative, `/coop/statements/${encodeURIComponent(raw)}`, { admins: true });
  const month = parseMonth(raw);
  if (!month) notFound();
  const [t, format, locale, s, settled, bank] = await Promise.all([
    getT(),
    getFormat(),
    getLocale(),
    settlementStatement(db, { ...scope, month }),
    cooperativeSettlement(db, { ...scope, month }),
    cooperativeBank(db, scope),
  ]);
  if (!s || !settled) notFound();
  const settlement = settled.settlement;
  await auditHouseholdRead(db, { actorId: user.id, cooperativeId: scope.cooperativeId, what: `statement ${month.month}` });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("coopIncome.statementTitle", { cooperative: named(s.cooperative, locale), month: format.dateTime(beijingMonth(s.month), "month") })}
        lead={t("coopIncome.statementLead")}
      />
      <div className="flex flex-wrap items-center gap-2">
        <SettlementStatusBadge status={settlement?.status ?? null} />
        <PrintButton label={t("settlements.print")} />
      </div>
      {!settlement && <Notice>{t("settlements.notGenerated")}</Notice>}
      {settlement?.stale && (settlement.status === "OPEN" || settlement.status === "DISPUTED") && <Notice tone="bad">{t("settlements.stale")}</Notice>}
      <SettlementBreakdown sums={settlement ?? settled.live} />
      {settlement && <SettlementHistory s={settlement} />}
      {settlement && user.role === "MANAGER" && <StatementSettlementForms cooperativeId={scope.cooperativeId} settlementId={settlement.id} status={settlement.status} />}
      <SettlementParties
        payer={{ name: env.BANK_ACCOUNT_NAME, accountName: env.BANK_ACCOUNT_NAME, bankName: env.BANK_NAME, accountNumber: env.BANK_ACCOUNT_NUMBER }}
        payee={{ name: named(s.cooperative, locale), accountName: bank?.bankAccountName ?? null, bankName: bank?.bankName ?? null, accountNumber: bank?.bankAccountNumber ?? null }}
      />
      <StatementSummary statement={s} />
      <div data-testid="statement-shipping">
        <Notice>{t("coopIncome.shippingNote")}</Notice>
      </div>
      <a
        href={`/coop/statements/${s.month}/statement.csv?cooperative=${scope.cooperativeId}`}
        download={statementCsvFileName(s.cooperative.slug, s.month)}
        className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100 print:hidden"
        data-testid="statement-csv"
      >
        {t("coopIncome.download")}
      </a>
      <StatementLines statement={s} />
      <StatementHouseholds statement={s} />
    </div>
  );
}
