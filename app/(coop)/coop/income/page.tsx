import type { Metadata } from "next";
import Link from "next/link";
import { formatFen } from "@/lib/domain/money";
import { guardPage } from "@/lib/server/authz";
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
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop/income");
  const cooperativeId = await guardCooperativePage(cooperative, "/coop/income", user);
  const [t, locale, coops, { months, rows }] = await Promise.all([getT(), getLocale(), listManagedCooperatives(user.cooperativeIds), householdIncomeByMonth(db, cooperativeId, 6)]);
  await auditHouseholdRead(user.id, cooperativeId, "household income by month");
  const name = (x: { nameZh: string; nameEn: string }) => (locale === "en" ? x.nameEn : x.nameZh);
  const current = coops.find((c) => c.id === cooperativeId);
  const totals = months.map((_, i) => rows.reduce((s, r) => s + (r.monthly[i] ?? 0), 0));
  // Newest month first, next to the total, so a phone shows the current month without scrolling sideways.
  const newestFirst = months.map((_, i) => months.length - 1 - i);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">
        {t("coopIncome.title")}
        {current && <span className="block text-base font-medium text-earth-600">{name(current)}</span>}
      </h1>
      <p className="text-sm text-earth-600">{t("coopIncome.lead")}</p>
      {coops.length > 1 && (
        <nav aria-label={t("coopIncome.cooperative")} className="flex flex-wrap gap-2 text-sm">
          {coops.map((c) => (
            // No prefetch: rendering this page is a read of personal data, written to the audit log.
            <Link key={c.id} href={`/coop/income?cooperative=${c.id}`} prefetch={false} aria-current={c.id === cooperativeId ? "page" : undefined} className="rounded-md bg-white px-3 py-1.5 shadow-sm aria-[current=page]:bg-wine-700 aria-[current=page]:text-white">
              {name(c)}
            </Link>
          ))}
        </nav>
      )}
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-4">{t("coopIncome.noHouseholds")}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl bg-white shadow-sm" tabIndex={0} role="region" aria-label={t("coopIncome.title")}>
          <table className="w-full min-w-[40rem] text-sm" data-testid="household-income">
            <caption className="p-3 text-left text-earth-600">{t("coopIncome.months")}</caption>
            <thead className="bg-earth-100 text-left">
              <tr>
                <th scope="col" className="sticky left-0 bg-earth-100 p-2">
                  {t("coopIncome.household")}
                  <span className="block text-xs font-normal text-earth-600">
                    {t("coopIncome.code")} · {t("coopIncome.village")} · {t("coopIncome.benefitTypes")}
                  </span>
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("coopIncome.total")}
                </th>
                {newestFirst.map((i) => (
                  <th key={months[i]} scope="col" className="whitespace-nowrap p-2 text-right">
                    {months[i]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.householdId} className="border-t border-earth-100" data-testid="household-row" data-code={r.code} data-total={r.totalFen}>
                  <th scope="row" className="sticky left-0 bg-white p-2 text-left font-medium">
                    {r.headName ?? r.code}
                    <span className="block text-xs font-normal text-earth-600">
                      <span className="font-mono">{r.code}</span> · {name(r.village)} · {r.participating ? r.benefitTypes.map((b) => t(`benefit.types.${b}`)).join(" / ") : t("coopIncome.notParticipating")}
                    </span>
                  </th>
                  <td className="p-2 text-right font-semibold tabular-nums text-leaf-700">{formatFen(r.totalFen, locale)}</td>
                  {newestFirst.map((i) => (
                    <td key={months[i]} className="p-2 text-right tabular-nums">
                      {r.monthly[i] ? formatFen(r.monthly[i], locale) : "—"}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="border-t-2 border-earth-600/30 font-semibold">
                <th scope="row" className="sticky left-0 bg-white p-2 text-left">
                  {t("coopIncome.total")}
                </th>
                <td className="p-2 text-right tabular-nums">{formatFen(totals.reduce((s, x) => s + x, 0), locale)}</td>
                {newestFirst.map((i) => (
                  <td key={months[i]} className="p-2 text-right tabular-nums">
                    {formatFen(totals[i] ?? 0, locale)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <h2 className="text-lg font-semibold">{t("coopIncome.statements")}</h2>
      <ul className="flex flex-wrap gap-2 text-sm">
        {newestFirst.map((i) => (
          <li key={months[i]}>
            <Link href={`/coop/statements/${months[i]}?cooperative=${cooperativeId}`} prefetch={false} className="block rounded-md bg-white px-3 py-2 shadow-sm hover:text-wine-700">
              {months[i]}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
