import type { Metadata } from "next";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.adminTitle"), robots: { index: false } };
}

export default async function AdminHome() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  const t = await getT();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("areas.adminTitle")}</h1>
      <p>{t("areas.adminLead")}</p>
      <p className="text-earth-600">{t("areas.adminSoon")}</p>
    </div>
  );
}
