import type { Metadata } from "next";
import { OrderList } from "@/components/account/order-list";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { listBuyerOrders } from "@/lib/server/queries/orders";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("orders.title"), robots: { index: false } };
}

export default async function OrdersPage() {
  const user = await guardPage({ kind: "signedIn" }, "/account/orders");
  return <OrderList orders={await listBuyerOrders(db, { buyerId: user.id, organisationId: user.organisation?.id })} />;
}
