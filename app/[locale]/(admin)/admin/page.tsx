import type { Metadata } from "next";
import Link from "next/link";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PeriodForm } from "@/components/dashboard/period-form";
import { Notice, PageHeader } from "@/components/ui/section";
import { parsePeriod } from "@/lib/domain/period";
import { guardPage } from "@/lib/server/authz";
import { dashboard } from "@/lib/server/dashboard/data";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("dashboard.title"), robots: { index: false } };
}

const linkClass = "block rounded-lg bg-white px-3 py-1.5 text-sm font-medium shadow-sm hover:text-wine-700";
const raw = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");

/** The county's dashboard: a period against the one before, charts drawn on the server, links to the admin pages. */
export default async function AdminHome({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  const [t, params] = await Promise.all([getT(), searchParams]);
  const parsed = parsePeriod(params, new Date());
  const data = parsed.ok ? await dashboard(db, { kind: "county" }, parsed.period, parsed.previous) : null;
  const links = [
    { href: "/admin/certifications", label: t("certification.homeCard") },
    { href: "/admin/transfers", label: t("admin.transfers") },
    { href: "/admin/refunds", label: t("admin.refunds") },
    { href: "/admin/reports", label: t("reports.title") },
    { href: "/admin/shipments", label: t("admin.homeShipments") },
    { href: "/admin/cooperatives", label: t("admin.homeCooperatives") },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("dashboard.title")} lead={t("dashboard.lead")} />
      <nav aria-label={t("dashboard.links")}>
        <ul className="flex flex-wrap gap-2">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className={linkClass}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <PeriodForm kind={parsed.ok ? parsed.period.kind : "custom"} from={parsed.ok ? parsed.period.from : raw(params.from)} to={parsed.ok ? parsed.period.to : raw(params.to)} />
      {!parsed.ok && (
        <Notice tone="bad" role="alert">
          {t(`dashboard.errors.${parsed.error}`)}
        </Notice>
      )}
      {parsed.ok && data && <DashboardView data={data} county csvQuery={new URLSearchParams({ from: parsed.period.from, to: parsed.period.to }).toString()} />}
    </div>
  );
}
