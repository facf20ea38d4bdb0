import { useTranslations } from "next-intl";
import { ActionForm, Field, SelectField } from "@/components/ui/action-form";
import { Notice, Section } from "@/components/ui/section";
import { isDispatched, REFUND_REASONS } from "@/lib/domain/delivery";
import { isOpenRefund, isRefundableOrder } from "@/lib/domain/order-state";
import { cancelOrderAction } from "@/lib/server/actions/orders/cancel-order";
import { requestRefundAction } from "@/lib/server/actions/orders/request-refund";
import type { BuyerOrder } from "./order-detail";

/**
 * Cancelling an unpaid order takes two steps, the second inside a <details> so that it works without
 * JavaScript: the first tap only opens the question and the real button.
 */
export function CancelOrder({ orderId }: { orderId: string }) {
  const t = useTranslations("orders");
  return (
    <details className="group rounded-2xl bg-white p-4 shadow-sm" data-testid="cancel-order-confirm">
      <summary className="inline-block cursor-pointer list-none rounded-lg border border-wine-700 px-5 py-2.5 font-medium text-wine-700 hover:bg-wine-50 group-open:mb-3 [&::-webkit-details-marker]:hidden">
        {t("cancel")}
      </summary>
      <p className="mb-3 text-sm">{t("cancelConfirm")}</p>
      <ActionForm action={cancelOrderAction} submitLabel={t("cancelConfirmButton")} variant="danger" testId="cancel-order">
        <input type="hidden" name="orderId" value={orderId} />
      </ActionForm>
    </details>
  );
}

/**
 * A paid order's refund request, or where an earlier one stands. Once a parcel has shipped the request is
 * after-sales: it names one of the parcels that left and what went wrong (the server checks both again).
 */
export function RefundRequest({ order }: { order: Pick<BuyerOrder, "id" | "status" | "refunds" | "totalFen" | "refundedFen" | "shipments"> }) {
  const t = useTranslations("orders");
  const ta = useTranslations("afterSales");
  const paidLike = isRefundableOrder(order.status);
  const openRefund = order.refunds.some((r) => isOpenRefund(r.status));
  const lastRefundFailed = order.refunds.at(-1)?.status === "FAILED";
  if (openRefund) return <Notice>{t("refundRequested")}</Notice>;
  if (!paidLike) return null;
  const dispatched = order.shipments.filter((s) => isDispatched(s.status));
  return (
    <>
      {lastRefundFailed && <Notice role="status">{t("refundFailed")}</Notice>}
      {order.totalFen > order.refundedFen && (
        <Section as="div" title={dispatched.length > 0 ? ta("title") : undefined}>
          <ActionForm action={requestRefundAction} submitLabel={t("refund")} variant="secondary" className="space-y-3" testId="refund-form">
            <input type="hidden" name="orderId" value={order.id} />
            {dispatched.length > 0 ? (
              <>
                <p className="text-sm text-earth-600">{ta("lead")}</p>
                <SelectField
                  name="shipmentId"
                  label={ta("shipment")}
                  placeholder={ta("choose")}
                  defaultValue={dispatched.length === 1 ? dispatched[0]?.id : undefined}
                  options={dispatched.map((s) => ({
                    value: s.id,
                    label: [ta("shipmentOption", { cooperative: s.cooperative, status: t(`shipmentStatus.${s.status}`) }), s.trackingNumber].filter(Boolean).join(" · "),
                  }))}
                />
                <SelectField name="reasonCode" label={ta("reasonCode")} placeholder={ta("choose")} options={REFUND_REASONS.map((r) => ({ value: r, label: ta(`reasons.${r}`) }))} />
                <Field name="reason" label={ta("details")} maxLength={500} />
              </>
            ) : (
              <Field name="reason" label={t("refundReason")} maxLength={500} />
            )}
          </ActionForm>
        </Section>
      )}
    </>
  );
}
