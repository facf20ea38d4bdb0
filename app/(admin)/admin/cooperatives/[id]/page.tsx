import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { named } from "@/components/coop/dates";
import { RosterList } from "@/components/coop/roster-list";
import { RosterPager } from "@/components/coop/roster-pager";
import { Notice, PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { auditHouseholdRead } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { cooperativeName, rosterOf } from "@/lib/server/roster/list";
import { pageOf } from "@/lib/server/roster/page";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ p?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title"), robots: { index: false } };
}

/** One cooperative's roster, read-only for admins: masked names, and the audited "show name" per row. */
export default async function AdminCooperativeRosterPage({ params, searchParams }: Props) {
  const { id } = await params;
  const admin = await guardPage({ kind: "role", roles: ["ADMIN"] }, `/admin/cooperatives/${id}`);
  const { p } = await searchParams;
  const cooperative = await cooperativeName(db, id);
  if (!cooperative) notFound();
  const [t, locale, roster] = await Promise.all([getTranslations("roster"), getLocale(), rosterOf(db, cooperative.id)]);
  const shown = pageOf(roster, p);
  // An admin's look at a cooperative's households (masked) is on the record too; full names are audited per read.
  await auditHouseholdRead(db, { actorId: admin.id, cooperativeId: cooperative.id, what: "roster (masked)" });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={named(cooperative, locale)}
        action={
          <Link href="/admin/cooperatives" className="text-sm underline">
            {t("admin.back")}
          </Link>
        }
      />
      <Notice>{t("admin.readOnly")}</Notice>
      <RosterList entries={shown.rows} cooperativeId={cooperative.id} locale={locale} mode="admin" />
      <RosterPager
        page={shown.page}
        pages={shown.pages}
        href={(n) => `/admin/cooperatives/${encodeURIComponent(cooperative.id)}?p=${n}`}
        label={{ nav: t("pager.nav"), prev: t("pager.prev"), next: t("pager.next"), of: t("pager.of", { page: shown.page, pages: shown.pages }) }}
      />
    </div>
  );
}
