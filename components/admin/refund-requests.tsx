import { useFormatter, useTranslations } from "next-intl";
import { Price } from "@/components/ui/price";
import { Notice, Section } from "@/components/ui/section";
import { AUTO_DELIVER_AFTER_DAYS } from "@/lib/domain/delivery";
import { decideRefundAction } from "@/lib/server/actions/admin/decide-refund";
import type { listRefundRequests } from "@/lib/server/queries/orders";
import { RowActionError, RowActionForm, RowActions } from "./row-actions";

type Request = Awaited<ReturnType<typeof listRefundRequests>>[number];

/**
 * Refund requests waiting for an admin, each with its approve and reject buttons. Both forms of all the rows share
 * one action state (row-actions.tsx): a decided request leaves the list and its success shows above it; a refusal
 * (decided by another admin meanwhile, Stripe refused) shows once, on its own row.
 */
export function RefundRequests({ refunds }: { refunds: Request[] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <RowActions action={decideRefundAction} rowField="refundId" testId="refund-status">
      {refunds.length === 0 && <Notice>{t("admin.refundsEmpty")}</Notice>}
      <ul className="space-y-3">
        {refunds.map((r) => (
          // data-order (the order's number) is read by the e2e tests.
          <Section key={r.id} as="li" className="space-y-2" testId="refund" data={{ "data-order": r.order.number }}>
            <p className="flex flex-wrap justify-between gap-2 font-medium">
              <span className="font-mono">{r.order.number}</span>
              <Price fen={r.amountFen} />
            </p>
            <p className="text-sm text-earth-600">
              {t(`orders.method.${r.order.paymentMethod}`)} · {format.dateTime(r.createdAt, "dateTime")}
            </p>
            <RequestAbout request={r} />
            {r.reason && <p className="text-sm">{r.reason}</p>}
            <div className="flex flex-wrap gap-2">
              <RowActionForm rowId={r.id} quiet submitLabel={t("admin.approve")}>
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="approve" />
              </RowActionForm>
              <RowActionForm rowId={r.id} quiet submitLabel={t("admin.reject")} variant="danger">
                <input type="hidden" name="refundId" value={r.id} />
                <input type="hidden" name="decision" value="reject" />
              </RowActionForm>
            </div>
            <RowActionError rowId={r.id} />
          </Section>
        ))}
      </ul>
    </RowActions>
  );
}

/**
 * Beside an after-sales request: the reason the buyer picked and the parcel it names as it stands now (state,
 * cooperative, carrier, tracking number, when it shipped and arrived). A request made before any parcel left
 * says so.
 */
function RequestAbout({ request }: { request: Request }) {
  const t = useTranslations();
  const format = useFormatter();
  const s = request.shipment;
  if (!s) return request.reasonCode ? <p className="text-sm font-medium">{t(`afterSales.reasons.${request.reasonCode}`)}</p> : <p className="text-xs text-earth-600">{t("afterSales.admin.beforeShipping")}</p>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg bg-earth-100/60 p-3 text-sm" data-testid="refund-shipment" data-shipment-status={s.status}>
      {request.reasonCode && (
        <>
          <dt className="text-earth-600">{t("afterSales.admin.reason")}</dt>
          <dd className="font-medium" data-testid="refund-reason-code">
            {t(`afterSales.reasons.${request.reasonCode}`)}
          </dd>
        </>
      )}
      <dt className="text-earth-600">{t("afterSales.admin.shipment")}</dt>
      <dd>
        {s.cooperative} · <span className="font-medium">{t(`orders.shipmentStatus.${s.status}`)}</span>
      </dd>
      {s.trackingNumber && (
        <>
          <dt className="text-earth-600">{t("orders.parcel.trackingNumber")}</dt>
          <dd>
            {s.carrier} <span className="font-mono break-all select-all">{s.trackingNumber}</span>
          </dd>
        </>
      )}
      {s.shippedAt && (
        <>
          <dt className="text-earth-600">{t("orders.parcel.shippedAt")}</dt>
          <dd>{format.dateTime(s.shippedAt, "dateTime")}</dd>
        </>
      )}
      {s.deliveredAt && (
        <>
          <dt className="text-earth-600">{t("orders.parcel.deliveredAt")}</dt>
          <dd>
            {format.dateTime(s.deliveredAt, "dateTime")}
            {s.deliveredAutomatically && <span className="block text-xs text-earth-600">{t("orders.parcel.deliveredAutomatically", { days: AUTO_DELIVER_AFTER_DAYS })}</span>}
          </dd>
        </>
      )}
    </dl>
  );
}
