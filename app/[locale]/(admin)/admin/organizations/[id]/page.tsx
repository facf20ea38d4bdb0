import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrgMembers } from "@/components/org/members";
import { OrganisationForm, OrganisationYearForm } from "@/components/org/organisation-forms";
import { ReservedShare } from "@/components/org/reserved-share";
import { YearPicker } from "@/components/org/year-picker";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { parseShareYear } from "@/lib/domain/reserved-share";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { listMembers } from "@/lib/server/orgs/members";
import { getOrganisation } from "@/lib/server/orgs/organisations";
import { boughtFrom, reservedShareOf } from "@/lib/server/orgs/reserved-share";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ year?: string | string[]; created?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.admin.title"), robots: { index: false } };
}

/** One organisation for the county's admins: its reserved share, year-end statement, profile, year figures and members. */
export default async function AdminOrganisationPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const admin = await guardPage({ kind: "role", roles: ["ADMIN"] }, `/admin/organizations/${id}`);
  const organisation = await getOrganisation(db, { organisationId: id });
  if (!organisation) notFound();
  const year = parseShareYear(query.year, new Date());
  const scope = { organisationId: organisation.id };
  const [t, locale, progress, bought, members] = await Promise.all([getT(), getLocale(), reservedShareOf(db, scope, year), boughtFrom(db, scope, year), listMembers(db, scope)]);
  const path = `/admin/organizations/${organisation.id}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title={organisation.name}
        subtitle={`${t(`org.kinds.${organisation.kind}`)} · ${organisation.creditCode}`}
        action={
          <div className="flex flex-wrap items-center gap-3">
            <YearPicker year={year} href={(y) => `${path}?year=${y}`} />
            <Link href={`/org/statements/${year}?organisation=${organisation.id}`} className="text-sm underline">
              {t("org.admin.statement", { year })}
            </Link>
            <Link href="/admin/organizations" className="text-sm underline">
              {t("org.admin.back")}
            </Link>
          </div>
        }
      />
      {query.created && (
        <Notice tone="good" role="status">
          {t("org.done.created", { name: organisation.name })} {t("org.admin.inviteFirst")}
        </Notice>
      )}
      <ReservedShare progress={progress} bought={bought} locale={locale} />
      <Section title={t("org.form.yearTitle", { year })}>
        <OrganisationYearForm organisationId={organisation.id} year={year} budgetFen={progress.recorded ? progress.budgetFen : null} percentBp={progress.recorded ? progress.percentBp : null} />
      </Section>
      <OrgMembers organisationId={organisation.id} members={members} manage selfId={admin.id} />
      <Section title={t("org.form.profileTitle")}>
        <OrganisationForm organisation={organisation} />
      </Section>
    </div>
  );
}
