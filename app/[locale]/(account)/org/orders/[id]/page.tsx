import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrderDetail } from "@/components/account/order-detail";
import { asShown } from "@/components/account/order-view";
import { orgPageRoles } from "@/lib/domain/org-nav";
import { isReservationExpired } from "@/lib/domain/order-state";
import { db } from "@/lib/server/db";
import { getLocale, getT } from "@/lib/server/i18n";
import { guardOrgPage } from "@/lib/server/orgs/guard";
import { getOrganisationOrder, operatorBankAccount } from "@/lib/server/queries/orders";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("orders.title"), robots: { index: false } };
}

/**
 * One of the organisation's orders, for any member: its approval, how to pay it (the transfer from the
 * organisation's account), its parcels. Another organisation's order is "not found". Only its purchaser may cancel
 * it or ask for a refund (their own order page has those).
 */
export default async function OrgOrderPage({ params }: Props) {
  const { id } = await params;
  const member = await guardOrgPage(orgPageRoles("orders"), `/org/orders/${id}`);
  const order = await getOrganisationOrder(db, { organisationId: member.organisationId, orderId: id, locale: await getLocale() });
  if (!order) notFound();
  return <OrderDetail order={asShown(order, isReservationExpired(order))} impact={null} bank={operatorBankAccount()} returnedFromPayment={false} ownOrder={order.buyerId === member.user.id} />;
}
