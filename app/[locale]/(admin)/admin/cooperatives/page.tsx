import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { RosterCooperatives } from "@/components/admin/roster-cooperatives";
import { CooperativeAdmin } from "@/components/people/cooperative-admin";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { firstParam, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { COOPERATIVE_LIST, type CooperativeSort, cooperativeNames, cooperativesAdminPage, parseCooperativeListQuery } from "@/lib/server/people/queries";
import { cooperativesOverview } from "@/lib/server/roster/list";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.coops");
  return { title: t("title"), robots: { index: false } };
}

/** Every cooperative: its household roster (G4's list), and its certification and managers (admins only). */
export default async function AdminCooperativesPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/cooperatives");
  const params = await searchParams;
  const query = parseCooperativeListQuery(params);
  const created = firstParam(params.created);
  const [t, tr, locale, roster, admin, fresh] = await Promise.all([
    getTranslations("people.coops"),
    getTranslations("roster.admin"),
    getLocale(),
    cooperativesOverview(db),
    cooperativesAdminPage(db, query),
    created ? cooperativeNames(db, created) : null,
  ]);
  const sort: SortContext<CooperativeSort> = { path: "/admin/cooperatives", params: {}, spec: COOPERATIVE_LIST, query };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        action={
          <Link href="/admin/cooperatives/new" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
            {t("new")}
          </Link>
        }
      />
      {fresh && (
        <Notice tone="good" role="status">
          {t("created", { name: locale === "en" ? fresh.nameEn : fresh.nameZh })}
        </Notice>
      )}
      <Section title={t("roster")}>
        <p className="mb-3 text-sm text-earth-600">{tr("lead")}</p>
        {roster.length === 0 ? <EmptyState message={t("emptyNone")} next={{ href: "/admin/cooperatives/new", label: t("emptyNext") }} /> : <RosterCooperatives rows={roster} />}
      </Section>
      <section aria-labelledby="coop-administration" className="space-y-3">
        <h2 id="coop-administration" className="text-lg font-semibold">
          {t("administration")}
        </h2>
        {admin.rows.length === 0 ? (
          <EmptyState message={t("emptyNone")} next={{ href: "/admin/cooperatives/new", label: t("emptyNext") }} firstPageHref={query.page > 1 ? "/admin/cooperatives" : undefined} />
        ) : (
          <>
            <SortLinks ctx={sort} labels={{ created: t("sort.created"), name: t("sort.name"), status: t("sort.status") }} />
            <CooperativeAdmin rows={admin.rows} />
            <Pager path="/admin/cooperatives" params={sortParams(COOPERATIVE_LIST, query)} page={query.page} pages={admin.pages} total={admin.total} />
          </>
        )}
      </section>
    </div>
  );
}
