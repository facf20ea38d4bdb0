import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import type { CoopShipment } from "@/lib/server/fulfilment/queue";
import { PackForm, ShipForm } from "./shipment-forms";
import { ShipmentAddress, ShipmentLines, ShipmentStatusLine } from "./shipment-parts";

/** A shipment's page body: its state and times, lines with batches, fee, address, and the forms its state allows. */
export function ShipmentDetail({ shipment: s }: { shipment: CoopShipment }) {
  const t = useTranslations("fulfilment");
  const format = useFormatter();
  const open = s.status === "PENDING" || s.status === "PACKED";
  const times = (["packedAt", "shippedAt", "deliveredAt"] as const).filter((k) => s[k]);
  return (
    <div className="space-y-4" data-testid="shipment-detail" data-status={s.status}>
      <Section className="space-y-3">
        <ShipmentStatusLine shipment={s} />
        <p className="text-xs text-earth-600">
          {t("placedAt", { date: format.dateTime(s.order.placedAt, "dateTime") })}
          {s.order.paidAt && <> · {t("paidAt", { date: format.dateTime(s.order.paidAt, "dateTime") })}</>}
        </p>
        {times.length > 0 && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            {times.map((k) => (
              <div key={k} className="contents">
                <dt className="text-earth-600">{t(`times.${k}`)}</dt>
                <dd>
                  {format.dateTime(s[k] as Date, "dateTime")}
                  {k === "deliveredAt" && s.deliveredAutomatically && ` ${t("deliveredAutomatically")}`}
                </dd>
              </div>
            ))}
          </dl>
        )}
        <h2 className="text-sm font-semibold">{t("lines")}</h2>
        <ShipmentLines lines={s.lines} />
        <p className="flex justify-between text-sm">
          <span>{t("shippingFee")}</span>
          <Price fen={s.shippingFen} />
        </p>
        <h2 className="text-sm font-semibold">{t("address")}</h2>
        <ShipmentAddress address={s.address} />
        {s.order.note && <p className="text-sm">{t("note", { note: s.order.note })}</p>}
        <Link href={`/coop/orders/${s.id}/slip`} prefetch={false} className="inline-block py-2 text-sm font-medium text-wine-700 underline">
          {t("slipLink")}
        </Link>
      </Section>
      {open && s.order.openRefund && <Notice tone="bad">{t("openRefund")}</Notice>}
      {open && (
        <Section title={t("shipTitle")} className="space-y-4">
          {s.status === "PENDING" && <PackForm cooperativeId={s.cooperativeId} shipmentId={s.id} />}
          <ShipForm cooperativeId={s.cooperativeId} shipmentId={s.id} />
        </Section>
      )}
    </div>
  );
}
