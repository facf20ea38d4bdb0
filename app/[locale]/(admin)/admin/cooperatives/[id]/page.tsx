import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { named } from "@/components/coop/dates";
import { RosterList } from "@/components/coop/roster-list";
import { Notice, PageHeader } from "@/components/ui/section";
import { type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { auditHouseholdRead } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { cooperativeName, parseRosterListQuery, ROSTER_LIST, type RosterSort, rosterPage } from "@/lib/server/roster/list";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title"), robots: { index: false } };
}

/** One cooperative's roster, read-only for admins: masked names, and the audited "show name" per row. */
export default async function AdminCooperativeRosterPage({ params, searchParams }: Props) {
  const { id } = await params;
  const admin = await guardPage({ kind: "role", roles: ["ADMIN"] }, `/admin/cooperatives/${id}`);
  const query = parseRosterListQuery(await searchParams);
  const cooperative = await cooperativeName(db, id);
  if (!cooperative) notFound();
  const [t, locale, roster] = await Promise.all([getTranslations("roster"), getLocale(), rosterPage(db, cooperative.id, query)]);
  const path = `/admin/cooperatives/${encodeURIComponent(cooperative.id)}`;
  const sort: SortContext<RosterSort> = { path, params: {}, spec: ROSTER_LIST, query };
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
      {roster.rows.length === 0 ? (
        <EmptyState message={t("admin.emptyNone")} next={{ href: "/admin/cooperatives", label: t("admin.back") }} firstPageHref={query.page > 1 ? path : undefined} />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ code: t("sort.code"), village: t("sort.village"), since: t("sort.since"), members: t("sort.members") }} />
          <RosterList entries={roster.rows} cooperativeId={cooperative.id} locale={locale} mode="admin" />
          <Pager path={path} params={sortParams(ROSTER_LIST, query)} page={query.page} pages={roster.pages} total={roster.total} />
        </>
      )}
    </div>
  );
}
