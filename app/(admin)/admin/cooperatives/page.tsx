import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RosterCooperatives } from "@/components/admin/roster-cooperatives";
import { CooperativeAdmin } from "@/components/people/cooperative-admin";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale } from "@/lib/server/i18n";
import { cooperativesAdmin } from "@/lib/server/people/queries";
import { cooperativesOverview } from "@/lib/server/roster/list";

type Props = { searchParams: Promise<{ created?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people.coops");
  return { title: t("title"), robots: { index: false } };
}

/** Every cooperative: its household roster (G4's list), and its certification and managers (admins only). */
export default async function AdminCooperativesPage({ searchParams }: Props) {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/cooperatives");
  const [{ created }, t, tr, locale, roster, admin] = await Promise.all([
    searchParams,
    getTranslations("people.coops"),
    getTranslations("roster.admin"),
    getLocale(),
    cooperativesOverview(db),
    cooperativesAdmin(db),
  ]);
  const fresh = typeof created === "string" ? admin.find((c) => c.id === created) : undefined;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        lead={t("lead")}
        action={
          <Link href="/admin/cooperatives/new" className="rounded-lg bg-wine-700 px-4 py-2 font-medium text-white hover:bg-wine-800">
            {t("new")}
          </Link>
        }
      />
      {fresh && (
        <Notice tone="good" role="status">
          {t("created", { name: locale === "en" ? fresh.nameEn : fresh.nameZh })}
        </Notice>
      )}
      <Section title={t("roster")}>
        <p className="mb-3 text-sm text-earth-600">{tr("lead")}</p>
        {roster.length === 0 ? <Notice>{t("empty")}</Notice> : <RosterCooperatives rows={roster} />}
      </Section>
      <section aria-labelledby="coop-administration" className="space-y-3">
        <h2 id="coop-administration" className="text-lg font-semibold">
          {t("administration")}
        </h2>
        <CooperativeAdmin rows={admin} />
      </section>
    </div>
  );
}
