import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RosterCooperatives } from "@/components/admin/roster-cooperatives";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { cooperativesOverview } from "@/lib/server/roster/list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster.admin");
  return { title: t("title"), robots: { index: false } };
}

/** Every cooperative, with its status, village, managers and active households (admins only). */
export default async function AdminCooperativesPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/cooperatives");
  const [t, rows] = await Promise.all([getTranslations("roster.admin"), cooperativesOverview(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} lead={t("lead")} />
      <RosterCooperatives rows={rows} />
    </div>
  );
}
