import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrganisationForm, OrganisationYearForm } from "@/components/org/organisation-forms";
import { YearPicker } from "@/components/org/year-picker";
import { PageHeader, Section } from "@/components/ui/section";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { parseShareYear } from "@/lib/domain/reserved-share";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { getOrganisation } from "@/lib/server/orgs/organisations";
import { organisationYear } from "@/lib/server/orgs/reserved-share";

type Props = { searchParams: Promise<{ year?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.area.links.settings"), robots: { index: false } };
}

/** The organisation's admins: its profile (invoice details, approval threshold) and each year's reserved-share figures. */
export default async function OrgSettingsPage({ searchParams }: Props) {
  const member = await guardOrgPage(orgPageRoles("settings"), "/org/settings");
  const year = parseShareYear((await searchParams).year, new Date());
  const scope = { organisationId: member.organisationId };
  const [t, organisation, figures] = await Promise.all([getT(), getOrganisation(db, scope), organisationYear(db, scope, year)]);
  if (!organisation) notFound();
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.area.links.settings")} />
      <Section title={t("org.form.yearTitle", { year })} action={<YearPicker year={year} href={(y) => `/org/settings?year=${y}`} />}>
        <OrganisationYearForm organisationId={organisation.id} year={year} budgetFen={figures.recorded ? figures.budgetFen : null} percentBp={figures.recorded ? figures.percentBp : null} />
      </Section>
      <Section title={t("org.form.profileTitle")}>
        <OrganisationForm organisation={organisation} />
      </Section>
    </div>
  );
}
