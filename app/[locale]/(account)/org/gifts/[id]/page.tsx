import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GiftPreview } from "@/components/org/gift-preview";
import { PageHeader } from "@/components/ui/section";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { getGiftList } from "@/lib/server/orgs/gift-orders";
import { guardOrgPage } from "@/lib/server/orgs/guard";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.gifts.preview.title"), robots: { index: false } };
}

/** One of the organisation's gift lists: its preview, placed from here. Another organisation's list is not found. */
export default async function OrgGiftListPage({ params }: Props) {
  const { id } = await params;
  const member = await guardOrgPage(orgPageRoles("gifts"), `/org/gifts/${encodeURIComponent(id)}`);
  const [t, list] = await Promise.all([getT(), getGiftList(db, { organisationId: member.organisationId }, id)]);
  if (!list) notFound();
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("org.gifts.preview.title")}
        lead={t("org.gifts.preview.file", { name: list.fileName, encoding: list.encoding })}
        action={
          <Link href="/org/gifts" className="text-sm underline">
            {t("org.gifts.preview.back")}
          </Link>
        }
      />
      <GiftPreview list={list} />
    </div>
  );
}
