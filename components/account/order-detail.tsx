import { useFormatter, useTranslations } from "next-intl";
import { AddressLine } from "@/components/account/address-fields";
import { BankTransferDetails, type BankAccount } from "@/components/account/bank-transfer-details";
import { CancelOrder, RefundRequest } from "@/components/account/order-actions";
import { OrderParcels } from "@/components/account/order-parcels";
import { OrderTimeline } from "@/components/account/order-timeline";
import { AutoRefresh } from "@/components/cart/auto-refresh";
import { ImpactSummary } from "@/components/impact/impact-summary";
import { Notice, PageHeader, Section } from "@/components/ui/section";
import type { Impact } from "@/lib/server/queries/impact";
import type { getBuyerOrder } from "@/lib/server/queries/orders";

export type BuyerOrder = NonNullable<Awaited<ReturnType<typeof getBuyerOrder>>>;

/** One of the buyer's orders: progress, how to pay, what it did, its parcels, where it goes, what can be done. */
export function OrderDetail({
  order,
  impact,
  bank,
  returnedFromPayment,
  ownOrder = true,
}: {
  order: BuyerOrder;
  impact: Impact | null;
  bank: BankAccount;
  returnedFromPayment: boolean;
  /** Whether the reader placed it (an organisation's other members read it, and cannot cancel it or ask a refund). */
  ownOrder?: boolean;
}) {
  const t = useTranslations("orders");
  const ti = useTranslations("impact");
  const ta = useTranslations("org.approvals");
  const format = useFormatter();
  const pending = order.status === "PENDING_PAYMENT";
  // An organisation's order above its threshold is paid only once its approver said yes (lib/domain/approval.ts).
  const awaitingApproval = pending && order.approvalStatus === "PENDING";
  return (
    <div className="space-y-5">
      {returnedFromPayment && pending && order.paymentMethod === "STRIPE" && (
        <div role="status" className="rounded-xl bg-leaf-50 p-4 text-leaf-700">
          <p className="font-medium">{t("waiting")}</p>
          <p className="text-sm">{t("waitingNote")}</p>
          <AutoRefresh />
        </div>
      )}
      <PageHeader
        title={
          <>
            {t("number")} <span className="font-mono">{order.number}</span>
          </>
        }
        action={
          <p className="text-lg font-semibold" data-testid="order-status">
            {t(`status.${order.status}`)}
          </p>
        }
      />
      {order.status === "CANCELLED" && <Notice role="status">{t("cancelled")}</Notice>}
      <OrderTimeline order={order} />
      {awaitingApproval && (
        <Notice tone="bad" role="status">
          {order.reservedUntil ? ta("waitingUntil", { deadline: format.dateTime(order.reservedUntil, "dateTime") }) : ta("state.PENDING")}
        </Notice>
      )}
      {order.approvalStatus === "APPROVED" && <Notice tone="good">{ta("approvedNote", { note: order.approvalNote ?? "" })}</Notice>}
      {order.approvalStatus === "REJECTED" && (
        <Notice tone="bad" role="status">
          {ta("rejectedNote", { note: order.approvalNote ?? "" })}
        </Notice>
      )}
      {pending && !awaitingApproval && order.paymentMethod === "BANK_TRANSFER" && <BankTransferDetails bank={bank} totalFen={order.totalFen} reference={order.transferReference} />}
      {pending && !awaitingApproval && order.organisationId && order.invoiceTitle && <p className="text-sm" data-testid="payer">{ta("payFrom", { title: order.invoiceTitle, taxId: order.taxId ?? "" })}</p>}
      {impact && impact.orders > 0 && <ImpactSummary impact={impact} title={ti("orderTitle")} lead={ti("orderLead")} testId="order-impact" />}
      <OrderParcels order={order} ownOrder={ownOrder} />
      <Section title={t("deliverTo")} className="text-sm">
        <p>
          {order.recipient} {order.phone}
        </p>
        <p>
          <AddressLine district={order.district} street={order.street} />
        </p>
        {order.note && <p className="text-earth-600">{order.note}</p>}
        {order.invoiceTitle && <p>{t("invoice", { title: order.invoiceTitle, taxId: order.taxId ?? "" })}</p>}
      </Section>
      {ownOrder && pending && <CancelOrder orderId={order.id} />}
      {ownOrder && <RefundRequest order={order} />}
    </div>
  );
}
