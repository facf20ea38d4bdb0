import type { Metadata } from "next";
import { GiftUploadForm } from "@/components/org/gift-forms";
import { GiftListTable } from "@/components/org/gift-preview";
import { PageHeader, Section } from "@/components/ui/section";
import { GIFT_LIST_LIMITS } from "@/lib/domain/gift-list";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { listGiftLists } from "@/lib/server/orgs/gift-orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("org.gifts.title"), robots: { index: false } };
}

/** A union's gift lists (工会慰问品): the upload form with its template, and the lists uploaded so far. Purchasers. */
export default async function OrgGiftsPage() {
  const member = await guardOrgPage(orgPageRoles("gifts"), "/org/gifts");
  const [t, lists] = await Promise.all([getT(), listGiftLists(db, { organisationId: member.organisationId })]);
  return (
    <div className="space-y-5">
      <PageHeader title={t("org.gifts.title")} lead={t("org.gifts.intro")} />
      <Section
        title={t("org.gifts.upload.heading")}
        action={
          <a href="/org/gifts/template.csv" download className="text-sm font-medium underline" data-testid="gift-template">
            {t("org.gifts.template.download")}
          </a>
        }
      >
        <p className="mb-3 text-sm text-earth-600">{t("org.gifts.template.hint")}</p>
        <GiftUploadForm
          labels={{
            file: t("org.gifts.upload.file"),
            hint: t("org.gifts.upload.hint", { maxRows: GIFT_LIST_LIMITS.maxRows, maxMb: GIFT_LIST_LIMITS.maxBytes / 1024 / 1024 }),
            submit: t("org.gifts.upload.submit"),
          }}
        />
      </Section>
      <Section title={t("org.gifts.list.heading")}>
        {lists.length === 0 ? <p className="text-sm text-earth-600">{t("org.gifts.list.empty")}</p> : <GiftListTable lists={lists} />}
      </Section>
    </div>
  );
}
