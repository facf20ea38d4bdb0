import type { Metadata } from "next";
import Link from "next/link";
import { ManagedCooperatives } from "@/components/coop/managed-cooperatives";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PeriodForm } from "@/components/dashboard/period-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { parsePeriod } from "@/lib/domain/period";
import { lastMonths } from "@/lib/domain/reports";
import { guardPage } from "@/lib/server/authz";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { dashboard } from "@/lib/server/dashboard/data";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { coopProductSummary } from "@/lib/server/queries/coop-products";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.coopTitle"), robots: { index: false } };
}

const raw = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/**
 * The manager's home: per cooperative, products by listing state, low stock, and links to everything; then the
 * charts of one of their cooperatives (the first, or ?c=; another cooperative's id is refused with 403).
 */
export default async function CoopHome({ searchParams }: Props) {
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, "/coop");
  const scope = { cooperativeIds: user.cooperativeIds };
  const [t, locale, params, coops, summaries] = await Promise.all([getT(), getLocale(), searchParams, listManagedCooperatives(db, scope), coopProductSummary(db, scope)]);
  const [thisMonth = ""] = lastMonths(new Date(), 1);
  const wanted = raw(params.c) || coops[0]?.id;
  const chosen = wanted ? (await guardCooperativePage(wanted, "/coop")).scope : null;
  const coop = chosen && coops.find((c) => c.id === chosen.cooperativeId);
  const parsed = parsePeriod(params, new Date());
  const data = chosen && parsed.ok ? await dashboard(db, { kind: "cooperative", ...chosen }, parsed.period, parsed.previous) : null;
  const others = coops.filter((c) => c.id !== coop?.id);
  return (
    <div className="space-y-4">
      <PageHeader title={t("areas.coopTitle")} lead={t("areas.coopLead")} />
      <ManagedCooperatives cooperatives={coops} summaries={summaries} month={thisMonth} />
      {coop && (
        <section className="space-y-4" aria-labelledby="coop-dashboard" data-testid="coop-dashboard">
          <h2 id="coop-dashboard" className="text-xl font-bold">
            {t("dashboard.coopTitle", { cooperative: locale === "en" ? coop.nameEn : coop.nameZh })}
          </h2>
          {others.length > 0 && (
            <p className="flex flex-wrap gap-2 text-sm">
              <span className="text-earth-600">{t("dashboard.coopSwitch")}</span>
              {others.map((c) => (
                <Link key={c.id} href={`/coop?c=${encodeURIComponent(c.id)}`} className="font-medium text-wine-700 underline">
                  {locale === "en" ? c.nameEn : c.nameZh}
                </Link>
              ))}
            </p>
          )}
          <PeriodForm
            kind={parsed.ok ? parsed.period.kind : "custom"}
            from={parsed.ok ? parsed.period.from : raw(params.from)}
            to={parsed.ok ? parsed.period.to : raw(params.to)}
            hidden={{ c: coop.id }}
          />
          {!parsed.ok && (
            <Notice tone="bad" role="alert">
              {t(`dashboard.errors.${parsed.error}`)}
            </Notice>
          )}
          {data && <DashboardView data={data} county={false} csvQuery={null} />}
        </section>
      )}
    </div>
  );
}
