import type { Metadata } from "next";
import { GenerateSettlementsForm } from "@/components/settlements/admin-forms";
import { SettlementList } from "@/components/settlements/settlement-list";
import { Notice, PageHeader } from "@/components/ui/section";
import { beijingDayOf } from "@/lib/domain/calendar";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { settlementsMonth } from "@/lib/server/settlements/page-month";
import { countMissingStatements, listMonthSettlements } from "@/lib/server/settlements/queries";

type Props = { searchParams: Promise<{ month?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("settlements.title"), robots: { index: false } };
}

/** The month's statements: generate them, see each cooperative's, record transfers, download the month. */
export default async function SettlementsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/settlements");
  const [t, { month: param }] = await Promise.all([getT(), searchParams]);
  const { month, raw } = settlementsMonth(param);
  const [rows, missing] = month ? await Promise.all([listMonthSettlements(db, month), countMissingStatements(db, month)]) : [[], 0];
  return (
    <div className="space-y-4">
      <PageHeader title={t("settlements.title")} lead={t("settlements.lead")} />
      <form method="get" className="flex flex-wrap items-end gap-2 print:hidden">
        <label className="text-sm font-medium">
          {t("settlements.month")}
          <input type="month" name="month" defaultValue={raw} className="mt-1 block rounded-lg border border-earth-600/40 bg-white px-3 py-2 text-base" />
        </label>
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
          {rows.length > 0 && (
            <a href={`/admin/settlements/settlements.csv?month=${month.month}`} download={`settlements-${month.month}.csv`} className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" data-testid="settlements-csv">
              {t("settlements.csv")}
            </a>
          )}
          <SettlementList rows={rows} month={month.month} today={beijingDayOf(new Date())} />
        </>
      )}
    </div>
  );
}
