import type { Metadata } from "next";
import { CertificationQueue } from "@/components/admin/certification-queue";
import { CertifiedProducts } from "@/components/admin/certification-certified";
import { RecentCertificationDecisions } from "@/components/admin/certification-recent";
import { EmptyState } from "@/components/console/empty-state";
import { Pager } from "@/components/console/pager";
import { type SortContext, SortLinks } from "@/components/console/sort-header";
import { PageHeader } from "@/components/ui/section";
import { listHref, paramKeys, type SearchParams, sortParams } from "@/lib/domain/list-query";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import {
  CERTIFIED_LIST,
  type CertifiedSort,
  listCertifiedPage,
  listRecentDecisions,
  listReviewQueuePage,
  parseCertifiedListQuery,
  parseReviewListQuery,
  REVIEW_LIST,
  type ReviewSort,
} from "@/lib/server/queries/certifications";
import { defaultValidity } from "@/lib/validation/certification";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("certification.title"), robots: { index: false } };
}

/**
 * 扶贫产品认定: the review queue (?sort=&dir=&page=) and the certified products (?csort=&cdir=&cpage=), each sorted
 * and paged in the database, and the latest decisions.
 */
export default async function CertificationsPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/certifications");
  const params = await searchParams;
  const now = new Date();
  const [qq, cq] = [parseReviewListQuery(params), parseCertifiedListQuery(params)];
  const [t, queue, certified, recent] = await Promise.all([getT(), listReviewQueuePage(db, qq), listCertifiedPage(db, now, cq), listRecentDecisions(db, { limit: 20 })]);
  // Each list's links keep the other list's sort and page.
  const keepQueue = { ...sortParams(REVIEW_LIST, qq), page: qq.page };
  const keepCertified = { ...sortParams(CERTIFIED_LIST, cq), [paramKeys(CERTIFIED_LIST).page]: cq.page };
  const queueSort: SortContext<ReviewSort> = { path: "/admin/certifications", params: keepCertified, spec: REVIEW_LIST, query: qq };
  const certifiedSort: SortContext<CertifiedSort> = { path: "/admin/certifications", params: keepQueue, spec: CERTIFIED_LIST, query: cq };
  return (
    <div className="space-y-8">
      <PageHeader title={t("certification.title")} lead={t("certification.lead")} />
      <div className="space-y-3">
        <CertificationQueue
          items={queue.rows}
          total={queue.total}
          validity={defaultValidity(now)}
          controls={<SortLinks ctx={queueSort} labels={{ submitted: t("certification.sort.submitted"), name: t("certification.sort.name"), cooperative: t("certification.sort.cooperative") }} />}
          empty={
            <EmptyState
              message={t("certification.queueEmptyNext")}
              next={{ href: "/admin/cooperatives", label: t("certification.queueEmptyLink") }}
              firstPageHref={qq.page > 1 ? listHref("/admin/certifications", { ...keepCertified, ...sortParams(REVIEW_LIST, qq) }) : undefined}
            />
          }
        />
        <Pager path="/admin/certifications" params={{ ...keepCertified, ...sortParams(REVIEW_LIST, qq) }} page={qq.page} pages={queue.pages} total={queue.total} />
      </div>
      <div className="space-y-3">
        <CertifiedProducts
          items={certified.rows}
          total={certified.total}
          controls={<SortLinks ctx={certifiedSort} labels={{ expires: t("certification.sort.expires"), name: t("certification.sort.name"), certified: t("certification.sort.certified") }} />}
          empty={
            <EmptyState
              message={t("certification.certifiedEmptyNext")}
              firstPageHref={cq.page > 1 ? listHref("/admin/certifications", { ...keepQueue, ...sortParams(CERTIFIED_LIST, cq) }) : undefined}
            />
          }
        />
        <Pager path="/admin/certifications" pageParam={paramKeys(CERTIFIED_LIST).page} params={{ ...keepQueue, ...sortParams(CERTIFIED_LIST, cq) }} page={cq.page} pages={certified.pages} total={certified.total} />
      </div>
      <RecentCertificationDecisions decisions={recent} />
    </div>
  );
}
