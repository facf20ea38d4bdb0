import { useFormatter, useLocale, useTranslations } from "next-intl";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { Notice } from "@/components/ui/section";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import type { SettlementStatement, StatementLine } from "@/lib/server/queries/reports";
import { beijingDay, beijingMonth, named } from "./dates";

/** The month's figures: what the cooperative kept, what goes to households, the sum owed, the settlement's state. */
export function StatementSummary({ statement: s }: { statement: SettlementStatement }) {
  const t = useTranslations("coopIncome");
  return (
    <div data-testid="statement-totals">
      <StatGrid>
        <StatCard label={t("coopTotal")} value={<Price fen={s.cooperativeFen} />} />
        <StatCard label={t("householdTotal")} value={<Price fen={s.householdFen} className="text-leaf-700" />} />
        <StatCard label={t("owed")} value={<Price fen={s.totalFen} className="text-wine-700" />} testId="statement-owed" />
        <StatCard label={t("status")} value={s.status ? t(`statusValues.${s.status}`) : t("statusNone")} />
      </StatGrid>
    </div>
  );
}

/** One line per order item and event (its payment, each refund), with the month's totals. */
export function StatementLines({ statement: s }: { statement: SettlementStatement }) {
  const t = useTranslations("coopIncome");
  const tSettlements = useTranslations("settlements");
  const format = useFormatter();
  const locale = useLocale();
  if (s.lines.length === 0) return <Notice>{t("noLines")}</Notice>;
  // The ledger's lines have no id of their own: their place in the statement is their key.
  const rows = s.lines.map((l, index) => ({ ...l, index }));
  type Row = StatementLine & { index: number };
  const tone = (l: StatementLine) => (l.refund ? "text-wine-700" : undefined);
  const columns: Column<Row>[] = [
    {
      key: "product",
      className: "max-w-[12rem] font-normal",
      header: (
        <>
          {t("product")}
          <span className="block text-xs font-normal text-earth-600">
            {t("date")} · {t("order")}
          </span>
        </>
      ),
      cell: (l) => (
        <>
          <span className={tone(l)}>{named({ nameZh: l.productZh, nameEn: l.productEn }, locale)}</span>
          {l.refund && <span className="ml-1 rounded bg-wine-50 px-1 text-xs font-medium text-wine-700">{l.adjustment ? tSettlements("adjustment") : t("refund")}</span>}
          <span className="block text-xs text-earth-600 tabular-nums">
            {format.dateTime(beijingDay(l.day), "dayShort")} · <span className="font-mono">{l.orderNumber}</span>
          </span>
        </>
      ),
    },
    { key: "units", header: t("units"), numeric: true, cell: (l) => l.units || "—" },
    { key: "revenue", header: t("revenue"), numeric: true, cell: (l) => <Price fen={l.revenueFen} className={tone(l)} /> },
    { key: "cooperative", header: t("coopShare"), numeric: true, cell: (l) => <Price fen={l.cooperativeFen} className={tone(l)} /> },
    { key: "households", header: t("householdShare"), numeric: true, cell: (l) => <Price fen={l.householdFen} className={tone(l)} /> },
  ];
  const units = s.lines.reduce((n, l) => n + l.units, 0);
  return (
    <DataTable
      label={t("statements")}
      caption={t("linesCaption", { month: format.dateTime(beijingMonth(s.month), "month") })}
      columns={columns}
      rows={rows}
      rowKey={(l) => String(l.index)}
      rowProps={(l) => ({ "data-testid": "statement-line", "data-adjustment": l.adjustment ? "true" : undefined })}
      footer={[t("total"), units, <Price key="total" fen={s.totalFen} />, <Price key="coop" fen={s.cooperativeFen} />, <Price key="households" fen={s.householdFen} />]}
      testId="statement-lines"
    />
  );
}

type HouseholdRow = SettlementStatement["households"][number];

/** What the cooperative passes on to each household this month. Names: the page audits the read. */
export function StatementHouseholds({ statement: s }: { statement: SettlementStatement }) {
  const t = useTranslations("coopIncome");
  if (s.households.length === 0) return null;
  const columns: Column<HouseholdRow>[] = [
    { key: "code", header: t("code"), className: "font-mono text-xs font-normal", cell: (h) => h.code },
    { key: "name", header: t("name"), cell: (h) => h.headName ?? "—" },
    { key: "amount", header: t("amount"), numeric: true, cell: (h) => <Price fen={h.amountFen} /> },
  ];
  return <DataTable label={t("toHouseholds")} caption={t("toHouseholds")} columns={columns} rows={s.households} rowKey={(h) => h.code} minWidth="20rem" testId="statement-households" />;
}
