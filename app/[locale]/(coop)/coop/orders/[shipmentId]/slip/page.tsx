import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LabelPrintButton } from "@/components/coop/label-print-button";
import { PackingSlip } from "@/components/coop/packing-slip";
import { PageHeader } from "@/components/ui/section";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { auditAddressRead } from "@/lib/server/fulfilment/audit";
import { getCoopShipment } from "@/lib/server/fulfilment/queue";
import { getLocale, getT } from "@/lib/server/i18n";
import { qrDataUrl, traceUrl } from "@/lib/server/listings/trace-qr";

type Props = { params: Promise<{ shipmentId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("fulfilment.slip.title"), robots: { index: false } };
}

/** A printable packing slip (A5) for one shipment: one QR per line, to the origin page of the batch to pick. */
export default async function PackingSlipPage({ params }: Props) {
  const { shipmentId } = await params;
  const user = await guardPage({ kind: "role", roles: ["MANAGER"] }, `/coop/orders/${shipmentId}/slip`);
  const shipment = await getCoopShipment(db, { cooperativeIds: user.cooperativeIds }, shipmentId);
  if (!shipment) notFound();
  await auditAddressRead(db, { actorId: user.id, cooperativeId: shipment.cooperativeId, shipmentIds: [shipment.id], what: "packingSlip" });
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const lines = await Promise.all(
    shipment.lines.map(async (l) => {
      const url = l.batch ? traceUrl(l.batch.traceCode) : null;
      return {
        id: l.id,
        name: locale === "en" ? l.nameEn : l.nameZh,
        spec: locale === "en" ? l.specEn : l.specZh,
        quantity: l.quantity - l.refundedQuantity,
        lot: l.batch?.lotNumber ?? null,
        traceUrl: url,
        qr: url ? await qrDataUrl(url) : null,
      };
    }),
  );
  return (
    <div className="space-y-4">
      <div className="space-y-4 print:hidden">
        <PageHeader title={t("fulfilment.slip.title")} subtitle={shipment.reference} lead={t("fulfilment.slip.lead")} />
        <div className="flex flex-wrap items-center gap-3">
          <LabelPrintButton label={t("fulfilment.slip.print")} />
          <Link href={`/coop/orders/${shipment.id}`} prefetch={false} className="py-2 text-sm text-wine-700 underline">
            {t("fulfilment.back")}
          </Link>
        </div>
      </div>
      <PackingSlip shipment={shipment} lines={lines} />
    </div>
  );
}
