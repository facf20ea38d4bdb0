import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CooperativeSwitch } from "@/components/coop/cooperative-switch";
import { named } from "@/components/coop/dates";
import { HouseholdAddForm } from "@/components/coop/household-add-form";
import { RosterList } from "@/components/coop/roster-list";
import { RosterPager } from "@/components/coop/roster-pager";
import { PageHeader, Section } from "@/components/ui/section";
import { guardCooperativePage } from "@/lib/server/coop-area";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { listManagedCooperatives } from "@/lib/server/queries/account";
import { rosterOfScope } from "@/lib/server/roster/list";
import { addFormChoices, pageOf } from "@/lib/server/roster/page";

type Props = { searchParams: Promise<{ c?: string | string[]; cooperative?: string | string[]; p?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title"), robots: { index: false } };
}

/** The cooperative's household roster: masked names, add / change / end, the audited "show name", import. */
export default async function CoopHouseholdsPage({ searchParams }: Props) {
  const { c, cooperative, p } = await searchParams;
  const { scope } = await guardCooperativePage(c ?? cooperative, "/coop/households");
  const [t, locale, coops, roster] = await Promise.all([getTranslations("roster"), getLocale(), listManagedCooperatives(db, scope), rosterOfScope(db, scope)]);
  if (!roster) notFound();
  const choices = await addFormChoices(db, (k) => t(k as Parameters<typeof t>[0]));
  const current = coops.find((x) => x.id === scope.cooperativeId);
  const id = encodeURIComponent(scope.cooperativeId);
  const shown = pageOf(roster, p);
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
      <RosterList entries={shown.rows} cooperativeId={scope.cooperativeId} locale={locale} mode="manage" />
      <RosterPager
        page={shown.page}
        pages={shown.pages}
        href={(n) => `/coop/households?c=${id}&p=${n}`}
        label={{ nav: t("pager.nav"), prev: t("pager.prev"), next: t("pager.next"), of: t("pager.of", { page: shown.page, pages: shown.pages }) }}
      />
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
