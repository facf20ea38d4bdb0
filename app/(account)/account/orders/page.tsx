import type { Metadata } from "next";
import Link from "next/link";
import { formatFen } from "@/lib/domain/money";
import { guardPage } from "@/lib/server/authz";
import { getLocale, getT } from "@/lib/server/i18n";
import { listBuyerOrders } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("orders.title"), robots: { index: false } };
}

export default async function OrdersPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/orders");
  const [t, locale, orders] = await Promise.all([getT(), getLocale(), listBuyerOrders(user.id)]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("orders.title")}</h1>
      {orders.length === 0 ? (
        <p className="rounded-xl bg-white p-4">{t("orders.empty")}</p>
      ) : (
        <ul className="space-y-3">
          {orders.map((o) => (
            <li key={o.id}>
              <Link href={`/account/orders/${o.id}`} className="block rounded-xl bg-white p-4 shadow-sm hover:text-wine-700">
                <span className="flex justify-between font-medium">
                  <span className="font-mono">{o.number}</span>
                  <span>{t(`orders.status.${o.status}`)}</span>
                </span>
                <span className="flex justify-between text-sm text-earth-600">
                  <span>{when.format(o.placedAt)}</span>
                  <span className="tabular-nums">{formatFen(o.totalFen, locale)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
