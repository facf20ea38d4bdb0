import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatFen } from "@/lib/domain/money";
import { parseMonth } from "@/lib/domain/reports";
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

/** One month's settlement statement: what the platform owes the cooperative, line by line, from the ledger. */
export default async function StatementPage({ params, searchParams }: Props) {
  const [{ month: raw }, { cooperative }] = await Promise.all([params, searchParams]);
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/statements/${raw}`);
  const cooperativeId = await guardCooperativePage(cooperative, `/coop/statements/${raw}`, user);
  const month = parseMonth(raw);
  if (!month) notFound();
  const [t, locale, s] = await Promise.all([getT(), getLocale(), settlementStatement(db, cooperativeId, month)]);
  if (!s) notFound();
  await auditHouseholdRead(user.id, cooperativeId, `statement ${month.month}`);
  const money = (fen: number) => formatFen(fen, locale);
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
      <a href={`/coop/statements/${s.month}/statement.csv?cooperative=${cooperativeId}`} download className="inline-block rounded-lg border border-earth-600/40 bg-white px-4 py-2 font-medium hover:bg-earth-100" data-testid="statement-csv">
        {t("coopIncome.download")}
      </a>
      {s.lines.length === 0 ? (
        <p className="rounded-xl bg-white p-4">{t("coopIncome.noLines")}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("coopIncome.statements")}>
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-earth-100 text-left">
              <tr>
                <th scope="col" className="p-2">{t("coopIncome.order")}</th>
                <th scope="col" className="p-2">{t("coopIncome.product")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.units")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.coopShare")}</th>
                <th scope="col" className="p-2 text-right">{t("coopIncome.householdShare")}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((l) => (
                <tr key={`${l.orderNumber}-${l.productZh}-${l.refund}`} className="border-t border-earth-100">
                  <td className="p-2 font-mono text-xs">{l.orderNumber}</td>
                  <td className="p-2">
                    {locale === "en" ? l.productEn : l.productZh}
                    {l.refund && <span className="ml-1 text-wine-700">（{t("coopIncome.refund")}）</span>}
                  </td>
                  <td className="p-2 text-right tabular-nums">{l.units}</td>
                  <td className="p-2 text-right tabular-nums">{money(l.cooperativeFen)}</td>
                  <td className="p-2 text-right tabular-nums">{money(l.householdFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.households.length > 0 && (
        <section aria-labelledby="pass-on" className="rounded-2xl bg-white p-4 shadow-sm">
          <h2 id="pass-on" className="font-semibold">
            {t("coopIncome.toHouseholds")}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {s.households.map((h) => (
              <li key={h.code} className="flex justify-between gap-2">
                <span>
                  {h.headName ?? ""} <span className="font-mono text-xs text-earth-600">{h.code}</span>
                </span>
                <span className="tabular-nums">{money(h.amountFen)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
