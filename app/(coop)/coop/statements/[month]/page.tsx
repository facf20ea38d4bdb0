import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatFen } from "@/lib/domain/money";
import { parseMonth, statementCsvFileName } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { auditHouseholdRead, guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
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
  const returnTo = `/coop/statements/${encodeURIComponent(raw)}`;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, returnTo);
  const cooperativeId = await guardCooperativePage(cooperative, returnTo, user);
  const month = parseMonth(raw);
  if (!month) notFound();
  const [t, locale, s] = await Promise.all([getT(), getLocale(), settlementStatement(db, cooperativeId, month)]);
  if (!s) notFound();
  await auditHouseholdRead(user.id, cooperativeId, `statement ${month.month}`);
  const money = (fen: number) => formatFen(fen, locale);
  const units = s.lines.reduce((n, l) => n + l.units, 0);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("coopIncome.statementTitle", { cooperative: locale === "en" ? s.cooperative.nameEn : s.cooperative.nameZh, month: s.month })}</h1>
      <p className="text-sm text-earth-600">{t("coopIncome.statementLead")}</p>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="statement-totals">
        <div className="rounded-lg bg-white p-3 shadow-sm">
          <dt className="text-earth-600">{t("coopIncome.coopTotal")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{money(s.cooperativeFen)}</dd>
        </div>
        <div className="rounded-lg bg-white p-3 shadow-sm">
          <dt className="text-earth-600">{t("coopIncome.householdTotal")}</dt>
          <dd className="text-lg font-semibold tabular-nums text-leaf-700">{money(s.householdFen)}</dd>
        </div>
        <div className="rounded-lg bg-white p-3 shadow-sm">
          <dt className="text-earth-600">{t("coopIncome.owed")}</dt>
          <dd className="text-lg font-semibold tabular-nums text-wine-700" data-testid="statement-owed">
            {money(s.totalFen)}
          </dd>
        </div>
        <div className="rounded-lg bg-white p-3 shadow-sm">
          <dt className="text-earth-600">{t("coopIncome.status")}</dt>
          <dd className="text-lg font-semibold">{s.status ? t(`coopIncome.statusValues.${s.status}`) : t("coopIncome.statusNone")}</dd>
        </div>
      </dl>
      <p className="rounded-lg bg-earth-100 px-3 py-2 text-sm" data-testid="statement-shipping">
        {t("coopIncome.shippingNote")}
      </p>
      <a
        href={`/coop/statements/${s.month}/statement.csv?cooperative=${cooperativeId}`}
        download={statementCsvFileName(s.cooperative.slug, s.month)}
        className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100"
        data-testid="statement-csv"
      >
        {t("coopIncome.download")}
      </a>
      {s.lines.length === 0 ? (
        <p className="rounded-xl bg-white p-4">{t("coopIncome.noLines")}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("coopIncome.statements")}>
          <table className="w-full min-w-[36rem] text-sm" data-testid="statement-lines">
            <caption className="p-3 text-left text-earth-600">{t("coopIncome.linesCaption", { month: s.month })}</caption>
            <thead className="bg-earth-100 text-left">
              <tr>
                <th scope="col" className="sticky left-0 bg-earth-100 p-2">
                  {t("coopIncome.product")}
                  <span className="block text-xs font-normal text-earth-600">
                    {t("coopIncome.date")} · {t("coopIncome.order")}
                  </span>
                </th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.units")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.revenue")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.coopShare")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.householdShare")}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l, i) => (
                <tr key={i} className={l.refund ? "border-t border-earth-100 text-wine-700" : "border-t border-earth-100"} data-testid="statement-line">
                  <th scope="row" className="sticky left-0 max-w-[12rem] bg-white p-2 text-left font-normal">
                    {locale === "en" ? l.productEn : l.productZh}
                    {l.refund && <span className="ml-1 font-medium">（{t("coopIncome.refund")}）</span>}
                    <span className="block text-xs text-earth-600 tabular-nums">
                      {l.day} · <span className="font-mono">{l.orderNumber}</span>
                    </span>
                  </th>
                  <td className="p-2 text-right tabular-nums">{l.units || "—"}</td>
                  <td className="p-2 text-right tabular-nums">{money(l.revenueFen)}</td>
                  <td className="p-2 text-right tabular-nums">{money(l.cooperativeFen)}</td>
                  <td className="p-2 text-right tabular-nums">{money(l.householdFen)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-earth-600/30 font-semibold">
                <th scope="row" className="sticky left-0 bg-white p-2 text-left">
                  {t("coopIncome.total")}
                </th>
                <td className="p-2 text-right tabular-nums">{units}</td>
                <td className="p-2 text-right tabular-nums">{money(s.totalFen)}</td>
                <td className="p-2 text-right tabular-nums">{money(s.cooperativeFen)}</td>
                <td className="p-2 text-right tabular-nums">{money(s.householdFen)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {s.households.length > 0 && (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("coopIncome.toHouseholds")}>
          <table className="w-full text-sm" data-testid="statement-households">
            <caption className="p-3 text-left font-semibold">{t("coopIncome.toHouseholds")}</caption>
            <thead className="bg-earth-100 text-left">
              <tr>
                <th scope="col" className="p-2">{t("coopIncome.code")}</th>
                <th scope="col" className="p-2">{t("coopIncome.name")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.amount")}</th>
              </tr>
            </thead>
            <tbody>
              {s.households.map((h) => (
                <tr key={h.code} className="border-t border-earth-100">
                  <th scope="row" className="p-2 text-left font-mono text-xs font-normal">{h.code}</th>
                  <td className="p-2">{h.headName ?? "—"}</td>
                  <td className="p-2 text-right tabular-nums">{money(h.amountFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
