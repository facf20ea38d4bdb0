import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Notice, PageHeader } from "@/components/ui/section";
import { Price } from "@/components/ui/price";
import type { listBuyerOrders } from "@/lib/server/queries/orders";

type OrderRow = Awaited<ReturnType<typeof listBuyerOrders>>[number];

/** The buyer's orders, newest first, each a link to its page. */
export function OrderList({ orders }: { orders: OrderRow[] }) {
  const t = useTranslations("orders");
  const format = useFormatter();
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      {orders.length === 0 ? (
        <Notice>{t("empty")}</Notice>
      ) : (
        <ul className="space-y-3">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`/account/orders/${o.id}`} className="block rounded-2xl bg-white p-4 shadow-sm hover:text-wine-700">
                <span className="flex justify-between font-medium">
                  <span className="font-mono">{o.number}</span>
                  <span>{t(`status.${o.status}`)}</span>
                </span>
                <span className="flex justify-between text-sm text-earth-600">
                  <span>{format.dateTime(o.placedAt, "dateTime")}</span>
                  <Price fen={o.totalFen} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
