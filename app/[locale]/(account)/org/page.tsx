import type { Metadata } from "next";
import Link from "next/link";
import { ReservedShare } from "@/components/org/reserved-share";
import { YearPicker } from "@/components/org/year-picker";
import { Notice, PageHeader } from "@/components/ui/section";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { parseShareYear } from "@/lib/domain/reserved-share";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { approvalQueue } from "@/lib/server/orgs/approvals";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { boughtFrom, reservedShareOf } from "@/lib/server/orgs/reserved-share";

type Props = { searchParams: Promise<{ year?: string | string[]; joined?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.area.links.home"), robots: { index: false } };
}

/** The organisation's year at a glance: its reserved share's progress, and the orders waiting for an approver. */
export default async function OrgHomePage({ searchParams }: Props) {
  const member = await guardOrgPage(orgPageRoles("home"), "/org");
  const query = await searchParams;
  const year = parseShareYear(query.year, new Date());
  const scope = { organisationId: member.organisationId };
  const [t, locale, progress, bought, waiting] = await Promise.all([
    getT(),
    getLocale(),
    reservedShareOf(db, scope, year),
    boughtFrom(db, scope, year),
    member.roles.includes("APPROVER") ? approvalQueue(db, scope) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.share.title", { year })} lead={t("org.share.lead")} action={<YearPicker year={year} href={(y) => `/org?year=${y}`} />} />
      {query.joined && <Notice tone="good" role="status">{t("org.area.joined")}</Notice>}
      {waiting.length > 0 && (
        <Notice tone="bad">
          <Link href="/org/approvals" className="font-medium underline" data-testid="approvals-waiting">
            {t("org.area.waiting", { count: waiting.length })}
          </Link>
        </Notice>
      )}
      <ReservedShare progress={progress} bought={bought} locale={locale} settingsHref={member.roles.includes("ORG_ADMIN") ? "/org/settings" : undefined} />
    </div>
  );
}
