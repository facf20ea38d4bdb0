import { useFormatter, useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import { AUTO_DELIVER_AFTER_DAYS, autoDeliverAt } from "@/lib/domain/delivery";
import { confirmReceiptAction } from "@/lib/server/actions/orders/confirm-receipt";
import { CopyText } from "./copy-text";
import type { BuyerOrder } from "./order-detail";
import { parcelState, type ParcelState } from "./order-view";

type Parcel = BuyerOrder["shipments"][number];

const tone: Record<ParcelState, string> = {
  UNPAID: "bg-earth-100 text-earth-900",
  PENDING: "bg-earth-100 text-earth-900",
  PACKED: "bg-leaf-50 text-leaf-700",
  SHIPPED: "bg-leaf-50 text-leaf-700",
  DELIVERED: "bg-leaf-100 text-leaf-700",
  CANCELLED: "bg-wine-50 text-wine-700",
};

/** One parcel per cooperative: its state, courier and tracking number, its times, its lines and shipping. */
export function OrderParcels({ order, ownOrder = true }: { order: Pick<BuyerOrder, "status" | "shipments" | "totalFen" | "paymentMethod">; ownOrder?: boolean }) {
  const t = useTranslations("orders");
  const tc = useTranslations("cart");
  const tl = useTranslations("checkout");
  return (
    <section aria-labelledby="parcels" className="space-y-3">
      <h2 id="parcels" className="text-lg font-semibold">
        {t("shipments")}
      </h2>
      {order.shipments.map((s) => {
        const state = parcelState(order.status, s.status);
        return (
          <Section as="div" key={s.id} testId="shipment" data={{ "data-state": state }} className="space-y-3">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">
                {s.cooperative}
                {/* A gift order's parcel goes to its recipient, not to the order's address. */}
                {s.recipientNo > 0 && s.recipient && <span className="ml-2 font-normal text-earth-600">{t("parcel.to", { number: s.recipientNo, recipient: s.recipient })}</span>}
              </span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone[state]}`} data-testid="shipment-status">
                {t(`shipmentStatus.${state}`)}
              </span>
            </p>
            <ParcelTracking parcel={s} />
            <ParcelTimes parcel={s} />
            <ul className="text-sm" aria-label={t("parcel.lines")}>
              {s.items.map((i) => (
                <li key={i.id} className="flex justify-between gap-2">
                  <span>{tl("lineQuantity", { name: i.name, quantity: i.quantity })}</span>
                  <Price fen={i.lineTotalFen} />
                </li>
              ))}
              <li className="flex justify-between text-earth-600">
                <span>{tc("shipping")}</span>
                {s.shippingFen > 0 ? <Price fen={s.shippingFen} /> : <span>{tc("freeShipping")}</span>}
              </li>
            </ul>
            {ownOrder && s.status === "SHIPPED" && <ConfirmReceipt parcel={s} />}
          </Section>
        );
      })}
      <Section as="div" className="flex justify-between text-lg font-semibold">
        <span>
          {tc("total")} · {t(`method.${order.paymentMethod}`)}
        </span>
        <Price fen={order.totalFen} className="text-wine-700" />
      </Section>
    </section>
  );
}

function ParcelTracking({ parcel }: { parcel: Parcel }) {
  const t = useTranslations("orders.parcel");
  if (!parcel.trackingNumber) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {parcel.carrier && (
        <>
          <dt className="text-earth-600">{t("carrier")}</dt>
          <dd data-testid="carrier">{parcel.carrier}</dd>
        </>
      )}
      <dt className="text-earth-600">{t("trackingNumber")}</dt>
      <dd>
        <CopyText
          value={parcel.trackingNumber}
          labels={{ copy: t("copy"), copyLabel: t("copyLabel", { number: parcel.trackingNumber }), copied: t("copied"), failed: t("copyFailed") }}
        />
      </dd>
    </dl>
  );
}

/** Packed, shipped, delivered: the times this parcel reached each, in Beijing time. */
function ParcelTimes({ parcel }: { parcel: Parcel }) {
  const t = useTranslations("orders.parcel");
  const format = useFormatter();
  const steps = [
    { key: "packedAt", at: parcel.packedAt },
    { key: "shippedAt", at: parcel.shippedAt },
    { key: "deliveredAt", at: parcel.deliveredAt },
  ] as const;
  const shown = steps.filter((s) => s.at);
  if (shown.length === 0) return null;
  return (
    <ol className="space-y-0.5 border-l-2 border-wine-100 pl-3 text-sm">
      {shown.map((s) => (
        <li key={s.key}>
          <span className="font-medium">{t(s.key)}</span> <span className="text-earth-600">{s.at && format.dateTime(s.at, "dateTime")}</span>
          {s.key === "deliveredAt" && parcel.deliveredAutomatically && <span className="block text-xs text-earth-600">{t("deliveredAutomatically", { days: AUTO_DELIVER_AFTER_DAYS })}</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * 确认收货 in two steps, the second inside a <details> so it works without JavaScript: the first tap only asks,
 * the real button is inside.
 */
function ConfirmReceipt({ parcel }: { parcel: Parcel }) {
  const t = useTranslations("orders.parcel");
  return (
    <div className="space-y-2">
      {parcel.shippedAt && <p className="text-xs text-earth-600">{t("autoConfirmOn", { time: autoDeliverAt(parcel.shippedAt) })}</p>}
      <details className="group" data-testid="confirm-receipt">
        <summary className="inline-block cursor-pointer list-none rounded-lg bg-wine-700 px-5 py-2.5 font-medium text-white hover:bg-wine-800 group-open:mb-3 [&::-webkit-details-marker]:hidden">
          {t("confirm")}
        </summary>
        <p className="mb-3 text-sm">{t("confirmQuestion")}</p>
        <ActionForm action={confirmReceiptAction} submitLabel={t("confirmButton")} testId="confirm-receipt-form">
          <input type="hidden" name="shipmentId" value={parcel.id} />
        </ActionForm>
      </details>
    </div>
  );
}
