import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/section";
import { Price } from "@/components/ui/price";
import type { HouseholdIncome, HouseholdIncomeRow } from "@/lib/server/queries/reports";
import { beijingMonth, named } from "./dates";

/**
 * Each household's income from the cooperative by month, newest month first next to the total, so a phone
 * shows the current month without scrolling sideways. Household names: the page audits the read.
 */
export function HouseholdIncomeTable({ income }: { income: HouseholdIncome }) {
  const t = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const { months, rows } = income;
  if (rows.length === 0) return <Notice>{t("coopIncome.noHouseholds")}</Notice>;
  const newestFirst = months.map((_, i) => months.length - 1 - i);
  const totals = months.map((_, i) => rows.reduce((s, r) => s + (r.monthly[i] ?? 0), 0));
  const columns: Column<HouseholdIncomeRow>[] = [
    {
      key: "household",
      className: "min-w-[9rem]",
      header: (
        <>
          {t("coopIncome.household")}
          <span className="block text-xs font-normal text-earth-600">
            {t("coopIncome.code")} · {t("coopIncome.village")} · {t("coopIncome.benefitTypes")}
          </span>
        </>
      ),
      cell: (r) => (
        <>
          {r.headName ?? r.code}
          <span className="block text-xs font-normal text-earth-600">
            <span className="font-mono">{r.code}</span> · {named(r.village, locale)} ·{" "}
            {r.participating ? format.list(r.benefitTypes.map((b) => t(`benefit.types.${b}`)), "enumeration") : t("coopIncome.notParticipating")}
          </span>
        </>
      ),
    },
    { key: "total", header: t("coopIncome.total"), numeric: true, cell: (r) => <Price fen={r.totalFen} className="font-semibold text-leaf-700" /> },
    ...newestFirst.map(
      (i): Column<HouseholdIncomeRow> => ({
        key: months[i] ?? String(i),
        header: format.dateTime(beijingMonth(months[i] ?? ""), "month"),
        numeric: true,
        cell: (r) => (r.monthly[i] ? <Price fen={r.monthly[i]} /> : "—"),
      }),
    ),
  ];
  return (
    <DataTable
      label={t("coopIncome.title")}
      caption={t("coopIncome.months", { count: months.length })}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.householdId}
      rowProps={(r) => ({ "data-testid": "household-row", "data-code": r.code, "data-total": r.totalFen })}
      footer={[t("coopIncome.total"), <Price key="total" fen={totals.reduce((s, x) => s + x, 0)} />, ...newestFirst.map((i) => <Price key={i} fen={totals[i] ?? 0} />)]}
      minWidth="48rem"
      testId="household-income"
    />
  );
}
