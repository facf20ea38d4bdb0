import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("areas.adminTitle"), robots: { index: false } };
}

const linkClass = "block rounded-lg bg-white px-4 py-2 font-medium shadow-sm hover:text-wine-700";

export default async function AdminHome() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin");
  const t = await getT();
  const links = [
    { href: "/admin/certifications", label: t("certification.homeCard") },
    { href: "/admin/transfers", label: t("admin.transfers") },
    { href: "/admin/refunds", label: t("admin.refunds") },
    { href: "/admin/reports", label: t("reports.title") },
    { href: "/admin/shipments", label: t("admin.homeShipments") },
    { href: "/admin/cooperatives", label: t("admin.homeCooperatives") },
  ];
  return (
    <div className="space-y-4">
      <PageHeader title={t("areas.adminTitle")} lead={t("areas.adminLead")} />
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className={linkClass}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-earth-600">{t("areas.adminSoon")}</p>
    </div>
  );
}
