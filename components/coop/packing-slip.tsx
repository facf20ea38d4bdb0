import { useLocale, useTranslations } from "next-intl";
import type { CoopShipment } from "@/lib/server/fulfilment/queue";
import { named } from "./dates";
import { ShipmentAddress } from "./shipment-parts";

export interface SlipLine {
  id: string;
  name: string;
  spec: string;
  quantity: number;
  lot: string | null;
  /** An SVG data URL of the QR code of the batch's public origin page, when the product has a batch. */
  qr: string | null;
  traceUrl: string | null;
}

// A5 portrait by default (fits A4 too: the browser scales or centres it). Only the slip is printed.
const CSS = `
@page { size: A5; margin: 10mm; }
.slip { max-width: 148mm; background: white; color: black; }
@media print {
  body * { visibility: hidden; }
  .slip-print, .slip-print * { visibility: visible; }
  .slip-print { position: absolute; left: 0; top: 0; width: 100%; }
  .slip { box-shadow: none; padding: 0; max-width: none; }
  html, body { background: white; }
}`;

/** One shipment's packing slip: order number, the lines with quantity and batch to pick, the address, QR codes. */
export function PackingSlip({ shipment, lines }: { shipment: CoopShipment; lines: SlipLine[] }) {
  const t = useTranslations("fulfilment");
  const locale = useLocale();
  return (
    <div className="slip-print" role="region" aria-label={t("slip.sheet")}>
      <style>{CSS}</style>
      <article className="slip space-y-4 rounded-2xl p-5 shadow-sm" data-testid="packing-slip" data-order={shipment.order.number}>
        <header className="flex items-baseline justify-between gap-2 border-b border-black pb-2">
          <h2 className="text-lg font-bold">{t("slip.title")}</h2>
          <p className="font-mono text-lg font-bold">{shipment.reference}</p>
        </header>
        <p className="text-sm">{t("slip.from", { cooperative: named(shipment.cooperative, locale) })}</p>
        <section>
          <h3 className="text-sm font-semibold">{t("slip.to")}</h3>
          <ShipmentAddress address={shipment.address} />
        </section>
        <table className="w-full text-sm">
          <thead>
            <tr className="border-b border-black text-left">
              <th scope="col" className="py-1 pr-2">{t("slip.item")}</th>
              <th scope="col" className="whitespace-nowrap py-1 pr-2 text-right">{t("slip.quantity")}</th>
              <th scope="col" className="py-1 pr-2">{t("slip.lot")}</th>
              <th scope="col" className="py-1 text-center">{t("slip.scan")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id} className="border-b border-black/30 align-middle">
                <td className="py-2 pr-2">
                  {l.name}
                  {l.spec && <span className="block text-xs">{l.spec}</span>}
                </td>
                <td className="py-2 pr-2 text-right text-base font-bold tabular-nums">{l.quantity}</td>
                <td className="py-2 pr-2 font-mono">{l.lot ?? "—"}</td>
                <td className="py-2 text-center">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an SVG data URL drawn on the server, printed at its physical size */}
                  {l.qr && <img src={l.qr} alt={l.traceUrl ?? ""} className="mx-auto size-[22mm]" />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shipment.order.note && <p className="text-sm">{t("note", { note: shipment.order.note })}</p>}
      </article>
    </div>
  );
}
