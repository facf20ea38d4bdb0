import type { Metadata } from "next";
import { LateShipments } from "@/components/admin/late-shipments";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { listLateShipments } from "@/lib/server/fulfilment/late";
import { getT } from "@/lib/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.late.title"), robots: { index: false } };
}

/** Shipments late to ship (paid more than 48 h ago, not shipped), across cooperatives, oldest first. Admins only. */
export default async function LateShipmentsPage() {
  await guardPage({ kind: "role", roles: ["ADMIN"] }, "/admin/shipments");
  const [t, late] = await Promise.all([getT(), listLateShipments(db)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("fulfilment.late.title")} lead={t("fulfilment.late.lead")} />
      <p className="text-sm text-earth-600">{t("fulfilment.late.total", { count: late.total })}</p>
      <LateShipments shipments={late.shipments} />
    </div>
  );
}
