import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { HouseholdAddForm } from "@/components/coop/household-add-form";
import { RosterList } from "@/components/coop/roster-list";
import { PageHeader, Section } from "@/components/ui/section";
import { listHref, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { parseRosterListQuery, ROSTER_LIST, type RosterSort, rosterPageOfScope } from "@/lib/server/roster/list";
import { addFormChoices } from "@/lib/server/roster/page";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title"), robots: { index: false } };
}

/** The cooperative's household roster, sorted and paged in the database: masked names, add / change / end, the audited "show name", import. */
export default async function CoopHouseholdsPage({ searchParams }: Props) {
  const params = await searchParams;
  const { scope } = await guardCooperativePage(params.c ?? params.cooperative, "/coop/households");
  const query = parseRosterListQuery(params);
  const [t, locale, coops, roster] = await Promise.all([getTranslations("roster"), getLocale(), listManagedCooperatives(db, scope), rosterPageOfScope(db, scope, query)]);
  if (!roster) notFound();
  const choices = await addFormChoices(db, (k) => t(k as Parameters<typeof t>[0]));
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const id = encodeURIComponent(scope.cooperativeId);
  const sort: SortContext<RosterSort> = { path: "/coop/households", params: { c: scope.cooperativeId }, spec: ROSTER_LIST, query };
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        subtitle={current && named(current, locale)}
        lead={t("lead")}
        action={
          <Link href={`/coop/households/import?c=${id}`} className="rounded-lg border border-earth-600/40 bg-white px-4 py-2 text-sm font-medium hover:bg-earth-100">
            {t("importLink")}
          </Link>
        }
      />
      <CooperativeSwitch cooperatives={coops} current={scope.cooperativeId} href={(x) => `/coop/households?c=${encodeURIComponent(x)}`} />
      {roster.rows.length === 0 ? (
        <EmptyState
          message={t("emptyNone")}
          next={{ href: `/coop/households/import?c=${id}`, label: t("importLink") }}
          firstPageHref={query.page > 1 ? listHref("/coop/households", { c: scope.cooperativeId }) : undefined}
        />
      ) : (
        <>
          <SortLinks ctx={sort} labels={{ code: t("sort.code"), village: t("sort.village"), since: t("sort.since"), members: t("sort.members") }} />
          <RosterList entries={roster.rows} cooperativeId={scope.cooperativeId} locale={locale} mode="manage" />
          <Pager path="/coop/households" params={{ c: scope.cooperativeId, ...sortParams(ROSTER_LIST, query) }} page={query.page} pages={roster.pages} total={roster.total} />
        </>
      )}
      <Section title={t("addTitle")}>
        <p className="mb-3 text-sm text-earth-600">{t("addLead")}</p>
        <HouseholdAddForm
          cooperativeId={scope.cooperativeId}
          villages={choices.villages}
          statuses={choices.statuses}
          benefitTypes={choices.benefitTypes}
          labels={{
            submit: t("addSubmit"),
            code: t("code"),
            codeHint: t("codeHint"),
            village: t("village"),
            headName: t("headName"),
            memberCount: t("memberCount"),
            status: t("status"),
            benefitType: t("benefitType"),
            landMu: t("landMu"),
            landMuHint: t("landMuHint"),
            weight: t("weight"),
            idCardNumber: t("idCardNumber"),
            idCardHint: t("idCardHint"),
            choose: t("choose"),
          }}
        />
      </Section>
    </div>
  );
}
