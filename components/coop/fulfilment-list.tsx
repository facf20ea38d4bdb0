import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import type { QueueShipment } from "@/lib/server/fulfilment/queue";
import { PackForm } from "./shipment-forms";
import { ShipmentAddress, ShipmentLines, ShipmentStatusLine } from "./shipment-parts";

/**
 * The queue on a phone first: one card per shipment (order number, times, lines with the batch to pick, the
 * fee as charged, the address), "packed" inline, shipping on the shipment's page (carrier and number need room).
 */
export function FulfilmentList({ cooperativeId, shipments }: { cooperativeId: string; shipments: QueueShipment[] }) {
  const t = useTranslations("fulfilment");
  const format = useFormatter();
  if (shipments.length === 0) return <Notice>{t("empty")}</Notice>;
  return (
    <ul className="space-y-3" data-testid="fulfilment-list">
      {shipments.map((s) => (
        <Section key={s.id} as="li" className="space-y-2" testId="shipment" data={{ "data-order": s.order.number, "data-status": s.status }}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-mono font-semibold">{t("orderNumber", { number: s.reference })}</h2>
            <ShipmentStatusLine shipment={s} />
          </div>
          <p className="text-xs text-earth-600">
            {t("placedAt", { date: format.dateTime(s.order.placedAt, "dateTime") })}
            {s.order.paidAt && <> · {t("paidAt", { date: format.dateTime(s.order.paidAt, "dateTime") })}</>}
          </p>
          <ShipmentLines lines={s.lines} />
          <p className="flex justify-between text-sm">
            <span>{t("shippingFee")}</span>
            <Price fen={s.shippingFen} />
          </p>
          <ShipmentAddress address={s.address} />
          {s.order.openRefund && (s.status === "PENDING" || s.status === "PACKED") && <Notice tone="bad">{t("openRefund")}</Notice>}
          <div className="flex flex-wrap items-center gap-3">
            {s.status === "PENDING" && !s.order.openRefund && <PackForm cooperativeId={cooperativeId} shipmentId={s.id} />}
            <Link href={`/coop/orders/${s.id}`} prefetch={false} className="py-2 text-sm font-medium text-wine-700 underline">
              {t("details")}
            </Link>
            <Link href={`/coop/orders/${s.id}/slip`} prefetch={false} className="py-2 text-sm text-wine-700 underline">
              {t("slipLink")}
            </Link>
          </div>
        </Section>
      ))}
    </ul>
  );
}
