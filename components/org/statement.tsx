// The year-end statement of an organisation's reserved share, laid out to be printed and filed: who, the year, the
// target and total, and one row per payment or refund with its date, order, invoice number and amount.
import { useTranslations } from "next-intl";
import { PrintButton } from "@/components/settlements/print-button";
import { DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { PageHeader, Section } from "@/components/ui/section";
import type { yearStatement } from "@/lib/server/orgs/reserved-share";

type Statement = NonNullable<Awaited<ReturnType<typeof yearStatement>>>;

export function OrgStatement({ statement, csvHref, years }: { statement: Statement; csvHref: string; years: React.ReactNode }) {
  const t = useTranslations("org.statement");
  const { organisation } = statement;
  return (
    <div className="space-y-5" data-testid="org-statement" data-total={statement.totalFen}>
      <PageHeader
        title={t("title", { year: statement.year })}
        subtitle={organisation.name}
        action={
          <div className="flex flex-wrap items-center gap-3 print:hidden">
            {years}
            <a href={csvHref} className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" download data-testid="statement-csv">
              {t("csv")}
            </a>
            <PrintButton label={t("print")} />
          </div>
        }
      />
      <Section>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-earth-600">{t("organisation")}</dt>
            <dd className="font-medium">{organisation.name}</dd>
          </div>
          <div>
            <dt className="text-earth-600">{t("creditCode")}</dt>
            <dd className="font-mono">{organisation.creditCode}</dd>
          </div>
          <div>
            <dt className="text-earth-600">{t("target")}</dt>
            <dd className="font-medium">
              <Price fen={statement.targetFen} />
            </dd>
          </div>
          <div>
            <dt className="text-earth-600">{t("total")}</dt>
            <dd className="font-medium">
              <Price fen={statement.totalFen} />
            </dd>
          </div>
        </dl>
      </Section>
      <Section title={t("rows")}>
        {statement.rows.length === 0 ? (
          <p className="text-sm text-earth-600">{t("empty")}</p>
        ) : (
          <DataTable
            label={t("rows")}
            minWidth="32rem"
            rows={statement.rows}
            rowKey={(r) => `${r.orderId}-${r.date}-${r.kind}`}
            rowProps={() => ({ "data-testid": "statement-row" })}
            columns={[
              { key: "date", header: t("cols.date"), cell: (r) => <span className="whitespace-nowrap">{r.date}</span> },
              // The amount beside the date, so a phone shows both without scrolling sideways.
              { key: "amount", header: t("cols.amount"), numeric: true, cell: (r) => <Price fen={r.amountFen} /> },
              { key: "order", header: t("cols.order"), cell: (r) => <span className="font-mono">{r.number}</span> },
              { key: "invoice", header: t("cols.invoice"), cell: (r) => r.invoiceNumber ?? "—" },
              { key: "kind", header: t("cols.kind"), cell: (r) => t(`kinds.${r.kind}`) },
            ]}
            footer={[t("total"), <Price key="t" fen={statement.totalFen} />, "", "", ""]}
          />
        )}
      </Section>
      <p className="text-xs text-earth-600">{t("note")}</p>
    </div>
  );
}
