import type { Metadata } from "next";
import Link from "next/link";
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
      <ul className="flex flex-wrap gap-2">
        <li>
          <Link href="/admin/transfers" className="block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700">
            {t("admin.transfers")}
          </Link>
        </li>
        <li>
          <Link href="/admin/refunds" className="block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700">
            {t("admin.refunds")}
          </Link>
        </li>
        <li>
          <Link href="/admin/reports" className="block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700">
            {t("reports.title")}
          </Link>
        </li>
      </ul>
      <p className="text-earth-600">{t("areas.adminSoon")}</p>
    </div>
  );
}
