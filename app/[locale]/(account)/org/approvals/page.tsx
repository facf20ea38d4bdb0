import type { Metadata } from "next";
import { ApprovalCard } from "@/components/org/approval-card";
import { Notice, PageHeader } from "@/components/ui/section";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { approvalQueue, recentDecisions } from "@/lib/server/orgs/approvals";
import { guardOrgPage } from "@/lib/server/orgs/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.area.links.approvals"), robots: { index: false } };
}

/** The organisation's approvers: the orders waiting for them (the soonest deadline first), then the recent decisions. */
type Props = { searchParams: Promise<{ done?: string; number?: string }> };

export default async function OrgApprovalsPage({ searchParams }: Props) {
  const member = await guardOrgPage(orgPageRoles("approvals"), "/org/approvals");
  const { done, number } = await searchParams;
  const scope = { organisationId: member.organisationId };
  const [t, locale, waiting, decided] = await Promise.all([getT(), getLocale(), approvalQueue(db, scope), recentDecisions(db, scope)]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.area.links.approvals")} lead={t("org.approvals.lead")} />
      {(done === "approved" || done === "rejected") && number && /^[A-Z0-9-]{1,40}$/.test(number) && (
        <Notice tone="good" role="status">
          {t(`org.approvals.done.${done}`, { number })}
        </Notice>
      )}
      {waiting.length === 0 ? <Notice>{t("org.approvals.none")}</Notice> : waiting.map((o) => <ApprovalCard key={o.id} order={o} locale={locale} decide />)}
      {decided.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("org.approvals.recent")}</h2>
          {decided.map((o) => (
            <ApprovalCard key={o.id} order={o} locale={locale} decide={false} />
          ))}
        </section>
      )}
    </div>
  );
}
