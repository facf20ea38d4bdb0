import type { Metadata } from "next";
import { CertificationQueue } from "@/components/admin/certification-queue";
import { CertifiedProducts } from "@/components/admin/certification-certified";
import { RecentCertificationDecisions } from "@/components/admin/certification-recent";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listCertified, listRecentDecisions, listReviewQueue } from "@/lib/server/queries/certifications";
import { defaultValidity } from "@/lib/validation/certification";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("certification.title"), robots: { index: false } };
}

/** 扶贫产品认定: the review queue, the certified products (revoke, feature), and the latest decisions. */
export default async function CertificationsPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/certifications");
  const now = new Date();
  const [t, queue, certified, recent] = await Promise.all([getT(), listReviewQueue(db), listCertified(db, now), listRecentDecisions(db, { limit: 20 })]);
  return (
    <div className="space-y-8">
      <PageHeader title={t("certification.title")} lead={t("certification.lead")} />
      <CertificationQueue items={queue} validity={defaultValidity(now)} />
      <CertifiedProducts items={certified} />
      <RecentCertificationDecisions decisions={recent} />
    </div>
  );
}
