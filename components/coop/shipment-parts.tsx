import { useFormatter, useLocale, useTranslations } from "next-intl";
import { carrierLabel } from "@/lib/domain/carriers";
import type { QueueShipment } from "@/lib/server/fulfilment/queue";
import { districtName } from "@/lib/validation/account";
import { named } from "./dates";

/** The buyer's delivery address (personal data: only on pages that audit its reading). */
export function ShipmentAddress({ address }: { address: QueueShipment["address"] }) {
  const t = useTranslations("fulfilment");
  const locale = useLocale();
  return (
    <address className="text-sm not-italic" data-testid="shipment-address">
      <span className="font-medium">{t("addressLine", { recipient: address.recipient, phone: address.phone })}</span>
      <br />
      {districtName(address.district, locale)} {address.street}
    </address>
  );
}

/** This cooperative's lines of the order, each with its quantity and the batch to pick. */
export function ShipmentLines({ lines }: { lines: QueueShipment["lines"] }) {
  const t = useTranslations("fulfilment");
  const locale = useLocale();
  return (
    <ul className="space-y-1 text-sm">
      {lines.map((l) => (
        <li key={l.id} className="flex flex-wrap justify-between gap-x-3">
          <span>
            {t("line", { name: named(l, locale), quantity: l.quantity })}
            {l.refundedQuantity > 0 && <span className="text-wine-700"> · {t("refundedUnits", { count: l.refundedQuantity })}</span>}
          </span>
          <span className="font-mono text-earth-600">{l.batch ? t("batch", { lot: l.batch.lotNumber }) : t("noBatch")}</span>
        </li>
      ))}
    </ul>
  );
}

/** State, carrier and tracking number, and the times of each step. */
export function ShipmentStatusLine({ shipment }: { shipment: Pick<QueueShipment, "status" | "carrier" | "carrierName" | "trackingNumber" | "shippedAt"> }) {
  const t = useTranslations("fulfilment");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="rounded-full bg-earth-100 px-2 py-0.5 font-medium" data-testid="shipment-status" data-status={shipment.status}>
        {t(`status.${shipment.status}`)}
      </span>
      {shipment.carrier && shipment.trackingNumber && (
        <span className="font-mono" data-testid="shipment-tracking">
          {t("shippedWith", { carrier: carrierLabel(shipment.carrier, locale, shipment.carrierName), number: shipment.trackingNumber })}
        </span>
      )}
      {shipment.shippedAt && <span className="text-earth-600">{format.dateTime(shipment.shippedAt, "dateTime")}</span>}
    </p>
  );
}
