import { useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Section } from "@/components/ui/section";
import type { BuyerOrder } from "./order-detail";
import { parcelState } from "./order-view";

/** One parcel per cooperative, with its lines and shipping, then the order's total and payment method. */
export function OrderParcels({ order }: { order: Pick<BuyerOrder, "status" | "shipments" | "totalFen" | "paymentMethod"> }) {
  const t = useTranslations("orders");
  const tc = useTranslations("cart");
  const tl = useTranslations("checkout");
  return (
    <section aria-labelledby="parcels" className="space-y-3">
      <h2 id="parcels" className="text-lg font-semibold">
        {t("shipments")}
      </h2>
      {order.shipments.map((s) => (
        <Section as="div" key={s.id} testId="shipment">
          <p className="font-medium">{t("shipmentFrom", { cooperative: s.cooperative, status: t(`shipmentStatus.${parcelState(order.status, s.status)}`) })}</p>
          {s.trackingNumber && <p className="text-sm">{t("tracking", { carrier: s.carrier ?? "", number: s.trackingNumber })}</p>}
          <ul className="mt-2 text-sm">
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
        </Section>
      ))}
      <Section as="div" className="flex justify-between text-lg font-semibold">
        <span>
          {tc("total")} · {t(`method.${order.paymentMethod}`)}
        </span>
        <Price fen={order.totalFen} className="text-wine-700" />
      </Section>
    </section>
  );
}
