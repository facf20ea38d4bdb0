import { useFormatter, useTranslations } from "next-intl";
import { Section } from "@/components/ui/section";
import { yuan } from "@/lib/i18n/format";
import type { BuyerOrder } from "./order-detail";

/** Placed, paid, cancelled, refunded: the order's steps with their Beijing times. */
export function OrderTimeline({ order }: { order: Pick<BuyerOrder, "status" | "placedAt" | "paidAt" | "cancelledAt" | "refundedFen" | "reservedUntil"> }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const steps = [
    { label: t("placed"), at: order.placedAt },
    ...(order.paidAt ? [{ label: t("paid"), at: order.paidAt }] : []),
    ...(order.cancelledAt ? [{ label: t("status.CANCELLED"), at: order.cancelledAt }] : []),
    ...(order.refundedFen > 0 ? [{ label: t("refunded", { amount: yuan(order.refundedFen) }), at: null }] : []),
  ];
  return (
    <Section title={t("timeline")}>
      <ol className="space-y-1 border-l-2 border-wine-100 pl-4 text-sm">
        {steps.map((s) => (
          <li key={s.label}>
            <span className="font-medium">{s.label}</span> {s.at && <span className="text-earth-600">{format.dateTime(s.at, "dateTime")}</span>}
          </li>
        ))}
      </ol>
      {order.status === "PENDING_PAYMENT" && order.reservedUntil && <p className="mt-2 text-sm text-earth-600">{t("reservedUntil", { time: order.reservedUntil })}</p>}
    </Section>
  );
}
