import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/account/order-detail";
import { asShown } from "@/components/account/order-view";
import { guardPage } from "@/lib/server/authz";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { isReservationExpired } from "@/lib/domain/order-state";
import { orderImpact } from "@/lib/server/queries/impact";
import { getBuyerOrder, operatorBankAccount } from "@/lib/server/queries/orders";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ paid?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("orders.title"), robots: { index: false } };
}

export default async function OrderPage({ params, searchParams }: Props) {
  const [{ id }, { paid }] = await Promise.all([params, searchParams]);
  const user = await guardPage({ kind: "signedIn" }, `/account/orders/${id}`);
  const order = await getBuyerOrder(db, { buyerId: user.id, organisationId: user.organisation?.id, orderId: id, locale: await getLocale() });
  if (!order) notFound();
  // The ledger of a paid order (the read is scoped to the buyer as well).
  const impact = order.paidAt ? await orderImpact(db, { buyerId: user.id, orderId: order.id }) : null;
  return <OrderDetail order={asShown(order, isReservationExpired(order))} impact={impact} bank={operatorBankAccount()} returnedFromPayment={Boolean(paid)} />;
}
