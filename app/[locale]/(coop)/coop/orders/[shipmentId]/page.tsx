import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { named } from "@/components/coop/dates";
import { ShipmentDetail } from "@/components/coop/shipment-detail";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { auditAddressRead } from "@/lib/server/fulfilment/audit";
import { getCoopShipment } from "@/lib/server/fulfilment/queue";
import { getLocale, getT } from "@/lib/server/i18n";

type Props = { params: Promise<{ shipmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.shipTitle"), robots: { index: false } };
}

/** One shipment of the manager's cooperatives: lines, address, pack and ship. Another cooperative's: 404. */
export default async function CoopShipmentPage({ params }: Props) {
  const { shipmentId } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/orders/${shipmentId}`);
  const shipment = await getCoopShipment(db, { cooperativeIds: user.cooperativeIds }, shipmentId);
  if (!shipment) notFound();
  await auditAddressRead(db, { actorId: user.id, cooperativeId: shipment.cooperativeId, shipmentIds: [shipment.id], what: "shipment" });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("fulfilment.detailTitle", { number: shipment.reference })} subtitle={named(shipment.cooperative, locale)} />
      <ShipmentDetail shipment={shipment} />
      <Link href={`/coop/orders?c=${shipment.cooperativeId}`} prefetch={false} className="inline-block py-2 text-sm text-wine-700 underline">
        {t("fulfilment.back")}
      </Link>
    </div>
  );
}
