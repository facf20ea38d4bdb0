import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/cart/auto-refresh";
import { ImpactSummary } from "@/components/impact/impact-summary";
import { ActionForm, Field } from "@/components/ui/action-form";
import { formatFen } from "@/lib/domain/money";
import { cancelOrderAction } from "@/lib/server/actions/orders/cancel-order";
import { requestRefundAction } from "@/lib/server/actions/orders/request-refund";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { sweepSoon } from "@/lib/server/orders/sweep";
import { orderImpact } from "@/lib/server/queries/impact";
import { getBuyerOrder, operatorBankAccount } from "@/lib/server/queries/orders";
import { districtName } from "@/lib/validation/account";
import { REFUNDABLE_STATUSES } from "@/lib/domain/checkout";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ paid?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("orders.title"), robots: { index: false } };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, { paid }] = await Promise.all([params, searchParams]);
  const user = await guardPage({ kind: "signedIn" }, `/account/orders/${id}`);
  await sweepSoon(db);
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const order = await getBuyerOrder(user.id, id, locale);
  if (!order) notFound();
  // Only once the order is the buyer's (above): the ledger of a paid order.
  const impact = order.paidAt ? await orderImpact(order.id) : null;
  const money = (fen: number) => formatFen(fen, locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  const pending = order.status === "PENDING_PAYMENT";
  const paidLike = (REFUNDABLE_STATUSES as readonly string[]).includes(order.status);
  const bank = operatorBankAccount();
  const openRefund = order.refunds.some((r) => r.status === "REQUESTED" || r.status === "APPROVED");
  const lastRefundFailed = order.refunds.at(-1)?.status === "FAILED";
  const timeline = [
    { label: t("orders.placed"), at: order.placedAt },
    ...(order.paidAt ? [{ label: t("orders.paid"), at: order.paidAt }] : []),
    ...(order.cancelledAt ? [{ label: t("orders.cancelled"), at: order.cancelledAt }] : []),
    ...(order.refundedFen > 0 ? [{ label: t("orders.refunded", { amount: money(order.refundedFen) }), at: null }] : []),
  ];
  return (
    <div className="space-y-5">
      {paid && pending && order.paymentMethod === "STRIPE" && (
        <div role="status" className="rounded-xl bg-leaf-50 p-4 text-leaf-700">
          <p className="font-medium">{t("orders.waiting")}</p>
          <p className="text-sm">{t("orders.waitingNote")}</p>
          <AutoRefresh />
        </div>
      )}
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">
          {t("orders.number")} <span className="font-mono">{order.number}</span>
        </h1>
        <p className="text-lg font-semibold" data-testid="order-status">
          {t(`orders.status.${order.status}`)}
        </p>
      </header>

      <section aria-labelledby="timeline" className="rounded-2xl bg-white p-4 shadow-sm">
        <h2 id="timeline" className="font-semibold">
          {t("orders.timeline")}
        </h2>
        <ol className="mt-2 space-y-1 border-l-2 border-wine-100 pl-4 text-sm">
          {timeline.map((e) => (
            <li key={e.label}>
              <span className="font-medium">{e.label}</span> {e.at && <span className="text-earth-600">{when.format(e.at)}</span>}
            </li>
          ))}
        </ol>
        {pending && order.reservedUntil && <p className="mt-2 text-sm text-earth-600">{t("orders.reservedUntil", { time: when.format(order.reservedUntil) })}</p>}
      </section>

      {pending && order.paymentMethod === "BANK_TRANSFER" && (
        <section aria-labelledby="bank" className="rounded-2xl border-2 border-wine-100 bg-white p-4">
          <h2 id="bank" className="font-semibold">
            {t("orders.bankTitle")}
          </h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-earth-600">{t("orders.bankAccountName")}</dt>
            <dd>{bank.name}</dd>
            <dt className="text-earth-600">{t("orders.bankName")}</dt>
            <dd>{bank.bank}</dd>
            <dt className="text-earth-600">{t("orders.bankAccount")}</dt>
            <dd className="font-mono">{bank.number}</dd>
            <dt className="text-earth-600">{t("orders.bankAmount")}</dt>
            <dd className="font-semibold tabular-nums">{money(order.totalFen)}</dd>
            <dt className="text-earth-600">{t("orders.bankReference")}</dt>
            <dd className="font-mono text-lg font-bold text-wine-700" data-testid="transfer-reference">
              {order.transferReference}
            </dd>
          </dl>
        </section>
      )}

      {impact && impact.orders > 0 && <ImpactSummary impact={impact} locale={locale} t={t} title={t("impact.orderTitle")} lead={t("impact.orderLead")} testId="order-impact" />}

      <section aria-labelledby="parcels" className="space-y-3">
        <h2 id="parcels" className="font-semibold">
          {t("orders.shipments")}
        </h2>
        {order.shipments.map((s) => (
          <div key={s.id} className="rounded-2xl bg-white p-4 shadow-sm" data-testid="shipment">
            <p className="font-medium">{t("orders.shipmentFrom", { cooperative: s.cooperative, status: t(`orders.shipmentStatus.${s.status}`) })}</p>
            {s.trackingNumber && <p className="text-sm">{t("orders.tracking", { carrier: s.carrier ?? "", number: s.trackingNumber })}</p>}
            <ul className="mt-2 text-sm">
              {s.items.map((i) => (
                <li key={i.id} className="flex justify-between">
                  <span>
                    {i.name} × {i.quantity}
                  </span>
                  <span className="tabular-nums">{money(i.lineTotalFen)}</span>
                </li>
              ))}
              <li className="flex justify-between text-earth-600">
                <span>{t("cart.shipping")}</span>
                <span className="tabular-nums">{s.shippingFen > 0 ? money(s.shippingFen) : t("cart.freeShipping")}</span>
              </li>
            </ul>
          </div>
        ))}
        <p className="flex justify-between rounded-2xl bg-white p-4 text-lg font-semibold shadow-sm">
          <span>
            {t("cart.total")} · {t(`orders.method.${order.paymentMethod}`)}
          </span>
          <span className="tabular-nums text-wine-700">{money(order.totalFen)}</span>
        </p>
      </section>

      <section aria-labelledby="deliver" className="rounded-2xl bg-white p-4 text-sm shadow-sm">
        <h2 id="deliver" className="font-semibold">
          {t("orders.deliverTo")}
        </h2>
        <p>
          {order.recipient} {order.phone}
        </p>
        <p>
          {t("account.beijing")} {districtName(order.district, locale)} {order.street}
        </p>
        {order.note && <p className="text-earth-600">{order.note}</p>}
        {order.invoiceTitle && <p>{t("orders.invoice", { title: order.invoiceTitle, taxId: order.taxId ?? "" })}</p>}
      </section>

      {pending && (
        <ActionForm action={cancelOrderAction} submitLabel={t("orders.cancel")} variant="danger" testId="cancel-order">
          <input type="hidden" name="orderId" value={order.id} />
        </ActionForm>
      )}
      {paidLike && !openRefund && lastRefundFailed && <p className="rounded-xl bg-earth-100 p-3 text-sm" role="status">{t("orders.refundFailed")}</p>}
      {paidLike && !openRefund && order.totalFen > order.refundedFen && (
        <ActionForm action={requestRefundAction} submitLabel={t("orders.refund")} variant="secondary" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm" testId="refund-form">
          <input type="hidden" name="orderId" value={order.id} />
          <Field name="reason" label={t("orders.refundReason")} maxLength={500} />
        </ActionForm>
      )}
      {openRefund && <p className="rounded-xl bg-earth-100 p-3 text-sm">{t("orders.refundRequested")}</p>}
    </div>
  );
}
