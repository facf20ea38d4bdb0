import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Notice, PageHeader } from "@/components/ui/section";
import { Price } from "@/components/ui/price";
import { isReservationExpired } from "@/lib/domain/order-state";
import type { listBuyerOrders } from "@/lib/server/queries/orders";
import { asShown, shippingSummary } from "./order-view";

type OrderRow = Awaited<ReturnType<typeof listBuyerOrders>>[number] & { buyer?: { name: string | null; email: string } };

/**
 * The buyer's orders (or an organisation's, with who placed each), newest first, each a link to its page with a
 * line about where its parcels are, and its approval when the organisation's approver has a say.
 */
export function OrderList({ orders, basePath = "/account/orders", title }: { orders: OrderRow[]; basePath?: string; title?: string }) {
  const t = useTranslations("orders");
  const ta = useTranslations("org.approvals");
  const format = useFormatter();
  return (
    <div className="space-y-4">
      <PageHeader title={title ?? t("title")} />
      {orders.length === 0 ? (
        <Notice>{t("empty")}</Notice>
      ) : (
        <ul className="space-y-3">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`${basePath}/${o.id}`} className="block rounded-2xl bg-white p-4 shadow-sm hover:text-wine-700" data-testid="order-row" data-approval={o.approvalStatus}>
                <span className="flex justify-between font-medium">
                  <span className="font-mono">{o.number}</span>
                  <span>{t(`status.${shown(o).status}`)}</span>
                </span>
                <span className="flex justify-between text-sm text-earth-600">
                  <span>{format.dateTime(o.placedAt, "dateTime")}</span>
                  <Price fen={o.totalFen} />
                </span>
                {(o.buyer || approvalShown(o)) && (
                  <span className="flex justify-between text-sm text-earth-600">
                    <span>{o.buyer ? (o.buyer.name ?? o.buyer.email) : ""}</span>
                    {approvalShown(o) && <span className={o.approvalStatus === "PENDING" ? "font-medium text-wine-700" : ""}>{ta(`state.${o.approvalStatus}`)}</span>}
                  </span>
                )}
                <ShippingLine order={o} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The approval's state, except a "waiting" that no longer waits (the order cancelled or expired undecided). */
const approvalShown = (o: OrderRow) => o.approvalStatus !== "NONE" && !(o.approvalStatus === "PENDING" && shown(o).status !== "PENDING_PAYMENT");

/** An unpaid order whose reservation ran out reads as cancelled, as on its own page (order-view.ts). */
const shown = (o: OrderRow) => asShown(o, isReservationExpired(o));

function ShippingLine({ order }: { order: OrderRow }) {
  const t = useTranslations("orders");
  const o = shown(order);
  const parts = shippingSummary(o.status, o.shipments);
  if (parts.length === 0) return null;
  return (
    <span className="block text-sm text-earth-600" data-testid="order-shipping">
      {t("summary", { parts: parts.map((p) => t("summaryPart", { state: t(`shipmentStatus.${p.state}`), count: p.count })).join(" · ") })}
    </span>
  );
}
